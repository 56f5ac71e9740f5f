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

import io.modelprint.OutputKind;
import io.modelprint.Predictions;
import io.modelprint.kernel.Matrix;

/**
 * How class scores are put on one footing before two models' answers are compared as
 * probabilities.
 *
 * <ul>
 *   <li>{@link #LINEAR}: the probabilities as they are (the softmax of logits at the extractor's
 *       temperature). This is SAC's reference computation applied to a probability API, and a
 *       served temperature changes it.</li>
 *   <li>{@link #LOG}: each row's log-probabilities, centred over the classes; for logits, the
 *       logits divided by the temperature and centred, the same thing without float underflow.
 *       These are the logits up to the shift a softmax removes, so a logit API and a probability
 *       API of one model give the same rows, and a temperature the API applies only scales a row,
 *       which a correlation of unit rows ignores. Exact zeros (float32 APIs round very small
 *       probabilities to 0) take the row's smallest non-zero probability.</li>
 * </ul>
 *
 * <pre>{@code
 * double[] rows = ProbabilityScale.centredLogProbabilities(answers, 1.0, answers.count());
 * }</pre>
 */
public enum ProbabilityScale {
    /** Probabilities as they are. */
    LINEAR,
    /** Centred log-probabilities: the logits up to a shift, invariant to the API's temperature. */
    LOG;

    /**
     * The first {@code rows} answers as centred log-probabilities, row-major
     * ({@code rows * numClasses} values): logits divided by {@code temperature} and centred, or the
     * logarithms of probabilities centred, with each row's smallest non-zero probability standing
     * in for its exact zeros (a row of zeros only stays zero).
     *
     * @throws IllegalArgumentException if the answers are labels only, or {@code rows} is out of range
     */
    public static double[] centredLogProbabilities(Predictions answers, double temperature, int rows) {
        if (answers.kind() == OutputKind.LABELS) {
            throw new IllegalArgumentException("label-only answers have no log-probabilities: compare on labels");
        }
        if (rows < 0 || rows > answers.count()) {
            throw new IllegalArgumentException("rows must be in [0, " + answers.count() + "], got " + rows);
        }
        int c = answers.numClasses();
        Matrix s = answers.scores();
        boolean logits = answers.kind() == OutputKind.LOGITS;
        double[] out = new double[rows * c];
        for (int q = 0; q < rows; q++) {
            double smallest = Double.MAX_VALUE;
            if (!logits) {
                for (int k = 0; k < c; k++) {
                    double v = s.get(q, k);
                    if (v > 0 && v < smallest) {
                        smallest = v;
                    }
                }
            }
            double mean = 0;
            for (int k = 0; k < c; k++) {
                double v = s.get(q, k);
                double x = logits ? v / temperature : (smallest == Double.MAX_VALUE ? 0 : Math.log(v > 0 ? v : smallest));
                out[q * c + k] = x;
                mean += x;
            }
            mean /= c;
            for (int k = 0; k < c; k++) {
                out[q * c + k] -= mean;
            }
        }
        return out;
    }
}
