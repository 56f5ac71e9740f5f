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

import io.modelprint.config.Parameters;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The plug-in interface: makes one named scheme from its {@link SchemeInputs}. Providers are
 * found with {@link ServiceLoader} ({@code META-INF/services/io.modelprint.scheme.SchemeProvider}),
 * so a stored fingerprint can name its scheme and be verified without the caller knowing the
 * class, and third parties can add schemes. A provider is where a scheme's parts are put
 * together: a query builder, an extractor per representation and a verifier, with the parameters
 * its typed configuration declares ({@link #parameters()}). {@link AbstractSchemeProvider} keeps
 * the name, description and parameters, so that a provider only writes {@link #create}.
 *
 * <pre>{@code
 * public final class MyProvider implements SchemeProvider {
 *     private static final Parameters PARAMETERS = Parameters.of("scheme mine", CutMixQueries.Config.defaults());
 *     public String name() { return "mine"; }
 *     public String description() { return "CutMix queries, labels, mismatch rate"; }
 *     public Parameters parameters() { return PARAMETERS; }
 *     public FingerprintScheme<?> create(SchemeInputs inputs) {
 *         inputs.requireNoModels(name());
 *         Parameters.Values p = PARAMETERS.read(inputs.parameters());
 *         return new FingerprintScheme<>(name(), p.map(), new CutMixQueries(p.get(CutMixQueries.Config.class)),
 *                 rep -> new LabelExtractor(name()), new MismatchRate(), OutputKind.LABELS,
 *                 rep -> Threshold.user(0.3));
 *     }
 * }
 * // listed in META-INF/services/io.modelprint.scheme.SchemeProvider, then:
 * FingerprintScheme<?> s = Schemes.create("mine", Map.of("queries", "200"));
 * }</pre>
 */
public interface SchemeProvider {

    /** The scheme's name, such as {@code sac-m}. */
    String name();

    /** One line on what it does and when to use it. */
    String description();

    /** Its parameters: names, defaults, accepted values and descriptions, all from typed records. */
    Parameters parameters();

    /** Every parameter it accepts, with its default, as text. */
    default Map<String, String> defaults() {
        return parameters().defaults();
    }

    /** One line per parameter, for help texts. */
    default String help() {
        return parameters().help();
    }

    /** Whether the scheme uses the owner's models ({@link SchemeInputs#surrogates()}, ...); most do not. */
    default boolean usesModels() {
        return false;
    }

    /**
     * The scheme for {@code inputs}; missing parameters take their defaults.
     *
     * @throws IllegalArgumentException on an unknown parameter, a bad value or models the scheme
     *                                  does not use, naming it and what is accepted
     */
    FingerprintScheme<?> create(SchemeInputs inputs);

    /** The scheme with {@code parameters} and no models. */
    default FingerprintScheme<?> create(Map<String, String> parameters) {
        return create(SchemeInputs.of(parameters));
    }
}
