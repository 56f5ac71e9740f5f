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
package io.modelprint.nd4j;

import java.util.Locale;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Which ND4J backend loaded, named the way modelprint reports it.
 *
 * <pre>{@code
 * LOG.info("ND4J backend: {}", Nd4jRuntime.backendName());
 * }</pre>
 */
public final class Nd4jRuntime {

    private Nd4jRuntime() {
    }

    /**
     * {@code nd4j-cuda} when ND4J runs on CUDA, {@code nd4j-cpu} otherwise. Loads ND4J if it has not
     * loaded yet.
     *
     * @throws RuntimeException or {@link LinkageError} if ND4J's native libraries cannot load
     */
    public static String backendName() {
        String backend = Nd4j.getBackend().getClass().getSimpleName().toLowerCase(Locale.ROOT);
        return backend.contains("cuda") || backend.contains("jcublas") ? "nd4j-cuda" : "nd4j-cpu";
    }

    /** Whether an ND4J backend (nd4j-native or a CUDA build) is on the class path; loads nothing. */
    public static boolean backendOnClassPath() {
        return present("org.nd4j.linalg.factory.Nd4j")
                && (present("org.nd4j.linalg.cpu.nativecpu.CpuBackend") || cudaOnClassPath());
    }

    /** Whether ND4J's CUDA backend is on the class path; loads nothing. */
    public static boolean cudaOnClassPath() {
        return present("org.nd4j.linalg.jcublas.JCublasBackend");
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, Nd4jRuntime.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
