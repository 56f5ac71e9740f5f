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
package io.modelprint.kernel;

import java.util.ServiceLoader;

/**
 * The numeric steps of correlation fingerprints, behind one small service interface so that
 * they can run in plain Java, on ND4J's CPU backend or on ND4J's CUDA backend.
 *
 * <p>Implementations are found with {@link ServiceLoader}: a jar lists its class in
 * {@code META-INF/services/io.modelprint.kernel.KernelBackend}, and {@link Kernels#backend()}
 * picks the available one with the highest {@link #priority()}. {@link JavaKernels}, in core, is
 * always present and is the oracle every other backend is tested against.
 *
 * <p>Sums over many entries are accumulated in {@code double} (float sums over {@code N^2} entries
 * drift in the fourth digit at N = 2000); dot products of unit rows may be taken in {@code float},
 * as BLAS does. Implementations must be thread-safe.
 *
 * <pre>{@code
 * KernelBackend k = Kernels.backend();
 * Matrix c = k.correlationMatrix(outputs, CorrelationFunction.cosine());
 * double d = k.meanAbsoluteDifference(c, otherC);
 * }</pre>
 */
public interface KernelBackend {

    /** A short unique name, such as {@code java} or {@code nd4j-cpu}; used to force a backend. */
    String name();

    /**
     * Higher wins when several backends are on the class path. core's plain-Java backend has
     * priority 0.
     */
    int priority();

    /**
     * Whether this backend can run here (its native libraries load, say). Unavailable backends
     * are skipped, with the reason logged, instead of failing the caller.
     */
    default boolean isAvailable() {
        return true;
    }

    /**
     * Each row divided by its L2 norm. A row of zeros stays zeros (its norm is treated as 1), so
     * its correlation with every other row is that of a dot product of 0.
     */
    Matrix normalizeRows(Matrix outputs);

    /**
     * The {@code N x N} correlation matrix of the rows of {@code outputs} ({@code N x C}, not yet
     * normalised): entry {@code (i, j)} is {@code f(<u_i, u_j>)} with {@code u} the unit rows.
     */
    Matrix correlationMatrix(Matrix outputs, CorrelationFunction f);

    /**
     * {@code (1 / (R * C)) * sum |a_ij - b_ij|} over all entries, diagonal included: SAC's
     * distance between two correlation matrices.
     *
     * @throws IllegalArgumentException if the shapes differ
     */
    double meanAbsoluteDifference(Matrix a, Matrix b);

    /**
     * The SAC distance between two models straight from their outputs on the same queries:
     * {@code meanAbsoluteDifference(correlationMatrix(a, f), correlationMatrix(b, f))}.
     * Backends override this to avoid materialising the two {@code N x N} matrices (both
     * built-in backends do, in memory that grows with N, not N squared); the property tests hold
     * an override to the materialised value within 1e-5.
     *
     * @param outputsA {@code N x C1} outputs of one model
     * @param outputsB {@code N x C2} outputs of the other on the same queries, in the same order
     */
    default double fusedDistance(Matrix outputsA, Matrix outputsB, CorrelationFunction f) {
        KernelChecks.sameRowCount(outputsA, outputsB);
        return meanAbsoluteDifference(correlationMatrix(outputsA, f), correlationMatrix(outputsB, f));
    }
}
