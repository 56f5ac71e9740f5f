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
package io.modelprint.evasion;

import io.modelprint.AbstractModel;
import io.modelprint.ImageBatch;
import io.modelprint.Model;
import io.modelprint.OutputKind;
import io.modelprint.Predictions;
import io.modelprint.kernel.Matrix;

/**
 * Probabilities rounded to {@code decimals} places so that each row still sums to 1: every value
 * is a multiple of {@code 10^-decimals} within one step of the true one (largest-remainder
 * rounding: each value is rounded down and the steps left over go to the largest remainders,
 * ties to the lower class).
 */
final class RoundedProbabilities extends AbstractModel {

    /** The most decimals: float probabilities hold about 7 digits. */
    static final int MAX_DECIMALS = 6;

    private final Model model;
    private final int decimals;

    RoundedProbabilities(Model model, int decimals) {
        super(ProbabilityRows.requireScores(model, "rounding").name() + " [rounded to " + decimals + " decimals]",
                model.inputShape(), model.numClasses(), OutputKind.PROBABILITIES);
        if (decimals < 1 || decimals > MAX_DECIMALS) {
            throw new IllegalArgumentException("rounding needs 1 to " + MAX_DECIMALS + " decimals, got " + decimals
                    + " (0 decimals would be the top-1 label: use Evasions.topOneLabel)");
        }
        this.model = model;
        this.decimals = decimals;
    }

    @Override
    protected Predictions answer(ImageBatch batch) {
        Predictions p = model.predict(batch).toProbabilities();
        int n = p.count();
        int classes = p.numClasses();
        long units = (long) Math.pow(10, decimals);
        float[] out = new float[n * classes];
        long[] steps = new long[classes];
        double[] remainder = new double[classes];
        for (int r = 0; r < n; r++) {
            long given = 0;
            for (int c = 0; c < classes; c++) {
                double scaled = p.scores().get(r, c) * (double) units;
                steps[c] = (long) Math.floor(scaled);
                remainder[c] = scaled - steps[c];
                given += steps[c];
            }
            for (long left = units - given; left > 0; left--) {
                int best = 0;
                for (int c = 1; c < classes; c++) {
                    if (remainder[c] > remainder[best]) {
                        best = c;
                    }
                }
                steps[best]++;
                remainder[best] = -1;
            }
            for (int c = 0; c < classes; c++) {
                out[r * classes + c] = (float) ((double) steps[c] / units);
            }
        }
        return Predictions.ofScores(OutputKind.PROBABILITIES, Matrix.of(n, classes, out));
    }
}
