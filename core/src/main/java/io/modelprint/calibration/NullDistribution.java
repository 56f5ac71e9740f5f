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
package io.modelprint.calibration;

import io.modelprint.Threshold;
import java.util.Arrays;
import java.util.Locale;
import java.util.OptionalDouble;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * The distances of independent reference models to a victim: what distances look like when
 * nothing was stolen. From it come a threshold for a target false-positive rate and a p-value
 * for a suspect's distance.
 *
 * <p>Two estimates are combined, because users rarely have many references:
 * <ul>
 *   <li>a log-normal fit (distances are positive and skewed), used as a prediction for one new
 *       independent model: with mean {@code m} and standard deviation {@code s} of the
 *       {@code n} log-distances, a new log-distance follows {@code m + s * sqrt(1 + 1/n) * T},
 *       with {@code T} Student's t with {@code n - 1} degrees of freedom. This widens the
 *       interval when there are few references, where a plain normal fit would be
 *       overconfident. The threshold is its {@code targetFpr} quantile, the p-value its lower
 *       tail at the suspect's distance;</li>
 *   <li>the empirical count: the threshold never exceeds the {@code floor(targetFpr * n) + 1}-th
 *       smallest reference distance, so at most {@code floor(targetFpr * n)} references are
 *       judged stolen; the empirical p-value is {@code (1 + #refs at or below d) / (1 + n)}.</li>
 * </ul>
 *
 * <pre>{@code
 * NullDistribution nd = NullDistribution.of(new double[] {0.21, 0.18, 0.25, 0.19});
 * Threshold t = nd.threshold(0.05);
 * double p = nd.pValue(0.02);
 * }</pre>
 */
public final class NullDistribution {

    /** At least this many references are needed: one distance says nothing about spread. */
    public static final int MIN_REFERENCES = 2;

    private final double[] sorted;
    private final double logMean;
    private final double logSd;
    private final double predictiveScale;
    private final TDistribution t;

    private NullDistribution(double[] distances) {
        this.sorted = distances.clone();
        Arrays.sort(sorted);
        double m = 0;
        for (double d : sorted) {
            m += log(d);
        }
        m /= sorted.length;
        double v = 0;
        for (double d : sorted) {
            v += (log(d) - m) * (log(d) - m);
        }
        this.logMean = m;
        this.logSd = Math.sqrt(v / (sorted.length - 1));
        this.predictiveScale = logSd * Math.sqrt(1 + 1.0 / sorted.length);
        this.t = TDistribution.of(sorted.length - 1);
    }

    /**
     * The null distribution of these reference distances.
     *
     * @throws IllegalArgumentException with fewer than {@value #MIN_REFERENCES} distances, or a
     *                                  negative or non-finite one
     */
    public static NullDistribution of(double[] referenceDistances) {
        if (referenceDistances == null || referenceDistances.length < MIN_REFERENCES) {
            throw new IllegalArgumentException("calibration needs at least " + MIN_REFERENCES
                    + " independent reference models, got " + (referenceDistances == null ? 0 : referenceDistances.length)
                    + ": add references, or use the scheme's default threshold");
        }
        for (int i = 0; i < referenceDistances.length; i++) {
            double d = referenceDistances[i];
            if (!Double.isFinite(d) || d < 0) {
                throw new IllegalArgumentException("reference distance " + i + " is " + d + ": distances are finite and >= 0");
            }
        }
        return new NullDistribution(referenceDistances);
    }

    // distances of 0 would send the log to -infinity; anything this small is "identical"
    private static double log(double d) {
        return Math.log(Math.max(d, 1e-12));
    }

    /** Number of reference distances. */
    public int size() {
        return sorted.length;
    }

    /** The reference distances, smallest first (a copy). */
    public double[] distances() {
        return sorted.clone();
    }

    /** How many references are at or below {@code distance}. */
    public int countAtOrBelow(double distance) {
        int k = 0;
        while (k < sorted.length && sorted[k] <= distance) {
            k++;
        }
        return k;
    }

    /** Empirical p-value: {@code (1 + #refs at or below d) / (1 + n)}; never below {@code 1 / (n + 1)}. */
    public double empiricalPValue(double distance) {
        return (1.0 + countAtOrBelow(distance)) / (1.0 + sorted.length);
    }

    /**
     * The log-normal prediction's probability that a new independent model comes as close as
     * {@code distance}. When all references are at the same distance the fit has no spread, and
     * this is 0 below that distance and 1 at or above it.
     */
    public double pValue(double distance) {
        double x = log(distance);
        if (logSd == 0) {
            return x < logMean ? 0 : 1;
        }
        return t.cumulativeProbability((x - logMean) / predictiveScale);
    }

    /**
     * The threshold for a target false-positive rate: the smaller of the log-normal quantile and
     * the empirical bound described on this class.
     *
     * @throws IllegalArgumentException if {@code targetFpr} is not in (0, 1)
     */
    public Threshold threshold(double targetFpr) {
        return threshold(targetFpr, Threshold.Source.REFERENCE_MODELS);
    }

    /**
     * As {@link #threshold(double)}, saying where the references came from.
     *
     * @throws IllegalArgumentException if {@code targetFpr} is not in (0, 1) or {@code source} is
     *                                  not a calibrated source
     */
    public Threshold threshold(double targetFpr, Threshold.Source source) {
        if (!source.isCalibrated()) {
            throw new IllegalArgumentException("a threshold from reference models has a calibrated source, not " + source);
        }
        if (!(targetFpr > 0 && targetFpr < 1)) {
            throw new IllegalArgumentException("target false-positive rate must be in (0, 1), got " + targetFpr);
        }
        double parametric = logSd == 0 ? sorted[0]
                : Math.exp(logMean + predictiveScale * t.inverseCumulativeProbability(targetFpr));
        int allowed = (int) Math.floor(targetFpr * sorted.length);
        double empirical = sorted[Math.min(allowed, sorted.length - 1)];
        double value = Math.min(parametric, empirical);
        String how = parametric <= empirical
                ? String.format(Locale.ROOT, "the %.0f%% quantile of a log-normal prediction", 100 * targetFpr)
                : String.format(Locale.ROOT, "capped at reference distance %.4g", empirical);
        String text = String.format(Locale.ROOT, "from %d independent reference models (closest %.4g, median %.4g): %s",
                sorted.length, sorted[0], median(), how);
        return new Threshold(value, source, OptionalDouble.of(targetFpr), text);
    }

    /** The median reference distance. */
    public double median() {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }
}
