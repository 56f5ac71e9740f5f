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
package io.modelprint.zoo;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * PCGrad (Yu et al., "Gradient Surgery for Multi-Task Learning", 2020), as the InI reference code
 * applies it to its loss terms: each term's gradient {@code g_i}, for every other term's original
 * gradient {@code g_j} in a random order, loses its component along {@code g_j} when the two
 * conflict ({@code g_i . g_j < 0}); the projected gradients are averaged.
 */
final class PcGrad {

    private PcGrad() {
    }

    /**
     * The combined gradient of {@code grads} (equal shapes; not changed), the order of projections drawn from {@code rng}.
     *
     * @throws IllegalArgumentException if there are no gradients
     */
    static INDArray combine(List<INDArray> grads, SplittableRandom rng) {
        if (grads.isEmpty()) {
            throw new IllegalArgumentException("PCGrad combines at least one gradient, got none");
        }
        INDArray sum = grads.get(0).mul(0);
        for (INDArray original : grads) {
            INDArray g = original.dup();
            List<INDArray> others = new ArrayList<>(grads);
            for (int i = others.size() - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                INDArray t = others.get(i);
                others.set(i, others.get(j));
                others.set(j, t);
            }
            for (INDArray h : others) {
                double dot = g.mul(h).sumNumber().doubleValue();
                if (dot < 0) {
                    double n2 = h.mul(h).sumNumber().doubleValue();
                    g.subi(h.mul(dot / n2));
                }
            }
            sum.addi(g);
        }
        return sum.divi(grads.size());
    }
}
