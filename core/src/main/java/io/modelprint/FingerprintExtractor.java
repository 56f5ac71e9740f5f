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
package io.modelprint;

/**
 * Turns one model's answers on a query set into a fingerprint: the second of a scheme's three
 * parts.
 *
 * <pre>{@code
 * Predictions answers = model.predict(querySet.inputs());
 * CorrelationFingerprint fp = extractor.extract(answers);
 * }</pre>
 *
 * @param <F> the fingerprint type
 */
public interface FingerprintExtractor<F extends Fingerprint> {

    /**
     * The fingerprint of a model from its answers on a query set.
     *
     * @throws IllegalArgumentException if the answers cannot give this extractor's representation
     *                                  (labels only, where scores are needed)
     */
    F extract(Predictions answers);

    /** Queries {@code model} with {@code queries} and extracts its fingerprint. */
    default F extract(Model model, QuerySet queries) {
        return extract(model.predict(queries.inputs()));
    }
}
