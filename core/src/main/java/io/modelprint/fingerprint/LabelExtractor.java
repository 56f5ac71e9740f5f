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
package io.modelprint.fingerprint;

import io.modelprint.FingerprintExtractor;
import io.modelprint.Predictions;

/**
 * Reads the top-1 labels of a model's answers, whatever their kind.
 *
 * <pre>{@code
 * LabelFingerprint fp = new LabelExtractor("ipguard").extract(suspect, querySet);
 * }</pre>
 *
 * @param scheme the scheme name recorded in fingerprints
 */
public record LabelExtractor(String scheme) implements FingerprintExtractor<LabelFingerprint> {

    @Override
    public LabelFingerprint extract(Predictions answers) {
        return new LabelFingerprint(scheme, answers.labels(), answers.numClasses());
    }
}
