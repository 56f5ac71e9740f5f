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
package io.modelprint;

import io.modelprint.kernel.Matrix;
import java.util.Arrays;
import java.util.Objects;

/**
 * A model's answers to a batch: one row of scores per input (logits or probabilities), or one
 * label per input for label-only models. Top-1 labels are always available.
 *
 * <p>Construction validates the answers, so a broken model is caught where it answers: scores
 * must be finite, probabilities must lie in [0, 1] and sum to 1 (within {@value #PROBABILITY_SUM_TOLERANCE}),
 * labels must be valid classes.
 *
 * <pre>{@code
 * Predictions p = Predictions.ofScores(OutputKind.PROBABILITIES, matrix);
 * int top = p.labels()[0];
 * Predictions soft = Predictions.ofScores(OutputKind.LOGITS, logits).toProbabilities();
 * }</pre>
 */
public final class Predictions {

    /** How far a probability row may sum from 1 before it is rejected. */
    public static final double PROBABILITY_SUM_TOLERANCE = 1e-3;

    private final OutputKind kind;
    private final int numClasses;
    private final Matrix scores;
    private final int[] labels;

    private Predictions(OutputKind kind, int numClasses, Matrix scores, int[] labels) {
        this.kind = kind;
        this.numClasses = numClasses;
        this.scores = scores;
        this.labels = labels;
    }

    /**
     * Scores of kind {@link OutputKind#LOGITS} or {@link OutputKind#PROBABILITIES}, one row per
     * input, one column per class.
     *
     * @throws IllegalArgumentException on NaN or infinite values, on probability rows that are not
     *                                  distributions, or if {@code kind} is {@code LABELS}
     */
    public static Predictions ofScores(OutputKind kind, Matrix scores) {
        if (kind == null || !kind.hasScores()) {
            throw new IllegalArgumentException("ofScores needs LOGITS or PROBABILITIES, got " + kind
                    + "; use ofLabels for label-only answers");
        }
        int bad = scores.firstNonFinite();
        if (bad >= 0) {
            throw new IllegalArgumentException("the model answered " + scores.data()[bad] + " for class "
                    + (bad % scores.cols()) + " of input " + (bad / scores.cols())
                    + ": outputs must be finite. Check the model for overflow or invalid inputs.");
        }
        if (kind == OutputKind.PROBABILITIES) {
            checkDistributions(scores);
        }
        return new Predictions(kind, scores.cols(), scores, argmax(scores));
    }

