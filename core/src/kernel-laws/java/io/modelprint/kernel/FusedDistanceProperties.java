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

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The fused distance, which never builds the two {@code N x N} correlation matrices, equals the
 * distance computed from them, on every kernel backend on the class path.
 *
 * <p>Tolerance: {@value #TOLERANCE} absolute. Backends take dot products in {@code float}, so an
 * entry may be off by about {@code C * 2^-24} (2.4e-6 at C = 40), and the fused cosine path
 * skips the clamp to [-1, 1], which moves an entry by no more than that; the mean over all
 * entries is off by far less. Sizes reach past the plain-Java tiles (64 rows, 1024 columns).
 */
class FusedDistanceProperties {

    private static final double TOLERANCE = 1e-5;

    @Provide
    Arbitrary<KernelBackend> backends() {
        return Arbitraries.of(Kernels.available());
    }

    @Provide
    Arbitrary<CorrelationFunction> functions() {
        return Arbitraries.of(List.of(CorrelationFunction.cosine(), CorrelationFunction.gaussian(1.0),
                CorrelationFunction.gaussian(0.3)));
    }

    /** Two output matrices over the same 2..1100 queries, with 1..40 classes each. */
    @Provide
    Arbitrary<Matrix[]> pairs() {
        return Combinators.combine(Arbitraries.integers().between(2, 1100), Arbitraries.integers().between(1, 40),
                        Arbitraries.integers().between(1, 40))
                .as((n, c1, c2) -> new int[] {n, c1, c2})
                .flatMap(s -> Combinators.combine(MatrixArbitraries.outputs(s[0], s[1]),
                        MatrixArbitraries.outputs(s[0], s[2])).as((a, b) -> new Matrix[] {a, b}));
    }

    /** Label-only answers: one-hot rows over the same 2..1100 queries, 2..10 classes. */
    @Provide
    Arbitrary<Matrix[]> labelPairs() {
        return Combinators.combine(Arbitraries.integers().between(2, 1100), Arbitraries.integers().between(2, 10))
                .as((n, k) -> new int[] {n, k})
                .flatMap(s -> {
                    Arbitrary<int[]> labels = Arbitraries.integers().between(0, s[1] - 1).array(int[].class)
                            .ofSize(s[0]);
                    return Combinators.combine(labels, labels)
                            .as((a, b) -> new Matrix[] {Matrix.oneHot(a, s[1]), Matrix.oneHot(b, s[1])});
                });
    }

    @Property(tries = 40)
    void fusedDistanceEqualsTheDistanceOfTheMaterialisedMatrices(@ForAll("backends") KernelBackend k,
            @ForAll("pairs") Matrix[] m, @ForAll("functions") CorrelationFunction f) {
        double materialised = k.meanAbsoluteDifference(k.correlationMatrix(m[0], f), k.correlationMatrix(m[1], f));
        double fused = k.fusedDistance(m[0], m[1], f);
        assertEquals(materialised, fused, TOLERANCE);
        assertEquals(ReferenceKernels.distance(m[0], m[1], f), fused, TOLERANCE);
    }

    @Property(tries = 60)
    void fusedDistanceOnLabelOnlyOutputsEqualsTheMaterialisedOne(@ForAll("backends") KernelBackend k,
            @ForAll("labelPairs") Matrix[] m, @ForAll("functions") CorrelationFunction f) {
        double materialised = k.meanAbsoluteDifference(k.correlationMatrix(m[0], f), k.correlationMatrix(m[1], f));
        double fused = k.fusedDistance(m[0], m[1], f);
        assertEquals(materialised, fused, TOLERANCE);
        // one-hot rows have dot products 0 or 1: a pair counts when exactly one model puts it in one class
        double differ = LabelPairs.pairsWhoseAgreementDiffers(labels(m[0]), labels(m[1]), m[0].cols());
        double gap = f.apply(1.0) - f.apply(0.0);
        assertEquals(Math.abs(gap) * differ / ((double) m[0].rows() * m[0].rows()), fused, TOLERANCE);
    }

    @Property(tries = 40)
    void identicalOutputsAreAtDistanceZero(@ForAll("backends") KernelBackend k, @ForAll("pairs") Matrix[] m,
            @ForAll("functions") CorrelationFunction f) {
        assertEquals(0.0, k.fusedDistance(m[0], m[0], f), 1e-7);
        Matrix copy = Matrix.of(m[0].rows(), m[0].cols(), m[0].data().clone());
        assertEquals(0.0, k.fusedDistance(m[0], copy, f), 1e-7);
    }

    @Example
    void twoQueriesOneClass() {
        // one class: unit rows are +1, -1 or 0, so dot products are exactly 1, -1 or 0
        Matrix same = Matrix.of(2, 1, new float[] {1f, 2f});      // g = 1: cosine correlation 0
        Matrix opposite = Matrix.of(2, 1, new float[] {1f, -3f}); // g = -1: cosine correlation 1
        Matrix zero = Matrix.of(2, 1, new float[] {0f, 4f});      // a zero row: g = 0, correlation 1/2
        CorrelationFunction cosine = CorrelationFunction.cosine();
        CorrelationFunction gaussian = CorrelationFunction.gaussian(1.0);
        for (KernelBackend k : Kernels.available()) {
            String name = k.name();
            // two off-diagonal entries out of four differ by |0 - 1|
            assertEquals(0.5, k.fusedDistance(same, opposite, cosine), 1e-7, name);
            assertEquals(0.25, k.fusedDistance(same, zero, cosine), 1e-7, name);
            assertEquals(0.5 * (1 - Math.exp(-4)), k.fusedDistance(same, opposite, gaussian), 1e-7, name);
            assertEquals(0.0, k.fusedDistance(opposite, opposite, gaussian), 0.0, name);
            assertEquals(k.meanAbsoluteDifference(k.correlationMatrix(same, cosine), k.correlationMatrix(zero, cosine)),
                    k.fusedDistance(same, zero, cosine), 1e-7, name);
        }
    }

    @Example
    void oneQueryHasDistanceZero() {
        Matrix a = Matrix.of(1, 3, new float[] {1f, 2f, 3f});
        Matrix b = Matrix.of(1, 2, new float[] {-1f, 5f});
        for (KernelBackend k : Kernels.available()) {
            assertEquals(0.0, k.fusedDistance(a, b, CorrelationFunction.cosine()), 0.0, k.name());
        }
    }

    @Example
    void queriesPastTheTilesOfEveryBackend() {
        // 4,500 queries cross every tile edge: plain Java's 64 x 1024, ND4J's 128 x 4096
        int n = 4500;
        Matrix a = MatrixArbitraries.seeded(n, 3, 11);
        Matrix b = MatrixArbitraries.seeded(n, 7, 12);
        for (CorrelationFunction f : List.of(CorrelationFunction.cosine(), CorrelationFunction.gaussian(1.0))) {
            double expected = ReferenceKernels.distance(a, b, f);
            for (KernelBackend k : Kernels.available()) {
                assertEquals(expected, k.fusedDistance(a, b, f), TOLERANCE, k.name() + " " + f.label());
            }
        }
    }

    private static int[] labels(Matrix oneHot) {
        int[] out = new int[oneHot.rows()];
        for (int i = 0; i < oneHot.rows(); i++) {
            for (int j = 0; j < oneHot.cols(); j++) {
                if (oneHot.get(i, j) == 1f) {
                    out[i] = j;
                }
            }
        }
        return out;
    }
}
