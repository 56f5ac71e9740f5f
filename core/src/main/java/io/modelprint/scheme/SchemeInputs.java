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

import io.modelprint.Model;
import java.util.List;
import java.util.Map;

/**
 * What a {@link SchemeProvider} makes a scheme from: its parameters as text (from a file, the
 * command line or code) and, for the schemes that use them, the owner's own models. SAC-w can
 * keep only the victim's mistakes that its surrogates share; {@code conferrable} chooses queries
 * with surrogates and selection references. Every scheme, with models or without, is made the
 * same way: {@link Schemes#create(String, SchemeInputs)}.
 *
 * <pre>{@code
 * FingerprintScheme<?> s = Schemes.create("conferrable", SchemeInputs.of(Map.of("queries", "300"))
 *         .withSurrogates(ownSurrogates)
 *         .withSelectionReferences(ownIndependentModels));
 * }</pre>
 *
 * @param parameters          parameters by name; missing ones take their defaults
 * @param surrogates          the owner's own stolen copies of the victim (may be empty)
 * @param selectionReferences independent models the owner trained, used to choose queries and
 *                            therefore not to calibrate thresholds (may be empty)
 */
public record SchemeInputs(Map<String, String> parameters, List<Model> surrogates, List<Model> selectionReferences) {

    /** Copies everything. */
    public SchemeInputs {
        parameters = Map.copyOf(parameters == null ? Map.of() : parameters);
        surrogates = List.copyOf(surrogates == null ? List.of() : surrogates);
        selectionReferences = List.copyOf(selectionReferences == null ? List.of() : selectionReferences);
    }

    /** Parameters alone, no models. */
    public static SchemeInputs of(Map<String, String> parameters) {
        return new SchemeInputs(parameters, List.of(), List.of());
    }

    /** These inputs with {@code models} as the surrogates. */
    public SchemeInputs withSurrogates(List<? extends Model> models) {
        return new SchemeInputs(parameters, List.copyOf(models), selectionReferences);
    }

    /** These inputs with {@code models} as the selection references. */
    public SchemeInputs withSelectionReferences(List<? extends Model> models) {
        return new SchemeInputs(parameters, surrogates, List.copyOf(models));
    }

    /** These inputs with other parameters and the same models. */
    public SchemeInputs withParameters(Map<String, String> values) {
        return new SchemeInputs(values, surrogates, selectionReferences);
    }

    /** Whether any model is given. */
    public boolean hasModels() {
        return !surrogates.isEmpty() || !selectionReferences.isEmpty();
    }

    /**
     * Checks that no model is given, for schemes that use none.
     *
     * @throws IllegalArgumentException naming the scheme and the models given
     */
    public void requireNoModels(String scheme) {
        if (hasModels()) {
            throw new IllegalArgumentException("scheme " + scheme + " uses no models of the owner, but "
                    + surrogates.size() + " surrogates and " + selectionReferences.size()
                    + " selection references were given: only sac-w (surrogates) and conferrable (both) use them");
        }
    }
}
