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
import io.modelprint.WhiteBoxModel;
import io.modelprint.kernel.Matrix;
import java.util.Arrays;
import java.util.List;

/**
 * MinGD, Dataset Inference's white-box embedding: for each class other than the sample's own,
 * gradient steps on the input that lower the cross-entropy towards that class, until the model
 * predicts it; the feature is the size of the perturbation then, in the norm whose steepest
 * descent was followed: signed steps of {@code linfStep} for L-infinity, normalised steps of
 * {@code l2Step} for L2, and for L1 steps of {@code l1Step} on the {@code l1Coordinates}
 * coordinates with the largest gradient that can still move. A target not reached within
 * {@code maxIterations} gets the size reached by then. The distances of one norm are sorted, so
 * the feature does not depend on which class is which. The model must be a
 * {@link WhiteBoxModel}; every image of every gradient pass counts as a query.
 *
 * <pre>{@code
 * MinGd gd = MinGd.defaults().withMaxIterations(50);
 * DatasetInference di = FingerprintVerifier.datasetInference(privateData, publicData).minGd(gd).build();
 * }</pre>
 *
 * @param norms         the norms, at least one, no repeats
 * @param maxIterations gradient steps per target class at most, at least 1
 * @param linfStep      the L-infinity step, in (0, 1]
 * @param l2Step        the L2 step, finite and positive
 * @param l1Step        the change of each moved coordinate in an L1 step, in (0, 1]
 * @param l1Coordinates coordinates moved per L1 step, at least 1
 */
public record MinGd(List<Norm> norms, int maxIterations, double linfStep, double l2Step, double l1Step, int l1Coordinates) {

    /** Samples whose gradient walks run side by side; a query budget stops between chunks. */
    static final int CHUNK = 8;

    /** Validates. */
    public MinGd {
        if (norms == null || norms.isEmpty() || norms.stream().distinct().count() != norms.size()) {
            throw new IllegalArgumentException("MinGD needs one or more distinct norms (L1, L2, LINF), got " + norms);
        }
        norms = List.copyOf(norms);
        if (maxIterations < 1) {
            throw new IllegalArgumentException("MinGD needs at least 1 iteration per target class, got " + maxIterations);
        }
        if (!(linfStep > 0 && linfStep <= 1) || !(l1Step > 0 && l1Step <= 1) || !(l2Step > 0) || !Double.isFinite(l2Step)) {
            throw new IllegalArgumentException("MinGD's steps must be positive (L-infinity and L1 at most 1), got linf "
                    + linfStep + ", l2 " + l2Step + ", l1 " + l1Step);
        }
        if (l1Coordinates < 1) {
            throw new IllegalArgumentException("MinGD's L1 step must move at least 1 coordinate, got " + l1Coordinates);
        }
    }

    /** L1, L2 and L-infinity; 100 iterations; steps 0.01 (L-infinity), 0.1 (L2), 0.1 on 10 coordinates (L1). */
    public static MinGd defaults() {
        return new MinGd(List.of(Norm.L1, Norm.L2, Norm.LINF), 100, 0.01, 0.1, 0.1, 10);
    }

    /** These settings with at most {@code n} iterations per target. */
    public MinGd withMaxIterations(int n) {
        return new MinGd(norms, n, linfStep, l2Step, l1Step, l1Coordinates);
    }

    /** These settings over {@code list}. */
    public MinGd withNorms(List<Norm> list) {
        return new MinGd(list, maxIterations, linfStep, l2Step, l1Step, l1Coordinates);
    }

    /** Features per sample for a task of {@code classes}: one sorted distance per other class and norm. */
    public int features(int classes) {
        return (classes - 1) * norms.size();
    }

    /** The fewest queries one sample costs: one gradient pass per target and norm. */
    long walksPerSample(int classes) {
        return features(classes);
    }

    /** The most queries one sample can cost. */
    public long maxQueriesPerSample(int classes) {
        return (long) features(classes) * maxIterations;
    }

    Embedder.Embedded embed(Model model, LabeledImages samples, long[] sampleSeeds, QueryAllowance allowance,
                            ProgressListener progress, String task) {
        if (!(model instanceof WhiteBoxModel white)) {
            throw new IllegalArgumentException("MinGD needs input gradients, but " + model.name()
                    + " is not a WhiteBoxModel: use Blind Walk (DatasetInference.Builder.embedding(Embedding.BLIND_WALK))");
        }
        int n = samples.size();
        double[][] rows = new double[n][];
        long before = allowance.spent();
        progress.onProgress(task, 0, n);
        for (int from = 0; from < n; from += CHUNK) {
            int to = Math.min(n, from + CHUNK);
            double[][] chunk = descendChunk(white, samples, from, to, allowance);
            if (chunk == null) {
                return new Embedder.Embedded(Arrays.copyOf(rows, from), allowance.spent() - before);
            }
            System.arraycopy(chunk, 0, rows, from, to - from);
            progress.onProgress(task, to, n);
        }
        return new Embedder.Embedded(rows, allowance.spent() - before);
    }

