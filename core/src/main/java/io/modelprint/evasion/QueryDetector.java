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

import io.modelprint.ImageBatch;
import io.modelprint.ImageShape;
import java.util.Arrays;

/**
 * The thief's out-of-distribution detector, trained on natural images only: a score per image
 * (how unlike natural images it is) and a threshold at a chosen percentile of natural data, above
 * which a query is flagged as a likely fingerprint query (CutMix patches, boundary points and
 * other unusual inputs score high).
 *
 * <p>Two scores, both a few lines, as a thief would write them:
 * <ul>
 *   <li>{@link Statistic#MAHALANOBIS}: the mean over pixels of {@code (x - mean)^2 / (variance +
 *       0.001)}, with per-pixel mean and variance of natural images (a diagonal Mahalanobis
 *       distance; the floor keeps always-black pixels from dominating);</li>
 *   <li>{@link Statistic#NEAREST_NEIGHBOUR}: the mean squared pixel distance to the nearest of a
 *       sample of natural images.</li>
 * </ul>
 * {@link #fit} uses the first half of the natural images to learn (the statistics, or the sample)
 * and the second half, which it has not seen, to set the threshold, so that about
 * {@code 1 - percentile} of fresh natural images are flagged. No randomness: the same images give
 * the same detector.
 *
 * <pre>{@code
 * QueryDetector d = QueryDetector.fit(thiefsNaturalImages, QueryDetector.Statistic.MAHALANOBIS, 0.95);
 * boolean[] suspicious = d.flags(incomingBatch);
 * Model evasive = Evasions.detecting(stolen, d, independentModel);
 * }</pre>
 */
public final class QueryDetector {

    /** How unlike natural images an image is. */
    public enum Statistic {
        /** Per-pixel standardised squared distance to the natural mean (diagonal Mahalanobis). */
        MAHALANOBIS,
        /** Mean squared distance to the nearest natural image of the sample kept. */
        NEAREST_NEIGHBOUR
    }

    /** The fewest natural images {@link #fit} accepts: half learn, half set the threshold. */
    public static final int MIN_NATURAL_IMAGES = 20;

    /** The most natural images a nearest-neighbour detector keeps as its sample. */
    public static final int MAX_NEIGHBOURS = 2_000;

    private static final double VARIANCE_FLOOR = 1e-3;

    private final Statistic statistic;
    private final ImageShape shape;
    private final double[] mean;
    private final double[] variance;
    private final ImageBatch neighbours;
    private final double threshold;
    private final double percentile;

    private QueryDetector(Statistic statistic, ImageShape shape, double[] mean, double[] variance, ImageBatch neighbours,
                          double threshold, double percentile) {
        this.statistic = statistic;
        this.shape = shape;
        this.mean = mean;
        this.variance = variance;
        this.neighbours = neighbours;
        this.threshold = threshold;
        this.percentile = percentile;
    }

