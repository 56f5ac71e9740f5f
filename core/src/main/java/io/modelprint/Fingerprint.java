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
 * What a scheme reads from one model's answers on a query set: a correlation matrix (SAC), a
 * label vector (IPGuard). Two fingerprints of the same scheme and query set are compared by a
 * {@link Verifier}.
 *
 * <pre>{@code
 * Fingerprint victimPrint = extractor.extract(victimAnswers);
 * assert victimPrint.size() == querySet.size();
 * }</pre>
 */
public interface Fingerprint {

    /** The name of the scheme that made it, such as {@code sac-m}. */
    String scheme();

    /** Number of queries it was read on. */
    int size();

    /** What the model's answers were turned into before comparison (logits, probabilities or labels). */
    OutputKind representation();
}
