package io.modelprint.ipguard;

import io.modelprint.ImageBatch;
import io.modelprint.ImageShape;
import io.modelprint.LabeledImages;
import io.modelprint.Model;
import io.modelprint.OutputKind;
import io.modelprint.ProgressListener;
import io.modelprint.QuerySet;
import io.modelprint.QuerySetBuilder;
import io.modelprint.WhiteBoxModel;
import io.modelprint.kernel.Matrix;
import io.modelprint.sac.CutMixQueries;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
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
public final class BoundaryQueries implements QuerySetBuilder {

    /** How the target class {@code j} is chosen for each seed. */
    public enum Target {
        /** A uniformly random class other than the victim's label (IPGuard, QuRD). */
        RANDOM,
        /** The class with the smallest logit (DeepJudge). */
        LEAST_LIKELY
    }

    /** When a seed stops moving. */
    public enum Stop {
        /** When its loss reaches 0: the target class leads by the margin (the references' rule). */
        ZERO_LOSS,
        /** As soon as the victim's label becomes the target class (cheaper; points stay nearer the boundary). */
        LABEL_FLIP
    }

    /**
     * IPGuard's parameters.
     *
     * @param count        number of queries, at least 2 (default 100, as in the references)
     * @param margin       {@code k}, how far past the boundary (default 10, as in QuRD)
     * @param learningRate Adam step size on pixels in [0, 1] (default 0.01, as in QuRD)
     * @param steps        most Adam steps (default 1000)
     * @param target       target-class rule (default RANDOM)
     * @param selection    which owner samples seed the search (default FIRST)
     * @param stop         when a seed stops (default ZERO_LOSS)
     */
    public record Config(int count, double margin, double learningRate, int steps, Target target,
                         io.modelprint.SampleSelection selection, Stop stop) {

        /** Validates. */
        public Config {
            if (count < 2) {
                throw new IllegalArgumentException("IPGuard needs at least 2 queries, got " + count);
            }
            if (!(margin >= 0) || !Double.isFinite(margin)) {
                throw new IllegalArgumentException("IPGuard margin k must be finite and >= 0, got " + margin);
            }
            if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
                throw new IllegalArgumentException("IPGuard learning rate must be finite and > 0, got " + learningRate);
            }
            if (steps < 1) {
                throw new IllegalArgumentException("IPGuard needs at least 1 step, got " + steps);
            }
            if (target == null || selection == null || stop == null) {
                throw new IllegalArgumentException("target rule, selection and stop rule must be given");
            }
        }

        /** 100 queries, k = 10, learning rate 0.01, 1000 steps, random targets, first samples, stop at zero loss. */
        public static Config defaults() {
            return new Config(100, 10, 0.01, 1000, Target.RANDOM, io.modelprint.SampleSelection.FIRST, Stop.ZERO_LOSS);
        }
    }

    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double ADAM_EPS = 1e-8;

    private final Config config;

    /** A builder with {@code config}. */
    public BoundaryQueries(Config config) {
        if (config == null) {
            throw new IllegalArgumentException("config is null");
        }
        this.config = config;
    }

    @Override
    public String name() {
        return "boundary";
    }

    @Override
    public Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("queries", Integer.toString(config.count()));
        p.put("margin", Double.toString(config.margin()));
        p.put("learningRate", Double.toString(config.learningRate()));
        p.put("steps", Integer.toString(config.steps()));
        p.put("target", config.target().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        p.put("selection", config.selection().name().toLowerCase(Locale.ROOT));
        p.put("stop", config.stop().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        return p;
    }

    @Override
    public QuerySet build(Model victim, LabeledImages ownerData, long seed, ProgressListener progress) {
        WhiteBoxModel box = requireWhiteBox(victim);
        ImageShape shape = ownerData.images().shape();
        QuerySetBuilder.requireSameShape(box, ownerData);
        int n = config.count();
        if (ownerData.size() < n) {
            throw new IllegalArgumentException("IPGuard asked for " + n + " seed images but the owner data holds only "
                    + ownerData.size() + ": give more data or ask for fewer queries");
        }
        SplittableRandom rng = new SplittableRandom(seed);
        int[] chosen = config.selection().choose(ownerData.size(), n, rng);
        float[] x = ownerData.images().select(chosen).pixels().clone();
        int per = shape.size();
        int classes = box.numClasses();

        Matrix z0 = box.logits(ImageBatch.of(shape, x));
        int[] source = new int[n];
        int[] target = new int[n];
        for (int s = 0; s < n; s++) {
            source[s] = argmax(z0, s, -1);
            target[s] = config.target() == Target.LEAST_LIKELY ? argmin(z0, s)
                    : otherClass(source[s], classes, rng);
        }

        double[] m = new double[x.length];
        double[] v = new double[x.length];
        boolean[] done = new boolean[n];
        int active = n;
        int step = 0;
        progress.onProgress("building IPGuard queries", 0, config.steps());
        while (step < config.steps() && active > 0) {
            int[] idx = activeIndices(done, active);
            float[] xa = gather(x, idx, per);
            ImageBatch batch = ImageBatch.of(shape, xa);
            boolean[] stopNow = new boolean[idx.length];
            // one forward and one backward pass: the loss gradient is computed from this batch's logits
            float[] dx = box.inputGradient(batch, z -> {
                float[] dz = new float[idx.length * classes];
                for (int a = 0; a < idx.length; a++) {
                    int s = idx[a];
                    double loss = lossGradient(z, a, source[s], target[s], config.margin(), dz, classes);
                    stopNow[a] = loss == 0 || config.stop() == Stop.LABEL_FLIP && argmax(z, a) == target[s];
                }
                return Matrix.of(idx.length, classes, dz);
            });
            for (int a = 0; a < idx.length; a++) {
                if (stopNow[a]) {
                    done[idx[a]] = true;
                    active--;
                }
            }
            step++;
            double c1 = 1 - Math.pow(BETA1, step);
            double c2 = 1 - Math.pow(BETA2, step);
            for (int a = 0; a < idx.length; a++) {
                int s = idx[a];
                if (done[s]) {
                    continue;
                }
                for (int p = 0; p < per; p++) {
                    int gi = s * per + p;
                    double g = dx[a * per + p];
                    m[gi] = BETA1 * m[gi] + (1 - BETA1) * g;
                    v[gi] = BETA2 * v[gi] + (1 - BETA2) * g * g;
                    double upd = config.learningRate() * (m[gi] / c1) / (Math.sqrt(v[gi] / c2) + ADAM_EPS);
                    x[gi] = (float) Math.min(1.0, Math.max(0.0, x[gi] - upd));
                }
            }
            if (step % 10 == 0 || active == 0) {
                progress.onProgress("building IPGuard queries", step, config.steps());
            }
        }
        progress.onProgress("building IPGuard queries", config.steps(), config.steps());
        Map<String, String> params = parameters();
        params.put("stepsRun", Integer.toString(step));
        params.put("converged", Integer.toString(n - active));
        return QuerySet.of(ImageBatch.of(shape, x), name(), params, seed);
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

    private static int[] activeIndices(boolean[] done, int active) {
        int[] idx = new int[active];
        int a = 0;
        for (int s = 0; s < done.length; s++) {
            if (!done[s]) {
                idx[a++] = s;
            }
        }
        return idx;
    }

    private static float[] gather(float[] x, int[] idx, int per) {
        float[] out = new float[idx.length * per];
        for (int a = 0; a < idx.length; a++) {
            System.arraycopy(x, idx[a] * per, out, a * per, per);
        }
        return out;
    }
}
