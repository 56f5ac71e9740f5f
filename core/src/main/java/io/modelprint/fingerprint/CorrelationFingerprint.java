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
import io.modelprint.kernel.CorrelationFunction;
import io.modelprint.kernel.KernelBackend;
import io.modelprint.kernel.Kernels;
import io.modelprint.kernel.Matrix;

/**
 * SAC's fingerprint: the pairwise correlation of a model's outputs on the query set.
 *
 * <p>It keeps the {@code N x C} outputs it is made from (logits, probabilities, or one-hot labels)
 * rather than the {@code N x N} matrix, because the distance can be computed from the outputs
 * without ever building the matrix; {@link #correlationMatrix()} builds it on demand.
 *
 * <pre>{@code
 * CorrelationFingerprint fp = new CorrelationExtractor("sac-m", OutputKind.LOGITS, CorrelationFunction.cosine()).extract(answers);
 * Matrix c = fp.correlationMatrix(); // N x N
 * }</pre>
 *
 * @param scheme         the scheme that made it
 * @param representation what the outputs are
 * @param correlation    how two output rows become a correlation
 * @param outputs        the {@code N x C} outputs, one row per query
 */
public record CorrelationFingerprint(String scheme, OutputKind representation, CorrelationFunction correlation,
                                     Matrix outputs) implements Fingerprint {

    /** Validates. */
    public CorrelationFingerprint {
        if (scheme == null || representation == null || correlation == null || outputs == null) {
            throw new IllegalArgumentException("a correlation fingerprint needs a scheme, a representation, "
                    + "a correlation function and outputs");
        }
        if (outputs.rows() < 2) {
            throw new IllegalArgumentException("a correlation fingerprint needs at least 2 queries, got " + outputs.rows());
        }
    }

    @Override
    public int size() {
        return outputs.rows();
    }

    /** The {@code N x N} correlation matrix, on the current kernel backend. */
    public Matrix correlationMatrix() {
        return correlationMatrix(Kernels.backend());
    }

    /** The {@code N x N} correlation matrix, on {@code kernels}. */
    public Matrix correlationMatrix(KernelBackend kernels) {
        return kernels.correlationMatrix(outputs, correlation);
    }
}
