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

import io.modelprint.Fingerprint;
import io.modelprint.OutputKind;
import io.modelprint.kernel.Matrix;

/**
 * A model's outputs on the query set, one row per query: probabilities, or one-hot rows for
 * label-only answers.
 *
 * <pre>{@code
 * OutputFingerprint fp = new OutputExtractor("conferrable", OutputKind.PROBABILITIES).extract(answers);
 * Matrix p = fp.outputs();   // N x classes
 * }</pre>
 *
 * @param scheme         the scheme that made it
 * @param representation {@code PROBABILITIES} or {@code LABELS}
 * @param outputs        {@code N x classes}
 */
public record OutputFingerprint(String scheme, OutputKind representation, Matrix outputs) implements Fingerprint {

    /** Validates. */
    public OutputFingerprint {
        if (scheme == null || representation == null || outputs == null) {
            throw new IllegalArgumentException("scheme, representation and outputs must be given");
        }
        if (representation == OutputKind.LOGITS) {
            throw new IllegalArgumentException("an output fingerprint holds probabilities or labels, not logits");
        }
    }

    @Override
    public int size() {
        return outputs.rows();
    }
}
