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

import io.modelprint.config.Param;
import io.modelprint.config.Parameters;
import io.modelprint.fingerprint.CombinedFingerprint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code combined} scheme: several schemes as one ({@link CombinedScheme}).
 *
 * <p>Parameters: {@code schemes} [sac-m,akh], a comma-separated list of scheme names
 * ({@link Components}); {@code shared-queries} [false], whether the components choose the same
 * queries, so that the suspect is asked them once; and each component's own parameters prefixed
 * with its name and a dot, such as {@code sac-m.queries}. The owner's models in the inputs go to
 * the components that use them.
 *
 * <pre>{@code
 * FingerprintScheme<?> s = Schemes.create("combined", Map.of("akh.queries", "300"));
 * FingerprintScheme<?> both = Schemes.create("combined", SchemeInputs.of(Map.of("schemes", "akh-excess,conferrable"))
 *         .withSurrogates(surrogates).withSelectionReferences(references));
 * }</pre>
 */
public final class CombinedProvider extends AbstractSchemeProvider {

    /** The scheme's name. */
    public static final String NAME = "combined";

    /** The components used when none are named. */
    public static final String DEFAULT_COMPONENTS = "sac-m,akh";

    /**
     * Which schemes are combined.
     *
     * <pre>{@code
     * List<String> names = new CombinedProvider.Components("akh-excess, conferrable").names();
     * }</pre>
     *
     * @param schemes scheme names separated by commas (or {@code +}, where a comma would split a list
     *                of schemes, as on a command line), in the order their queries are sent
     */
    public record Components(@Param(description = "the schemes combined, comma-separated") String schemes,
                             @Param(name = "shared-queries", description = "whether the components choose the same "
                                     + "queries, which the suspect is then asked once") boolean sharedQueries) {

        /** Validates. */
        public Components {
            Parameters.check(Components.class, schemes, sharedQueries);
        }

        /** Components with query sets of their own. */
        public Components(String schemes) {
            this(schemes, false);
        }

        /** The names, trimmed, blanks left out. */
        public List<String> names() {
            List<String> out = new ArrayList<>();
            for (String s : schemes.split("[,+]")) {
                if (!s.isBlank()) {
                    out.add(s.trim());
                }
            }
            if (out.isEmpty()) {
                throw new IllegalArgumentException("scheme " + NAME + ": 'schemes' names no scheme");
            }
            return out;
        }
    }

    /** The provider, as {@code ServiceLoader} makes it; its typed parameter is {@code schemes}. */
    public CombinedProvider() {
        super(NAME, "several schemes as one: stolen when any component finds the suspect close",
                new Components(DEFAULT_COMPONENTS));
    }

    @Override
    public Map<String, String> defaults() {
        return defaultsFor(new Components(DEFAULT_COMPONENTS).names());
    }

    @Override
    public String help() {
        return parameters().help() + "\n<component>.<parameter>: a component's own parameter, such as sac-m.queries";
    }

    @Override
    public boolean usesModels() {
        return true;
    }

    private static Map<String, String> defaultsFor(List<String> names) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("schemes", String.join(",", names));
        names.forEach(s -> provider(s).defaults().forEach((k, v) -> d.put(s + "." + k, v)));
        return d;
    }

    private static SchemeProvider provider(String component) {
        Map<String, SchemeProvider> all = Schemes.providers();
        SchemeProvider p = all.get(component);
        if (p == null || component.equals(NAME) || p instanceof ExcessProfileProvider) {
            throw new IllegalArgumentException("scheme " + NAME + ": cannot combine '" + component + "'; known schemes: "
                    + all.keySet());
        }
        return p;
    }

    @Override
    public FingerprintScheme<CombinedFingerprint> create(SchemeInputs inputs) {
        return combine(NAME, inputs);
    }

    /** Defaults of a combination of {@code names}, with {@code overrides} on top. */
    static Map<String, String> defaultsFor(List<String> names, Map<String, String> overrides) {
        Map<String, String> d = defaultsFor(names);
        d.putAll(overrides);
        return d;
    }

    /**
     * The combination the inputs' parameters describe ({@code schemes}, {@code shared-queries} and
     * the components' own), named {@code name}.
     */
    static FingerprintScheme<CombinedFingerprint> combine(String name, SchemeInputs inputs) {
        Map<String, String> given = inputs.parameters();
        Map<String, String> own = new LinkedHashMap<>();
        for (String key : List.of("schemes", "shared-queries")) {
            if (given.containsKey(key)) {
                own.put(key, given.get(key));
            }
        }
        Components read = Parameters.of("scheme " + name, new Components(DEFAULT_COMPONENTS)).read(own)
                .get(Components.class);
        List<String> names = read.names();
        Map<String, String> accepted = defaultsFor(names);
        accepted.put("shared-queries", "false");
        for (String key : given.keySet()) {
            if (!accepted.containsKey(key)) {
                throw new IllegalArgumentException("scheme " + name + " has no parameter '" + key + "'; it accepts "
                        + accepted.keySet());
            }
        }
        Map<String, String> all = new LinkedHashMap<>();
        all.put("schemes", String.join(",", names));
        if (read.sharedQueries()) {
            all.put("shared-queries", "true");   // recorded only when on, so fingerprints made before it keep their parameters
        }
        List<FingerprintScheme<?>> components = new ArrayList<>();
        for (String s : names) {
            Map<String, String> parameters = new LinkedHashMap<>();
            given.forEach((k, v) -> {
                if (k.startsWith(s + ".")) {
                    parameters.put(k.substring(s.length() + 1), v);
                }
            });
            SchemeProvider p = provider(s);
            SchemeInputs in = p.usesModels() ? inputs.withParameters(parameters) : SchemeInputs.of(parameters);
            FingerprintScheme<?> c = p.create(in);
            c.parameters().forEach((k, v) -> all.put(s + "." + k, v));
            components.add(c);
        }
        return CombinedScheme.of(name, all, components, read.sharedQueries());
    }
}