    /**
     * Learns a detector from {@code natural} images, flagging images that score above the
     * {@code percentile} of natural images it did not learn from.
     *
     * @param percentile in (0, 1), such as 0.95: about 5% of natural images are flagged
     * @throws IllegalArgumentException if fewer than {@value #MIN_NATURAL_IMAGES} images are given
     *                                  or the percentile is outside (0, 1)
     */
    public static QueryDetector fit(ImageBatch natural, Statistic statistic, double percentile) {
        if (natural == null || natural.count() < MIN_NATURAL_IMAGES) {
            throw new IllegalArgumentException("a query detector learns from at least " + MIN_NATURAL_IMAGES
                    + " natural images, got " + (natural == null ? 0 : natural.count()));
        }
        if (!(percentile > 0 && percentile < 1)) {
            throw new IllegalArgumentException("the detector's percentile must be in (0, 1), such as 0.95, got "
                    + percentile);
        }
        if (statistic == null) {
            throw new IllegalArgumentException("name the detector's statistic: MAHALANOBIS or NEAREST_NEIGHBOUR");
        }
        int half = natural.count() / 2;
        ImageBatch learn = natural.slice(0, half);
        ImageBatch calibrate = natural.slice(half, natural.count());
        int per = natural.shape().size();
        double[] mean = new double[per];
        double[] variance = new double[per];
        ImageBatch sample = null;
        if (statistic == Statistic.MAHALANOBIS) {
            float[] px = learn.pixels();
            for (int n = 0; n < half; n++) {
                for (int k = 0; k < per; k++) {
                    mean[k] += px[n * per + k];
                }
            }
            for (int k = 0; k < per; k++) {
                mean[k] /= half;
            }
            for (int n = 0; n < half; n++) {
                for (int k = 0; k < per; k++) {
                    double d = px[n * per + k] - mean[k];
                    variance[k] += d * d;
                }
            }
            for (int k = 0; k < per; k++) {
                variance[k] /= half;
            }
        } else {
            sample = learn.slice(0, Math.min(half, MAX_NEIGHBOURS));
        }
        QueryDetector unset = new QueryDetector(statistic, natural.shape(), mean, variance, sample, 0, percentile);
        double[] scores = unset.scores(calibrate);
        Arrays.sort(scores);
        double threshold = scores[Math.min(scores.length - 1, (int) Math.ceil(percentile * scores.length) - 1)];
        return new QueryDetector(statistic, natural.shape(), mean, variance, sample, threshold, percentile);
    }

    /** How unlike natural images each image of {@code batch} is; higher is stranger. */
    public double[] scores(ImageBatch batch) {
        if (!batch.shape().equals(shape)) {
            throw new IllegalArgumentException("this detector learnt images of shape " + shape + ", got " + batch.shape());
        }
        int per = shape.size();
        float[] px = batch.pixels();
        double[] out = new double[batch.count()];
        for (int n = 0; n < batch.count(); n++) {
            out[n] = statistic == Statistic.MAHALANOBIS ? mahalanobis(px, n * per, per) : nearest(px, n * per, per);
        }
        return out;
    }

    private double mahalanobis(float[] px, int at, int per) {
        double s = 0;
        for (int k = 0; k < per; k++) {
            double d = px[at + k] - mean[k];
            s += d * d / (variance[k] + VARIANCE_FLOOR);
        }
        return s / per;
    }

    private double nearest(float[] px, int at, int per) {
        float[] ref = neighbours.pixels();
        double best = Double.POSITIVE_INFINITY;
        for (int m = 0; m < neighbours.count(); m++) {
            double s = 0;
            int base = m * per;
            for (int k = 0; k < per && s < best; k++) {
                double d = px[at + k] - ref[base + k];
                s += d * d;
            }
            best = Math.min(best, s);
        }
        return best / per;
    }

    /** Which images of {@code batch} score above the threshold. */
    public boolean[] flags(ImageBatch batch) {
        double[] s = scores(batch);
        boolean[] out = new boolean[s.length];
        for (int i = 0; i < s.length; i++) {
            out[i] = s[i] > threshold;
        }
        return out;
    }

    /** The share of {@code batch} flagged. */
    public double flaggedFraction(ImageBatch batch) {
        int flagged = 0;
        for (boolean f : flags(batch)) {
            flagged += f ? 1 : 0;
        }
        return (double) flagged / batch.count();
    }

    /** The score above which an image is flagged. */
    public double threshold() {
        return threshold;
    }

    /** The statistic scored. */
    public Statistic statistic() {
        return statistic;
    }

    /** The percentile of natural scores the threshold sits at. */
    public double percentile() {
        return percentile;
    }

    /** The shape of the images it learnt. */
    public ImageShape shape() {
        return shape;
    }

    @Override
    public String toString() {
        return statistic.name().toLowerCase(java.util.Locale.ROOT) + " detector at the " + percentile
                + " percentile (threshold " + threshold + ")";
    }
}
