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

import io.modelprint.Model;
import io.modelprint.OutputKind;
import io.modelprint.Predictions;
import io.modelprint.kernel.Matrix;

/** Shared steps of the wrappers that rewrite probability rows. */
final class ProbabilityRows {

    private ProbabilityRows() {
    }

    /** Refuses a suspect that answers labels only: there are no probabilities to change. */
    static Model requireScores(Model model, String evasion) {
        if (model == null) {
            throw new IllegalArgumentException(evasion + " needs a model to wrap, got null");
        }
        if (!model.outputKind().hasScores()) {
            throw new IllegalArgumentException(evasion + " changes probabilities, but model " + model.name()
                    + " answers labels only; wrap a model that answers logits or probabilities");
        }
        return model;
    }

    /** {@code p} divided by its sum, as a probability answer; rows whose sum is 0 are taken from {@code fallback}. */
    static Predictions normalised(double[] p, int rows, int classes, Predictions fallback) {
        float[] out = new float[rows * classes];
        for (int r = 0; r < rows; r++) {
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                sum += p[r * classes + c];
            }
            for (int c = 0; c < classes; c++) {
                out[r * classes + c] = sum > 0 ? (float) (p[r * classes + c] / sum) : fallback.scores().get(r, c);
            }
        }
        return Predictions.ofScores(OutputKind.PROBABILITIES, Matrix.of(rows, classes, out));
    }
}
