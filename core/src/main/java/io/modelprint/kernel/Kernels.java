/*
 * Copyright 2026 The modelprint authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.modelprint.kernel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the kernel backend to use, once per class loader.
 *
 * <p>Every {@link KernelBackend} listed under {@code META-INF/services} is loaded; those that
 * report {@link KernelBackend#isAvailable() available} compete on {@link KernelBackend#priority()}.
 * The system property {@value #PROPERTY} forces one by name (for example {@code java} to compare
 * against the oracle); naming a backend that is absent fails loudly rather than falling back.
 *
 * <pre>{@code
 * KernelBackend k = Kernels.backend();          // nd4j-cpu when modelprint-nd4j is on the class path
 * KernelBackend java = Kernels.named("java");   // always present
 * }</pre>
 */
public final class Kernels {

    /** System property that forces a backend by {@link KernelBackend#name() name}. */
    public static final String PROPERTY = "modelprint.kernels";

    private static final Logger LOG = LoggerFactory.getLogger(Kernels.class);

    private static volatile KernelBackend chosen;

    private Kernels() {
    }

    /** The backend in use: the forced one, or the available one with the highest priority. */
    public static KernelBackend backend() {
        KernelBackend k = chosen;
        if (k == null) {
            synchronized (Kernels.class) {
                k = chosen;
                if (k == null) {
                    String forced = System.getProperty(PROPERTY);
                    k = forced == null || forced.isBlank() ? best() : named(forced.trim());
                    LOG.info("kernel backend: {}", k.name());
                    chosen = k;
                }
            }
        }
        return k;
    }

    /**
     * The available backend called {@code name}.
     *
     * @throws IllegalArgumentException if none by that name is on the class path and available
     */
    public static KernelBackend named(String name) {
        List<KernelBackend> all = available();
        for (KernelBackend k : all) {
            if (k.name().equals(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException("no kernel backend named '" + name + "'; available: "
                + all.stream().map(KernelBackend::name).toList()
                + ". Add modelprint-nd4j to the class path for the ND4J backends.");
    }

    /** Every backend that loads and reports itself available, highest priority first. */
    public static List<KernelBackend> available() {
        List<KernelBackend> out = new ArrayList<>();
        out.add(new JavaKernels());
        ServiceLoader<KernelBackend> loader = ServiceLoader.load(KernelBackend.class, Kernels.class.getClassLoader());
        var it = loader.iterator();
        while (true) {
            KernelBackend k;
            try {
                if (!it.hasNext()) {
                    break;
                }
                k = it.next();
            } catch (ServiceConfigurationError | LinkageError e) {
                LOG.warn("skipping a kernel backend that failed to load: {}", e.toString());
                continue;
            }
            if (k instanceof JavaKernels) {
                continue;
            }
            try {
                if (k.isAvailable()) {
                    out.add(k);
                } else {
                    LOG.info("kernel backend {} is not available here", k.name());
                }
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("kernel backend {} failed its availability check: {}", k.name(), e.toString());
            }
        }
        out.sort(Comparator.comparingInt(KernelBackend::priority).reversed());
        return out;
    }

    private static KernelBackend best() {
        return available().get(0);
    }
}