    private double[][] descendChunk(WhiteBoxModel model, LabeledImages samples, int from, int to, QueryAllowance allowance) {
        int classes = model.numClasses();
        int d = samples.images().shape().size();
        int perSample = features(classes);
        int count = (to - from) * perSample;
        int[] sample = new int[count];
        int[] target = new int[count];
        Norm[] norm = new Norm[count];
        for (int s = from, i = 0; s < to; s++) {
            int y = samples.labels()[s];
            for (Norm nm : norms) {
                for (int t = 0; t < classes; t++) {
                    if (t != y) {
                        sample[i] = s;
                        target[i] = t;
                        norm[i++] = nm;
                    }
                }
            }
        }
        float[] origin = samples.images().pixels();
        float[] delta = new float[count * d];
        double[] distance = new double[count];
        int[] active = new int[count];
        for (int i = 0; i < count; i++) {
            active[i] = i;
        }
        int live = count;
        for (int it = 0; it <= maxIterations && live > 0; it++) {
            if (!allowance.take(live)) {
                return null;
            }
            float[] px = new float[live * d];
            int[] targets = new int[live];
            for (int a = 0; a < live; a++) {
                int i = active[a];
                targets[a] = target[i];
                for (int j = 0; j < d; j++) {
                    px[a * d + j] = origin[sample[i] * d + j] + delta[i * d + j];
                }
            }
            ImageBatch batch = ImageBatch.of(samples.images().shape(), px);
            Matrix[] seen = new Matrix[1];
            float[] grad = model.inputGradient(batch, z -> {
                seen[0] = z;
                return crossEntropyGradient(z, targets);
            });
            int still = 0;
            for (int a = 0; a < live; a++) {
                int i = active[a];
                if (argmax(seen[0], a) == target[i] || it == maxIterations) {
                    distance[i] = norm[i].of(delta, i * d, d);
                } else {
                    step(norm[i], grad, a * d, delta, i * d, origin, sample[i] * d, d);
                    active[still++] = i;
                }
            }
            live = still;
        }
        double[][] rows = new double[to - from][perSample];
        int perNorm = classes - 1;
        for (int s = 0; s < to - from; s++) {
            System.arraycopy(distance, s * perSample, rows[s], 0, perSample);
            for (int g = 0; g < norms.size(); g++) {
                Arrays.sort(rows[s], g * perNorm, (g + 1) * perNorm);
            }
        }
        return rows;
    }

    /** One descent step of {@code nm} against gradient {@code g}, keeping {@code x + delta} in [0, 1]. */
    private void step(Norm nm, float[] g, int gOff, float[] delta, int dOff, float[] x, int xOff, int d) {
        switch (nm) {
            case LINF -> {
                for (int j = 0; j < d; j++) {
                    delta[dOff + j] -= (float) (linfStep * Math.signum(g[gOff + j]));
                }
            }
            case L2 -> {
                double sq = 0;
                for (int j = 0; j < d; j++) {
                    sq += (double) g[gOff + j] * g[gOff + j];
                }
                double scale = sq > 0 ? l2Step / Math.sqrt(sq) : 0;
                for (int j = 0; j < d; j++) {
                    delta[dOff + j] -= (float) (scale * g[gOff + j]);
                }
            }
            case L1 -> {
                // the largest gradients among the coordinates that can still move against them
                Integer[] order = new Integer[d];
                int movable = 0;
                for (int j = 0; j < d; j++) {
                    float v = x[xOff + j] + delta[dOff + j];
                    if ((g[gOff + j] > 0 && v > 0) || (g[gOff + j] < 0 && v < 1)) {
                        order[movable++] = j;
                    }
                }
                Arrays.sort(order, 0, movable, (p, q) -> Float.compare(Math.abs(g[gOff + q]), Math.abs(g[gOff + p])));
                for (int r = 0; r < Math.min(l1Coordinates, movable); r++) {
                    int j = order[r];
                    delta[dOff + j] -= (float) (l1Step * Math.signum(g[gOff + j]));
                }
            }
        }
        for (int j = 0; j < d; j++) {
            float v = x[xOff + j] + delta[dOff + j];
            if (v < 0) {
                delta[dOff + j] = -x[xOff + j];
            } else if (v > 1) {
                delta[dOff + j] = 1 - x[xOff + j];
            }
        }
    }

    /** The gradient of the cross-entropy towards {@code targets} with respect to the logits: softmax minus one-hot. */
    static Matrix crossEntropyGradient(Matrix z, int[] targets) {
        int rows = z.rows();
        int classes = z.cols();
        float[] out = new float[rows * classes];
        for (int r = 0; r < rows; r++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                max = Math.max(max, z.get(r, c));
            }
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                sum += Math.exp(z.get(r, c) - max);
            }
            for (int c = 0; c < classes; c++) {
                out[r * classes + c] = (float) (Math.exp(z.get(r, c) - max) / sum - (c == targets[r] ? 1 : 0));
            }
        }
        return Matrix.of(rows, classes, out);
    }

    private static int argmax(Matrix z, int row) {
        int best = 0;
        for (int c = 1; c < z.cols(); c++) {
            if (z.get(row, c) > z.get(row, best)) {
                best = c;
            }
        }
        return best;
    }
}
