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
package io.modelprint.benchmarks.detection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How well a distance separates stolen models (positives, small distances) from independent
 * ones (negatives): the ROC curve, its area, and the true-positive rate at a bounded
 * false-positive rate. A suspect counts as flagged when its distance is at most the threshold.
 *
 * <pre>{@code
 * double auc = Roc.auc(independentDistances, stolenDistances);          // P(d_independent > d_stolen), ties half
 * double tpr = Roc.tprAtFpr(independentDistances, stolenDistances, 0.05);
 * }</pre>
 */
public final class Roc {

    private Roc() {
    }

    /**
     * One point of the curve.
     *
     * <pre>{@code
     * for (Roc.Point p : Roc.curve(independent, stolen)) { ... p.fpr() ... p.tpr() ... }
     * }</pre>
     *
     * @param threshold flagged when {@code distance <= threshold}
     * @param fpr       share of negatives flagged
     * @param tpr       share of positives flagged
     */
    public record Point(double threshold, double fpr, double tpr) {
    }

    /**
     * {@code P(negative > positive) + P(negative == positive) / 2}: 1 when every stolen model is
     * closer than every independent one, 0.5 for chance.
     *
     * @throws IllegalArgumentException if either set is empty or holds NaN
     */
    public static double auc(double[] negatives, double[] positives) {
        check(negatives, positives);
        double sum = 0;
        for (double n : negatives) {
            for (double p : positives) {
                sum += n > p ? 1 : (n == p ? 0.5 : 0);
            }
        }
        return sum / ((double) negatives.length * positives.length);
    }

    /**
     * The largest share of positives flagged by a threshold that flags at most {@code maxFpr} of
     * the negatives.
     */
    public static double tprAtFpr(double[] negatives, double[] positives, double maxFpr) {
        double best = 0;
        for (Point p : curve(negatives, positives)) {
            if (p.fpr() <= maxFpr + 1e-12) {
                best = Math.max(best, p.tpr());
            }
        }
        return best;
    }

    /** The curve from (0, 0) to (1, 1), one point per distinct distance. */
    public static List<Point> curve(double[] negatives, double[] positives) {
        check(negatives, positives);
        double[] all = new double[negatives.length + positives.length];
        System.arraycopy(negatives, 0, all, 0, negatives.length);
        System.arraycopy(positives, 0, all, negatives.length, positives.length);
        Arrays.sort(all);
        double[] n = negatives.clone();
        double[] p = positives.clone();
        Arrays.sort(n);
        Arrays.sort(p);
        List<Point> out = new ArrayList<>();
        out.add(new Point(Double.NEGATIVE_INFINITY, 0, 0));
        double previous = Double.NaN;
        for (double t : all) {
            if (t == previous) {
                continue;
            }
            previous = t;
            out.add(new Point(t, countAtMost(n, t) / (double) n.length, countAtMost(p, t) / (double) p.length));
        }
        return out;
    }

    private static int countAtMost(double[] sorted, double t) {
        int k = 0;
        while (k < sorted.length && sorted[k] <= t) {
            k++;
        }
        return k;
    }

    private static void check(double[] negatives, double[] positives) {
        if (negatives == null || positives == null || negatives.length == 0 || positives.length == 0) {
            throw new IllegalArgumentException("ROC needs at least one negative and one positive distance");
        }
        for (double d : negatives) {
            if (Double.isNaN(d)) {
                throw new IllegalArgumentException("a negative distance is NaN");
            }
        }
        for (double d : positives) {
            if (Double.isNaN(d)) {
                throw new IllegalArgumentException("a positive distance is NaN");
            }
        }
    }
}
