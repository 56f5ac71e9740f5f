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

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * The one-sided Welch t-test Dataset Inference decides with: is the mean of {@code a} greater
 * than the mean of {@code b}, without assuming equal variances? Degrees of freedom by
 * Welch-Satterthwaite; the distribution is Commons Statistics'.
 *
 * @param t             the statistic, {@code (mean(a) - mean(b)) / sqrt(var(a)/n_a + var(b)/n_b)}
 * @param degrees       Welch-Satterthwaite degrees of freedom
 * @param pValue        the probability of a statistic this large if the means are equal
 * @param effect        the standardised mean difference (Cohen's d with the average variance)
 */
record WelchTest(double t, double degrees, double pValue, double effect) {

    /** Tests mean(a) > mean(b); each needs at least 2 values. */
    static WelchTest greater(double[] a, double[] b) {
        if (a.length < 2 || b.length < 2) {
            throw new IllegalArgumentException("a t-test needs at least 2 values on each side, got " + a.length + " and "
                    + b.length);
        }
        double ma = mean(a);
        double mb = mean(b);
        double va = variance(a, ma);
        double vb = variance(b, mb);
        double se2 = va / a.length + vb / b.length;
        double pooled = Math.sqrt((va + vb) / 2);
        double effect = pooled > 0 ? (ma - mb) / pooled : (ma == mb ? 0 : Math.copySign(Double.POSITIVE_INFINITY, ma - mb));
        if (!(se2 > 0)) {
            // both sides constant: equal means are no evidence, a difference is certain either way
            double p = ma > mb ? 0 : (ma < mb ? 1 : 0.5);
            return new WelchTest(ma == mb ? 0 : Math.copySign(Double.POSITIVE_INFINITY, ma - mb), a.length + b.length - 2.0,
                    p, effect);
        }
        double t = (ma - mb) / Math.sqrt(se2);
        double qa = va / a.length;
        double qb = vb / b.length;
        double df = se2 * se2 / (qa * qa / (a.length - 1) + qb * qb / (b.length - 1));
        return new WelchTest(t, df, TDistribution.of(df).survivalProbability(t), effect);
    }

    /**
     * The power of a one-sided test at {@code alpha} with {@code n} values on each side when the
     * true standardised difference is {@code effect} (normal approximation).
     */
    static double power(double effect, int n, double alpha) {
        if (!(effect > 0)) {
            return alpha;
        }
        if (Double.isInfinite(effect)) {
            return 1;
        }
        NormalDistribution z = NormalDistribution.of(0, 1);
        return z.survivalProbability(z.inverseSurvivalProbability(alpha) - effect * Math.sqrt(n / 2.0));
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double variance(double[] v, double m) {
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return s / (v.length - 1);
    }
}
