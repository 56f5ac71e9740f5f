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
package io.modelprint.scheme;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The registry: every scheme on the class path, by name, made through its {@link SchemeProvider}.
 *
 * <pre>{@code
 * FingerprintScheme<?> s = Schemes.create("sac-m", Map.of("queries", "300"));
 * Set<String> all = Schemes.providers().keySet(); // [akh, akh-excess, combined, conferrable, ipguard, sac-m, sac-w]
 * }</pre>
 */
public final class Schemes {

    private Schemes() {
    }

    /** The providers found, by scheme name. */
    public static Map<String, SchemeProvider> providers() {
        Map<String, SchemeProvider> out = new TreeMap<>();
        for (SchemeProvider p : ServiceLoader.load(SchemeProvider.class, Schemes.class.getClassLoader())) {
            SchemeProvider previous = out.putIfAbsent(p.name(), p);
            if (previous != null && previous.getClass() != p.getClass()) {
                throw new IllegalStateException("two scheme providers are called " + p.name() + ": "
                        + previous.getClass().getName() + " and " + p.getClass().getName());
            }
        }
        return out;
    }

    /**
     * The provider of the scheme {@code name}.
     *
     * @throws IllegalArgumentException if no scheme has that name, listing those that exist
     */
    public static SchemeProvider provider(String name) {
        Map<String, SchemeProvider> all = providers();
        SchemeProvider p = all.get(name);
        if (p == null) {
            throw new IllegalArgumentException("no fingerprint scheme named '" + name + "'; known: " + all.keySet());
        }
        return p;
    }

    /** The scheme {@code name} with its default parameters. */
    public static FingerprintScheme<?> create(String name) {
        return create(name, Map.of());
    }

    /**
     * The scheme {@code name} with {@code parameters}.
     *
     * @throws IllegalArgumentException if no scheme has that name, or a parameter is unknown or bad
     */
    public static FingerprintScheme<?> create(String name, Map<String, String> parameters) {
        return create(name, SchemeInputs.of(parameters));
    }

    /**
     * The scheme {@code name} from {@code inputs}: parameters and, for the schemes that use them,
     * the owner's models.
     *
     * @throws IllegalArgumentException if no scheme has that name, a parameter is unknown or bad,
     *                                  or models are given to a scheme that uses none
     */
    public static FingerprintScheme<?> create(String name, SchemeInputs inputs) {
        return provider(name).create(inputs);
    }
}
