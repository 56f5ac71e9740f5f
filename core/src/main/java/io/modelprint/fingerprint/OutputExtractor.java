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
import io.modelprint.OutputKind;
import io.modelprint.Predictions;
import io.modelprint.kernel.Matrix;

/**
 * Reads probabilities (softmax of logits, or the probabilities given) or one-hot labels.
 *
 * <pre>{@code
 * OutputFingerprint labels = new OutputExtractor("conferrable", OutputKind.LABELS).extract(answers);
 * }</pre>
 *
 * @param scheme         the scheme name recorded in fingerprints
 * @param representation {@code PROBABILITIES} or {@code LABELS}; logits are read as probabilities
 */
public record OutputExtractor(String scheme, OutputKind representation) implements FingerprintExtractor<OutputFingerprint> {

    /** Folds logits into probabilities. */
    public OutputExtractor {
        if (representation == OutputKind.LOGITS) {
            representation = OutputKind.PROBABILITIES;
        }
    }

    @Override
    public OutputFingerprint extract(Predictions answers) {
        Matrix m;
        if (representation == OutputKind.LABELS) {
            m = Matrix.oneHot(answers.labels(), answers.numClasses());
        } else if (answers.kind() == OutputKind.LABELS) {
            throw new IllegalArgumentException("this fingerprint compares probabilities but the model answered labels "
                    + "only: a label-only suspect is compared on labels");
        } else {
            m = answers.toProbabilities().scores();
        }
        return new OutputFingerprint(scheme, representation, m);
    }
}
