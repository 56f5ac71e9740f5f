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
package io.modelprint.query;

/**
 * Adam on a vector of pixels, projected back onto [0, 1] after every step: the optimiser of
 * {@link BoundaryQueries}. The moment estimates are kept per coordinate; the bias correction
 * follows the step count of the whole batch, so that a seed that stops early leaves its moments
 * as they were.
 *
 * <pre>{@code
 * Adam adam = new Adam(x.length, 0.01);
 * adam.nextStep();
 * adam.update(x, 0, gradient, 0, x.length);   // x moves against the gradient, stays in [0, 1]
 * }</pre>
 */
final class Adam {

    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPS = 1e-8;

    private final double learningRate;
    private final double[] m;
    private final double[] v;
    private int step;
    private double c1;
    private double c2;

    /**
     * @param size         coordinates optimised
     * @param learningRate step size, &gt; 0
     */
    Adam(int size, double learningRate) {
        this.learningRate = learningRate;
        this.m = new double[size];
        this.v = new double[size];
    }

    /** Starts the next step: its bias corrections. */
    void nextStep() {
        step++;
        c1 = 1 - Math.pow(BETA1, step);
        c2 = 1 - Math.pow(BETA2, step);
    }

    /** Steps run so far. */
    int steps() {
        return step;
    }

    /**
     * One step on {@code x[from, from + length)} with the gradient {@code g[gradFrom, gradFrom + length)},
     * each coordinate then clipped to [0, 1].
     */
    void update(float[] x, int from, float[] g, int gradFrom, int length) {
        for (int p = 0; p < length; p++) {
            int i = from + p;
            double gi = g[gradFrom + p];
            m[i] = BETA1 * m[i] + (1 - BETA1) * gi;
            v[i] = BETA2 * v[i] + (1 - BETA2) * gi * gi;
            double upd = learningRate * (m[i] / c1) / (Math.sqrt(v[i] / c2) + EPS);
            x[i] = (float) Math.min(1.0, Math.max(0.0, x[i] - upd));
        }
    }
}