    /**
     * Top-1 labels only, each in {@code [0, numClasses)}.
     *
     * @throws IllegalArgumentException if a label is out of range
     */
    public static Predictions ofLabels(int[] labels, int numClasses) {
        if (labels == null || labels.length == 0) {
            throw new IllegalArgumentException("no labels given");
        }
        if (numClasses < 2) {
            throw new IllegalArgumentException("a classifier has at least 2 classes, got " + numClasses);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= numClasses) {
                throw new IllegalArgumentException("the model answered label " + labels[i] + " for input " + i
                        + ", outside [0, " + numClasses + ")");
            }
        }
        return new Predictions(OutputKind.LABELS, numClasses, null, labels.clone());
    }

    private static void checkDistributions(Matrix p) {
        for (int r = 0; r < p.rows(); r++) {
            double sum = 0;
            for (int c = 0; c < p.cols(); c++) {
                float v = p.get(r, c);
                if (v < 0f || v > 1f + PROBABILITY_SUM_TOLERANCE) {
                    throw new IllegalArgumentException("probability " + v + " for class " + c + " of input " + r
                            + " is outside [0, 1]: if the model gives logits, declare OutputKind.LOGITS");
                }
                sum += v;
            }
            if (Math.abs(sum - 1) > PROBABILITY_SUM_TOLERANCE) {
                throw new IllegalArgumentException("probabilities of input " + r + " sum to " + sum
                        + ", not 1: if the model gives logits or unnormalised scores, declare OutputKind.LOGITS");
            }
        }
    }

    private static int[] argmax(Matrix m) {
        int[] out = new int[m.rows()];
        for (int r = 0; r < m.rows(); r++) {
            int best = 0;
            float bv = m.get(r, 0);
            for (int c = 1; c < m.cols(); c++) {
                float v = m.get(r, c);
                if (v > bv) {
                    bv = v;
                    best = c;
                }
            }
            out[r] = best;
        }
        return out;
    }

    /** What these answers are. */
    public OutputKind kind() {
        return kind;
    }

    /** Number of classes of the model that answered. */
    public int numClasses() {
        return numClasses;
    }

    /** Number of inputs answered. */
    public int count() {
        return labels.length;
    }

    /**
     * The score matrix ({@code count x numClasses}).
     *
     * @throws IllegalStateException for label-only answers
     */
    public Matrix scores() {
        if (scores == null) {
            throw new IllegalStateException("these answers are labels only: the model gives no scores");
        }
        return scores;
    }

    /** Top-1 labels, one per input (a copy). */
    public int[] labels() {
        return labels.clone();
    }

    /** The top-1 label of input {@code i}. */
    public int label(int i) {
        return labels[i];
    }

    /**
     * These answers as probabilities: unchanged if they already are, softmax of logits otherwise.
     *
     * @throws IllegalStateException for label-only answers
     */
    public Predictions toProbabilities() {
        return toProbabilities(1.0);
    }

    /**
     * Softmax of {@code logits / temperature}; probabilities are returned unchanged when the
     * temperature is 1.
     *
     * @throws IllegalStateException for label-only answers, or probabilities with a temperature other than 1
     */
    public Predictions toProbabilities(double temperature) {
        if (!(temperature > 0) || !Double.isFinite(temperature)) {
            throw new IllegalArgumentException("temperature must be finite and > 0, got " + temperature);
        }
        if (kind == OutputKind.PROBABILITIES && temperature == 1.0) {
            return this;
        }
        if (kind != OutputKind.LOGITS) {
            throw new IllegalStateException("cannot turn " + kind + " answers into probabilities at temperature "
                    + temperature + ": that needs logits");
        }
        int n = scores.rows();
        int c = scores.cols();
        float[] out = new float[n * c];
        float[] z = scores.data();
        for (int r = 0; r < n; r++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < c; k++) {
                max = Math.max(max, z[r * c + k] / temperature);
            }
            double sum = 0;
            for (int k = 0; k < c; k++) {
                sum += Math.exp(z[r * c + k] / temperature - max);
            }
            for (int k = 0; k < c; k++) {
                out[r * c + k] = (float) (Math.exp(z[r * c + k] / temperature - max) / sum);
            }
        }
        return new Predictions(OutputKind.PROBABILITIES, c, Matrix.of(n, c, out), labels);
    }

    /** These answers as a label-only API would give them: the top-1 labels alone. */
    public Predictions toLabels() {
        return kind == OutputKind.LABELS ? this : new Predictions(OutputKind.LABELS, numClasses, null, labels);
    }

    /** The answers to the inputs at {@code indices}, in that order. */
    public Predictions select(int[] indices) {
        int[] l = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            l[i] = labels[indices[i]];
        }
        return new Predictions(kind, numClasses, scores == null ? null : scores.selectRows(indices), l);
    }

    /** These answers followed by {@code other}'s, which must be of the same kind and class count. */
    public Predictions concat(Predictions other) {
        if (other.kind != kind || other.numClasses != numClasses) {
            throw new IllegalArgumentException("cannot join " + kind + " answers over " + numClasses + " classes with "
                    + other.kind + " answers over " + other.numClasses + " classes");
        }
        int[] l = Arrays.copyOf(labels, labels.length + other.labels.length);
        System.arraycopy(other.labels, 0, l, labels.length, other.labels.length);
        Matrix s = null;
        if (scores != null) {
            float[] d = Arrays.copyOf(scores.data(), scores.data().length + other.scores.data().length);
            System.arraycopy(other.scores.data(), 0, d, scores.data().length, other.scores.data().length);
            s = Matrix.of(l.length, numClasses, d);
        }
        return new Predictions(kind, numClasses, s, l);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Predictions p && p.kind == kind && p.numClasses == numClasses
                && Arrays.equals(p.labels, labels) && Objects.equals(p.scores, scores);
    }

    @Override
    public int hashCode() {
        return 31 * kind.hashCode() + Arrays.hashCode(labels);
    }

    @Override
    public String toString() {
        return "Predictions[" + count() + " x " + numClasses + " " + kind + "]";
    }
}
