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
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The laws of the correlation matrix and of SAC's distance, stated for every kernel backend on
 * the class path (here: plain Java; with modelprint-nd4j, ND4J too), and held to the
 * straightforward double-precision {@link ReferenceKernels}.
 */
class CorrelationLawsProperties {

    private static final double EPS = 1e-5;

    @Provide
    Arbitrary<KernelBackend> backends() {
        return Arbitraries.of(Kernels.available());
    }

    @Provide
    Arbitrary<CorrelationFunction> functions() {
        return Arbitraries.of(List.of(CorrelationFunction.cosine(), CorrelationFunction.gaussian(1.0),
                CorrelationFunction.gaussian(0.3)));
    }

    @Provide
    Arbitrary<Matrix[]> triples() {
        return MatrixArbitraries.triples();
    }

    @Provide
    Arbitrary<Matrix[]> labelPairs() {
        return MatrixArbitraries.labelPairs();
    }

    @Property
    void correlationMatrixIsSymmetricBoundedWithFixedDiagonal(@ForAll("backends") KernelBackend k,
            @ForAll("triples") Matrix[] m, @ForAll("functions") CorrelationFunction f) {
        Matrix c = k.correlationMatrix(m[0], f);
        int n = m[0].rows();
        assertEquals(n, c.rows());
        assertEquals(n, c.cols());
        for (int i = 0; i < n; i++) {
            assertEquals(f.diagonal(), c.get(i, i), EPS, "diagonal");
            for (int j = 0; j < n; j++) {
                assertEquals(c.get(i, j), c.get(j, i), EPS, "symmetry");
                assertTrue(c.get(i, j) >= -EPS && c.get(i, j) <= 1 + EPS, "bounds: " + c.get(i, j));
            }
        }
    }

    @Property
    void distanceToItselfIsZero(@ForAll("backends") KernelBackend k, @ForAll("triples") Matrix[] m,
            @ForAll("functions") CorrelationFunction f) {
        assertEquals(0.0, k.fusedDistance(m[0], m[0], f), EPS);
    }

    @Property
    void distanceIsSymmetricNonNegativeAndAtMostOne(@ForAll("backends") KernelBackend k,
            @ForAll("triples") Matrix[] m, @ForAll("functions") CorrelationFunction f) {
        double ab = k.fusedDistance(m[0], m[1], f);
        double ba = k.fusedDistance(m[1], m[0], f);
        assertEquals(ab, ba, EPS);
        assertTrue(ab >= 0 && ab <= 1 + EPS, "d = " + ab);
    }

    @Property
    void triangleInequalityHolds(@ForAll("backends") KernelBackend k, @ForAll("triples") Matrix[] m,
            @ForAll("functions") CorrelationFunction f) {
        // the mean absolute difference is an L1 distance between the correlation matrices
        double ab = k.fusedDistance(m[0], m[1], f);
        double bc = k.fusedDistance(m[1], m[2], f);
        double ac = k.fusedDistance(m[0], m[2], f);
        assertTrue(ac <= ab + bc + EPS, ac + " > " + ab + " + " + bc);
    }

    @Property
    void distanceIgnoresAPermutationOfQueriesAppliedToBoth(@ForAll("backends") KernelBackend k,
            @ForAll("triples") Matrix[] m, @ForAll("functions") CorrelationFunction f, @ForAll long seed) {
        int n = m[0].rows();
        int[] perm = permutation(n, seed);
        double before = k.fusedDistance(m[0], m[1], f);
        double after = k.fusedDistance(m[0].selectRows(perm), m[1].selectRows(perm), f);
        assertEquals(before, after, EPS);
    }

    @Property
    void cosineCorrelationIgnoresPositiveRowScaling(@ForAll("backends") KernelBackend k,
            @ForAll("triples") Matrix[] m, @ForAll("functions") CorrelationFunction f) {
        Matrix a = m[0];
        float[] scaled = a.data().clone();
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < a.cols(); j++) {
                scaled[i * a.cols() + j] *= 1 + i;
            }
        }
        assertEquals(0.0, k.fusedDistance(a, Matrix.of(a.rows(), a.cols(), scaled), f), 1e-4);
    }

    @Property
    void labelOnlyDistanceIsHalfTheShareOfPairsWhoseAgreementDiffers(@ForAll("backends") KernelBackend k,
            @ForAll("labelPairs") Matrix[] m) {
        int n = m[0].rows();
        int[] a = labels(m[0]);
        int[] b = labels(m[1]);
        int differ = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if ((a[i] == a[j]) != (b[i] == b[j])) {
                    differ++;
                }
            }
        }
        double expected = 0.5 * differ / ((double) n * n);
        assertEquals(expected, k.fusedDistance(m[0], m[1], CorrelationFunction.cosine()), EPS);
        assertEquals(expected, k.meanAbsoluteDifference(k.correlationMatrix(m[0], CorrelationFunction.cosine()),
                k.correlationMatrix(m[1], CorrelationFunction.cosine())), EPS);
    }

    @Property
    void everyBackendMatchesTheReference(@ForAll("backends") KernelBackend k, @ForAll("triples") Matrix[] m,
            @ForAll("functions") CorrelationFunction f) {
        double[][] expected = ReferenceKernels.correlationMatrix(m[0], f);
        Matrix actual = k.correlationMatrix(m[0], f);
        int n = m[0].rows();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                assertEquals(expected[i][j], actual.get(i, j), 1e-5, "entry " + i + ", " + j);
            }
        }
        double[][] unitExpected = ReferenceKernels.unitRows(m[1]);
        Matrix unitActual = k.normalizeRows(m[1]);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m[1].cols(); j++) {
                assertEquals(unitExpected[i][j], unitActual.get(i, j), 1e-6, "unit entry " + i + ", " + j);
            }
        }
        assertEquals(ReferenceKernels.distance(m[0], m[1], f), k.fusedDistance(m[0], m[1], f), 1e-6);
        Matrix c0 = new JavaKernels().correlationMatrix(m[0], f);
        Matrix c2 = new JavaKernels().correlationMatrix(m[2], f);
        double mad = 0;
        for (int i = 0; i < c0.data().length; i++) {
            mad += Math.abs((double) c0.data()[i] - c2.data()[i]);
        }
        // entries are float and a backend may subtract them in float (2^-24 relative each); sums are double
        assertEquals(mad / c0.data().length, k.meanAbsoluteDifference(c0, c2), 1e-7);
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

    static int[] permutation(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
