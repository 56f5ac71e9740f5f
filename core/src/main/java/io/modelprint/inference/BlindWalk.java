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

import io.modelprint.ImageBatch;
import io.modelprint.LabeledImages;
import io.modelprint.Model;
import io.modelprint.ProgressListener;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Blind Walk, Dataset Inference's black-box embedding: from a sample, walk along a random
 * direction {@code x + k * delta} (clipped to [0, 1]) for k = 1, 2, ... until the model's label
 * differs from the sample's true label, and record k (or {@code maxSteps + 1} if it never does).
 * Per sample there are {@code directions} walks for each norm; directions are drawn as in the
 * reference code of Maini et al.: uniform in {@code [-0.005, 0.005]^d} for L-infinity, Gaussian
 * with standard deviation 0.005 for L2, Laplace with scale 0.01 for L1, each times
 * {@code stepScale}. The step counts of one norm are sorted, so the feature does not depend on
 * the order the directions were drawn in. It needs only labels, and costs up to
 * {@code directions * norms * maxSteps} queries per sample.
 *
 * <pre>{@code
 * BlindWalk walk = BlindWalk.defaults().withDirections(5).withNorms(List.of(Norm.LINF));
 * DatasetInference di = FingerprintVerifier.datasetInference(privateData, publicData).blindWalk(walk).build();
 * }</pre>
 *
 * @param directions random directions per sample and norm, at least 1
 * @param norms      the norms whose directions are walked, at least one, no repeats
 * @param maxSteps   the longest walk, at least 1
 * @param stepScale  a factor on the reference code's step sizes, finite and positive
 */
public record BlindWalk(int directions, List<Norm> norms, int maxSteps, double stepScale) {

    /** The reference code's longest walk. */
    public static final int DEFAULT_MAX_STEPS = 50;

    /** Random directions per sample and norm by default. */
    public static final int DEFAULT_DIRECTIONS = 10;

    /** Samples whose walks run side by side (one batch per step); a query budget stops between chunks. */
    static final int CHUNK = 8;

    /** Validates. */
    public BlindWalk {
        if (directions < 1) {
            throw new IllegalArgumentException("Blind Walk needs at least 1 random direction per sample, got " + directions);
        }
        if (norms == null || norms.isEmpty() || norms.stream().distinct().count() != norms.size()) {
            throw new IllegalArgumentException("Blind Walk needs one or more distinct norms (L1, L2, LINF), got " + norms);
        }
        norms = List.copyOf(norms);
        if (maxSteps < 1) {
            throw new IllegalArgumentException("Blind Walk needs at least 1 step per walk, got maxSteps = " + maxSteps);
        }
        if (!(stepScale > 0) || !Double.isFinite(stepScale)) {
            throw new IllegalArgumentException("Blind Walk's step scale must be finite and positive, got " + stepScale);
        }
    }

    /** {@value #DEFAULT_DIRECTIONS} directions for each of L1, L2 and L-infinity, {@value #DEFAULT_MAX_STEPS} steps, the reference step sizes. */
    public static BlindWalk defaults() {
        return new BlindWalk(DEFAULT_DIRECTIONS, List.of(Norm.L1, Norm.L2, Norm.LINF), DEFAULT_MAX_STEPS, 1);
    }

    /** This walk with {@code n} directions per sample and norm. */
    public BlindWalk withDirections(int n) {
        return new BlindWalk(n, norms, maxSteps, stepScale);
    }

    /** This walk over {@code list}. */
    public BlindWalk withNorms(List<Norm> list) {
        return new BlindWalk(directions, list, maxSteps, stepScale);
    }

    /** This walk with walks of at most {@code steps}. */
    public BlindWalk withMaxSteps(int steps) {
        return new BlindWalk(directions, norms, steps, stepScale);
    }

    /** This walk with the reference step sizes times {@code scale}. */
    public BlindWalk withStepScale(double scale) {
        return new BlindWalk(directions, norms, maxSteps, scale);
    }

