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
package io.modelprint.query;

import io.modelprint.ImageBatch;
import io.modelprint.ImageShape;
import io.modelprint.LabeledImages;
import io.modelprint.Model;
import io.modelprint.OutputKind;
import io.modelprint.ProgressListener;
import io.modelprint.QuerySet;
import io.modelprint.SameTask;
import io.modelprint.WhiteBoxModel;
import io.modelprint.config.Param;
import io.modelprint.config.Parameters;
import io.modelprint.kernel.Matrix;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * IPGuard's queries: owner samples moved to the victim's decision boundary.
 *
 * <p>For each seed image with victim label {@code i} and a target class {@code j} (random, or the
 * least likely), Adam minimises, on the victim's logits {@code z},
 * {@code ReLU(z_i - z_j + k) + ReLU(max_{t != i, j} z_t - z_i)} with respect to the pixels,
 * clipping them to [0, 1] after each step, for at most {@code steps} steps; a sample stops as soon
 * as its loss is 0 (or, optionally, as soon as its label flips to {@code j}). All seeds are optimised together, one forward and one backward pass per step.
 * The fingerprint is then the victim's label on each final point.
 *
 * <pre>{@code
 * QuerySet q = new BoundaryQueries(BoundaryQueries.Config.defaults()).build(whiteBoxVictim, ownerData, 3);
 * }</pre>
 */
public final class BoundaryQueries extends AbstractQuerySetBuilder<BoundaryQueries.Config> {

    /**
     * How the target class {@code j} is chosen for each seed.
     *
     * <pre>{@code
     * new BoundaryQueries.Config(100, 10, 0.01, 1000, BoundaryQueries.Target.LEAST_LIKELY, SampleSelection.FIRST,
     *         BoundaryQueries.Stop.ZERO_LOSS);
     * }</pre>
     */
    public enum Target {
        /** A uniformly random class other than the victim's label (IPGuard, QuRD). */
        RANDOM,
        /** The class with the smallest logit (DeepJudge). */
        LEAST_LIKELY
    }

    /**
     * When a seed stops moving.
     *
     * <pre>{@code
     * new BoundaryQueries.Config(100, 10, 0.01, 300, BoundaryQueries.Target.RANDOM, SampleSelection.FIRST,
     *         BoundaryQueries.Stop.LABEL_FLIP);   // cheaper; points stay nearer the boundary
     * }</pre>
     */
    public enum Stop {
        /** When its loss reaches 0: the target class leads by the margin (the references' rule). */
        ZERO_LOSS,
        /** As soon as the victim's label becomes the target class (cheaper; points stay nearer the boundary). */
        LABEL_FLIP
    }

    /**
     * IPGuard's parameters.
     *
     * <pre>{@code
     * BoundaryQueries.Config c = new BoundaryQueries.Config(20, 10, 0.01, 50, BoundaryQueries.Target.RANDOM,
     *         SampleSelection.RANDOM, BoundaryQueries.Stop.ZERO_LOSS);
     * Map<String, String> recorded = Parameters.toMap(c);   // queries=20, margin=10.0, ...
     * }</pre>
     *
     * @param count        number of queries (default 100, as in the references)
     * @param margin       {@code k}, how far past the boundary (default 10, as in QuRD)
     * @param learningRate Adam step size on pixels in [0, 1] (default 0.01, as in QuRD)
     * @param steps        most Adam steps (default 1000)
     * @param target       target-class rule (default RANDOM)
     * @param selection    which owner samples seed the search (default FIRST)
     * @param stop         when a seed stops (default ZERO_LOSS)
     */
    public record Config(
            @Param(name = "queries", description = "number of queries", min = 2, max = 1_000_000) int count,
            @Param(description = "how far past the decision boundary the target class must lead (k)", min = 0,
                    max = 1e6) double margin,
            @Param(description = "Adam step size on pixels in [0, 1]", min = 1e-9, max = 1e3) double learningRate,
            @Param(description = "most Adam steps", min = 1, max = 10_000_000) int steps,
            @Param(description = "how each seed's target class is chosen") Target target,
            @Param(description = "which owner samples seed the search: the first ones or a seeded random choice")
            SampleSelection selection,
            @Param(description = "when a seed stops moving") Stop stop) {

        /** Validates. */
        public Config {
            Parameters.check(Config.class, count, margin, learningRate, steps, target, selection, stop);
        }

        /** 100 queries, k = 10, learning rate 0.01, 1000 steps, random targets, first samples, stop at zero loss. */
        public static Config defaults() {
            return new Config(100, 10, 0.01, 1000, Target.RANDOM, SampleSelection.FIRST, Stop.ZERO_LOSS);
        }
    }

    private static final String TASK = "building IPGuard queries";

    /** A builder with {@code config}. */
    public BoundaryQueries(Config config) {
        super("boundary", config);
    }

    @Override
    public int size() {
        return config().count();
    }

    @Override
    public QuerySet build(Model victim, LabeledImages ownerData, long seed, ProgressListener progress) {
        WhiteBoxModel box = requireWhiteBox(victim);
        SameTask.requireOwnerShape(box, ownerData);
        int n = config().count();
        if (ownerData.size() < n) {
            throw new IllegalArgumentException("IPGuard asked for " + n + " seed images but the owner data holds only "
                    + ownerData.size() + ": give more data or ask for fewer queries");
        }
        SplittableRandom rng = new SplittableRandom(seed);
        int[] chosen = config().selection().choose(ownerData.size(), n, rng);
        Search search = new Search(box, ownerData.images().select(chosen), rng);
        search.run(progress);
        return QuerySet.of(search.points(), name(), parameters(),
                Map.of("stepsRun", Integer.toString(search.adam.steps()),
                        "converged", Integer.toString(n - search.active)), seed);
    }

