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
