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
package io.modelprint.inference;

/**
 * The norm a boundary distance is measured in, and the shape of the steps that measure it:
 * Blind Walk draws its random directions from a distribution of this norm's kind, MinGD takes
 * gradient steps of this norm's steepest-descent form.
 *
 * <pre>{@code
 * BlindWalk walk = BlindWalk.defaults().withNorms(List.of(Norm.LINF, Norm.L2));
 * }</pre>
 */
public enum Norm {
    /** Sum of absolute values: Laplace directions, sparse gradient steps on the largest coordinates. */
    L1,
    /** Euclidean: Gaussian directions, normalised gradient steps. */
    L2,
    /** Largest absolute value: uniform directions in a cube, signed gradient steps. */
    LINF;

    /** The size of {@code v} in this norm. */
    double of(float[] v, int from, int length) {
        double s = 0;
        for (int i = from; i < from + length; i++) {
            double a = Math.abs(v[i]);
            switch (this) {
                case L1 -> s += a;
                case L2 -> s += a * a;
                case LINF -> s = Math.max(s, a);
            }
        }
        return this == L2 ? Math.sqrt(s) : s;
    }
}
