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
package io.modelprint.nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modelprint.kernel.CorrelationFunction;
import io.modelprint.kernel.JavaKernels;
import io.modelprint.kernel.Matrix;
import io.modelprint.kernel.MatrixArbitraries;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * ND4J's tiled kernels with tiny tiles (3-row matrix blocks, 5 x 7 distance tiles), so that small
 * query sets reach every edge of the tiling: partial tiles, and the diagonal block of the fused
 * distance. Held to plain Java within 1e-5 (both take dot products in float).
 */
class Nd4jTilingProperties {

    private final Nd4jKernels tiny = new Nd4jKernels(3, 5, 7);

    @Provide
    Arbitrary<Matrix[]> pairs() {
        return Combinators.combine(Arbitraries.integers().between(1, 40), Arbitraries.integers().between(1, 12),
                        Arbitraries.integers().between(1, 12))
                .as((n, c1, c2) -> new int[] {n, c1, c2})
                .flatMap(s -> Combinators.combine(MatrixArbitraries.outputs(s[0], s[1]),
                        MatrixArbitraries.outputs(s[0], s[2])).as((a, b) -> new Matrix[] {a, b}));
    }

    @Provide
    Arbitrary<CorrelationFunction> functions() {
        return Arbitraries.of(List.of(CorrelationFunction.cosine(), CorrelationFunction.gaussian(0.7)));
    }

    @Property(tries = 200)
    void tinyTilesGiveTheSameDistanceAndMatrices(@ForAll("pairs") Matrix[] m,
            @ForAll("functions") CorrelationFunction f) {
        JavaKernels java = new JavaKernels();
        assertEquals(java.fusedDistance(m[0], m[1], f), tiny.fusedDistance(m[0], m[1], f), 1e-5);
        Matrix expected = java.correlationMatrix(m[0], f);
        Matrix actual = tiny.correlationMatrix(m[0], f);
        for (int i = 0; i < expected.data().length; i++) {
            assertEquals(expected.data()[i], actual.data()[i], 1e-5, "entry " + i);
        }
        Matrix other = java.correlationMatrix(m[1].cols() == m[0].cols() ? m[1] : m[0], f);
        assertEquals(java.meanAbsoluteDifference(expected, other), tiny.meanAbsoluteDifference(expected, other), 1e-7);
    }
}
