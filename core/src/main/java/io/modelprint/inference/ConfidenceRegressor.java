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

import java.util.Arrays;

/**
 * Dataset Inference's confidence regressor: logistic regression from a sample's boundary
 * distances to the probability that it was training data (private = 1, public = 0), on features
 * standardised with the training rows' mean and standard deviation, with a small L2 penalty,
 * fitted by full-batch gradient descent from zero (so the fit is deterministic).
 *
 * <p>Written here rather than taken from a library: core's only numeric dependency is Commons
 * Statistics' distributions, which has no regression, and a 30-feature logistic fit needs no
 * more than this; the reference code uses a tiny neural network instead, which a linear model on
 * sorted distances matches in what it can express about "farther from the boundary".
 */
final class ConfidenceRegressor {

    static final double L2_PENALTY = 1e-3;
    static final int MAX_ITERATIONS = 5000;
    static final double LEARNING_RATE = 0.5;
    static final double TOLERANCE = 1e-7;

    private final double[] mean;
    private final double[] scale;
    private final double[] weights;
    private final double bias;

    private ConfidenceRegressor(double[] mean, double[] scale, double[] weights, double bias) {
        this.mean = mean;
        this.scale = scale;
        this.weights = weights;
        this.bias = bias;
    }

    /**
     * Fits the regressor.
     *
     * @param positives rows of the private samples (label 1)
     * @param negatives rows of the public samples (label 0)
     */
    static ConfidenceRegressor fit(double[][] positives, double[][] negatives) {
        int d = positives[0].length;
        int n = positives.length + negatives.length;
        double[][] x = new double[n][];
        double[] y = new double[n];
        for (int i = 0; i < positives.length; i++) {
            x[i] = positives[i];
            y[i] = 1;
        }
        for (int i = 0; i < negatives.length; i++) {
            x[positives.length + i] = negatives[i];
        }
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (double[] row : x) {
            for (int k = 0; k < d; k++) {
                mean[k] += row[k] / n;
            }
        }
        for (double[] row : x) {
            for (int k = 0; k < d; k++) {
                scale[k] += (row[k] - mean[k]) * (row[k] - mean[k]) / n;
            }
        }
        for (int k = 0; k < d; k++) {
            // a constant feature carries nothing: scale 1 keeps it at zero after centring
            scale[k] = scale[k] > 1e-12 ? Math.sqrt(scale[k]) : 1;
        }
        double[][] z = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                z[i][k] = (x[i][k] - mean[k]) / scale[k];
            }
        }
        double[] w = new double[d];
        double b = 0;
        double[] gw = new double[d];
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            Arrays.fill(gw, 0);
            double gb = 0;
            for (int i = 0; i < n; i++) {
                double r = sigmoid(dot(w, z[i]) + b) - y[i];
                for (int k = 0; k < d; k++) {
                    gw[k] += r * z[i][k] / n;
                }
                gb += r / n;
            }
            double norm = gb * gb;
            for (int k = 0; k < d; k++) {
                gw[k] += L2_PENALTY * w[k];
                norm += gw[k] * gw[k];
                w[k] -= LEARNING_RATE * gw[k];
            }
            b -= LEARNING_RATE * gb;
            if (norm < TOLERANCE * TOLERANCE) {
                break;
            }
        }
        return new ConfidenceRegressor(mean, scale, w, b);
    }

    /** The probability that the sample with boundary distances {@code row} was training data. */
    double score(double[] row) {
        if (row.length != weights.length) {
            throw new IllegalArgumentException("the regressor was fitted on " + weights.length + " features, got "
                    + row.length);
        }
        double s = bias;
        for (int k = 0; k < row.length; k++) {
            s += weights[k] * (row[k] - mean[k]) / scale[k];
        }
        return sigmoid(s);
    }

    /** The scores of every row. */
    double[] scores(double[][] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = score(rows[i]);
        }
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }

    private static double sigmoid(double t) {
        return t >= 0 ? 1 / (1 + Math.exp(-t)) : Math.exp(t) / (1 + Math.exp(t));
    }
}