    /** Features per sample: one sorted step count per direction and norm. */
    public int features() {
        return directions * norms.size();
    }

    /** Walks per sample: the fewest queries one sample costs (every walk ends at its first step). */
    long walksPerSample() {
        return (long) directions * norms.size();
    }

    /** The most queries one sample can cost. */
    public long maxQueriesPerSample() {
        return walksPerSample() * maxSteps;
    }

    Embedder.Embedded embed(Model model, LabeledImages samples, long[] sampleSeeds, QueryAllowance allowance,
                            ProgressListener progress, String task) {
        int n = samples.size();
        int d = samples.images().shape().size();
        int walks = features();
        double[][] rows = new double[n][];
        long before = allowance.spent();
        progress.onProgress(task, 0, n);
        for (int from = 0; from < n; from += CHUNK) {
            int to = Math.min(n, from + CHUNK);
            double[][] chunk = walkChunk(model, samples, sampleSeeds, from, to, d, walks, allowance);
            if (chunk == null) {
                return new Embedder.Embedded(Arrays.copyOf(rows, from), allowance.spent() - before);
            }
            System.arraycopy(chunk, 0, rows, from, to - from);
            progress.onProgress(task, to, n);
        }
        return new Embedder.Embedded(rows, allowance.spent() - before);
    }

    /** The sorted step counts of samples [from, to), or null if the allowance ran out first. */
    private double[][] walkChunk(Model model, LabeledImages samples, long[] seeds, int from, int to, int d, int walks,
                                 QueryAllowance allowance) {
        int count = (to - from) * walks;
        float[] origin = samples.images().pixels();
        float[] dir = new float[count * d];
        for (int s = from; s < to; s++) {
            SplittableRandom rng = new SplittableRandom(seeds[s]);
            for (int w = 0; w < walks; w++) {
                Norm norm = norms.get(w / directions);
                int off = ((s - from) * walks + w) * d;
                for (int k = 0; k < d; k++) {
                    dir[off + k] = (float) (stepScale * draw(norm, rng));
                }
            }
        }
        int[] steps = new int[count];
        int[] active = new int[count];
        for (int i = 0; i < count; i++) {
            active[i] = i;
        }
        int live = count;
        for (int k = 1; k <= maxSteps && live > 0; k++) {
            if (!allowance.take(live)) {
                return null;
            }
            float[] px = new float[live * d];
            for (int a = 0; a < live; a++) {
                int walk = active[a];
                int base = (from + walk / walks) * d;
                for (int j = 0; j < d; j++) {
                    float v = origin[base + j] + k * dir[walk * d + j];
                    px[a * d + j] = v < 0 ? 0 : (v > 1 ? 1 : v);
                }
            }
            int[] labels = model.predict(ImageBatch.of(samples.images().shape(), px)).labels();
            int still = 0;
            for (int a = 0; a < live; a++) {
                int walk = active[a];
                if (labels[a] != samples.labels()[from + walk / walks]) {
                    steps[walk] = k;
                } else {
                    active[still++] = walk;
                }
            }
            live = still;
        }
        for (int a = 0; a < live; a++) {
            steps[active[a]] = maxSteps + 1;
        }
        double[][] rows = new double[to - from][walks];
        for (int s = 0; s < to - from; s++) {
            for (int w = 0; w < walks; w++) {
                rows[s][w] = steps[s * walks + w];
            }
            for (int g = 0; g < norms.size(); g++) {
                Arrays.sort(rows[s], g * directions, (g + 1) * directions);
            }
        }
        return rows;
    }

    private static double draw(Norm norm, SplittableRandom rng) {
        return switch (norm) {
            case LINF -> rng.nextDouble(-0.005, 0.005);
            case L2 -> 0.005 * rng.nextGaussian();
            case L1 -> {
                // a Laplace draw: an exponential of scale 0.01 with a random sign (1 - u is in (0, 1])
                double e = -0.01 * Math.log(1 - rng.nextDouble());
                yield rng.nextBoolean() ? e : -e;
            }
        };
    }
}