    /**
     * The optimisation of one batch of seeds: their source and target classes, the points as they
     * move, which have stopped, and Adam's state.
     */
    private final class Search {
        private final WhiteBoxModel box;
        private final ImageShape shape;
        private final float[] x;
        private final int[] source;
        private final int[] target;
        private final boolean[] done;
        private final Adam adam;
        private int active;

        Search(WhiteBoxModel box, ImageBatch seeds, SplittableRandom rng) {
            this.box = box;
            this.shape = seeds.shape();
            this.x = seeds.pixels().clone();
            int n = seeds.count();
            this.source = new int[n];
            this.target = new int[n];
            Matrix z0 = box.logits(seeds);
            for (int s = 0; s < n; s++) {
                source[s] = argmax(z0, s, -1);
                target[s] = config().target() == Target.LEAST_LIKELY ? argmin(z0, s)
                        : otherClass(source[s], box.numClasses(), rng);
            }
            this.done = new boolean[n];
            this.active = n;
            this.adam = new Adam(x.length, config().learningRate());
        }

        /** Adam steps until every seed has stopped or the step budget is spent. */
        void run(ProgressListener progress) {
            progress.onProgress(TASK, 0, config().steps());
            while (adam.steps() < config().steps() && active > 0) {
                step();
                if (adam.steps() % 10 == 0 || active == 0) {
                    progress.onProgress(TASK, adam.steps(), config().steps());
                }
            }
            progress.onProgress(TASK, config().steps(), config().steps());
        }

        /** One forward and one backward pass over the seeds still moving, then one Adam step for each. */
        private void step() {
            int per = shape.size();
            int classes = box.numClasses();
            int[] idx = activeIndices();
            boolean[] stopNow = new boolean[idx.length];
            // the loss gradient is computed from this very batch's logits
            float[] dx = box.inputGradient(ImageBatch.of(shape, gather(idx)), z -> {
                float[] dz = new float[idx.length * classes];
                for (int a = 0; a < idx.length; a++) {
                    int s = idx[a];
                    double loss = lossGradient(z, a, source[s], target[s], config().margin(), dz, classes);
                    stopNow[a] = loss == 0 || (config().stop() == Stop.LABEL_FLIP && argmax(z, a) == target[s]);
                }
                return Matrix.of(idx.length, classes, dz);
            });
            for (int a = 0; a < idx.length; a++) {
                if (stopNow[a]) {
                    done[idx[a]] = true;
                    active--;
                }
            }
            adam.nextStep();
            for (int a = 0; a < idx.length; a++) {
                if (!done[idx[a]]) {
                    adam.update(x, idx[a] * per, dx, a * per, per);
                }
            }
        }

        ImageBatch points() {
            return ImageBatch.of(shape, x);
        }

        private int[] activeIndices() {
            int[] idx = new int[active];
            int a = 0;
            for (int s = 0; s < done.length; s++) {
                if (!done[s]) {
                    idx[a++] = s;
                }
            }
            return idx;
        }

        private float[] gather(int[] idx) {
            int per = shape.size();
            float[] out = new float[idx.length * per];
            for (int a = 0; a < idx.length; a++) {
                System.arraycopy(x, idx[a] * per, out, a * per, per);
            }
            return out;
        }
    }

    /** The victim as a white box, or a clear error saying why IPGuard needs one. */
    static WhiteBoxModel requireWhiteBox(Model victim) {
        if (victim == null) {
            throw new IllegalArgumentException("IPGuard needs the victim model");
        }
        if (!(victim instanceof WhiteBoxModel box)) {
            String kind = victim.outputKind() == OutputKind.LABELS ? "a label-only black box" : "a black box";
            throw new IllegalArgumentException("IPGuard needs the victim's logits and input gradients, but victim "
                    + victim.name() + " is " + kind + " (" + victim.getClass().getSimpleName()
                    + "): pass the owner's own model as a WhiteBoxModel (Dl4jModel is one), or use SAC-m");
        }
        return box;
    }

    /**
     * Writes {@code dL/dz} of sample {@code row} into {@code dz} and returns the loss.
     */
    static double lossGradient(Matrix z, int row, int i, int j, double k, float[] dz, int classes) {
        double zi = z.get(row, i);
        double zj = z.get(row, j);
        int t = argmax(z, row, i, j);
        double loss = 0;
        if (zi - zj + k > 0) {
            loss += zi - zj + k;
            dz[row * classes + i] += 1;
            dz[row * classes + j] -= 1;
        }
        if (t >= 0 && z.get(row, t) - zi > 0) {
            loss += z.get(row, t) - zi;
            dz[row * classes + t] += 1;
            dz[row * classes + i] -= 1;
        }
        return loss;
    }

    private static int argmax(Matrix z, int row, int... excluded) {
        int best = -1;
        float bv = Float.NEGATIVE_INFINITY;
        outer:
        for (int c = 0; c < z.cols(); c++) {
            for (int e : excluded) {
                if (c == e) {
                    continue outer;
                }
            }
            if (best < 0 || z.get(row, c) > bv) {
                bv = z.get(row, c);
                best = c;
            }
        }
        return best;
    }

    private static int argmin(Matrix z, int row) {
        int best = 0;
        for (int c = 1; c < z.cols(); c++) {
            if (z.get(row, c) < z.get(row, best)) {
                best = c;
            }
        }
        return best;
    }

    private static int otherClass(int label, int classes, SplittableRandom rng) {
        int j = rng.nextInt(classes - 1);
        return j >= label ? j + 1 : j;
    }
}
