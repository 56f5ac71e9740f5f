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

import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators of output matrices for the kernel properties: shared so every law sees the same inputs. */
public final class MatrixArbitraries {

    private MatrixArbitraries() {
    }

    /** A {@code rows x cols} matrix of values in [-5, 5], some rows all zero, some repeated. */
    public static Arbitrary<Matrix> outputs(int rows, int cols) {
        return Arbitraries.floats().between(-5f, 5f).ofScale(4).array(float[].class).ofSize(rows * cols)
                .map(d -> Matrix.of(rows, cols, d));
    }

    /** A {@code rows x cols} matrix of Gaussian logits (sd 3) from a fixed seed, for sizes too big to shrink. */
    public static Matrix seeded(int rows, int cols, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] d = new float[Math.multiplyExact(rows, cols)];
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) (3 * random.nextGaussian());
        }
        return Matrix.of(rows, cols, d);
    }

    /** Sizes of query sets and class counts small enough for fast shrinking. */
    public static Arbitrary<int[]> shapes() {
        return Combinators.combine(Arbitraries.integers().between(2, 24), Arbitraries.integers().between(1, 12),
                Arbitraries.integers().between(1, 12)).as((n, c1, c2) -> new int[] {n, c1, c2});
    }

    /** Three output matrices over the same {@code n} queries, with their own class counts. */
    public static Arbitrary<Matrix[]> triples() {
        return shapes().flatMap(s -> Combinators.combine(outputs(s[0], s[1]), outputs(s[0], s[2]), outputs(s[0], s[1]))
                .as((a, b, c) -> new Matrix[] {a, b, c}));
    }

    /** Label vectors over the same {@code n} queries, as one-hot matrices. */
    public static Arbitrary<Matrix[]> labelPairs() {
        return Combinators.combine(Arbitraries.integers().between(2, 30), Arbitraries.integers().between(2, 6))
                .as((n, k) -> new int[] {n, k})
                .flatMap(s -> {
                    Arbitrary<int[]> labels = Arbitraries.integers().between(0, s[1] - 1).array(int[].class).ofSize(s[0]);
                    return Combinators.combine(labels, labels).as((a, b) -> new Matrix[] {
                        Matrix.oneHot(a, s[1]), Matrix.oneHot(b, s[1])});
                });
    }
}
