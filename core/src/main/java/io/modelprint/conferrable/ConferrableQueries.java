package io.modelprint.conferrable;

import io.modelprint.ImageBatch;
import io.modelprint.ImageShape;
import io.modelprint.LabeledImages;
import io.modelprint.Model;
import io.modelprint.Predictions;
import io.modelprint.ProgressListener;
import io.modelprint.QuerySet;
import io.modelprint.QuerySetBuilder;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Queries on which models derived from the victim follow it and independent models do not: the
 * owner's advantage made into a query set (the "conferrable" idea of CAE, on natural and mixed
 * images instead of adversarial ones).
 *
 * <p>The owner trains two sets of models beforehand: <em>surrogates</em>, its own stolen copies
 * of the victim (fine-tuned, distilled, extracted from labels...), and <em>references</em>,
 * independent models trained without the victim (other architectures, and twins: the victim's
 * architecture on its own data with other seeds). From a pool of candidates (owner images, and
 * images mixed from two owner images with a large box pasted anywhere), each candidate {@code x}
 * with victim label {@code v} gets the score
 * {@code agg_s P_s(v | x) - mean_r P_r(v | x)} (probabilities when a model gives them, 0 or 1 for
 * labels), where {@code agg} is the mean or the minimum over surrogates; the {@code count}
 * best-scoring candidates are the queries.
 *
 * <p>References used here must not also calibrate the threshold: by construction they disagree
 * with the victim on these queries, so their distances overstate those of a new independent model.
 *
 * <pre>{@code
 * var b = new ConferrableQueries(ConferrableQueries.Config.defaults(), surrogates, references);
 * QuerySet q = b.build(victim, ownerData, 3);
 * }</pre>
 */
public final class ConferrableQueries implements QuerySetBuilder {

    /** How surrogate agreement is pooled. */
    public enum Aggregate {
        /** Mean over surrogates: favours queries most copies follow. */
        MEAN,
        /** Minimum over surrogates: only queries every copy follows. */
        MIN
    }

    /**
     * Parameters.
     *
     * @param count    queries kept, at least 2 (default 300)
     * @param natural  owner images in the candidate pool (default 2000)
     * @param mixed    mixed images in the candidate pool (default 2000)
     * @param minBox   smallest side of a mixing box, as a fraction of the image side (default 0.3)
     * @param maxBox   largest side (default 0.6)
     * @param aggregate how surrogate agreement is pooled (default MIN: on the development zoo it
     *                  raised the mean AUC of the label fingerprint from 0.83 to 0.86)
     */
    public record Config(int count, int natural, int mixed, double minBox, double maxBox, Aggregate aggregate) {

        /** Validates. */
        public Config {
            if (count < 2) {
                throw new IllegalArgumentException("conferrable queries need at least 2 queries, got " + count);
            }
            if (natural < 0 || mixed < 0 || natural + mixed < count) {
                throw new IllegalArgumentException("the candidate pool (" + natural + " natural + " + mixed
                        + " mixed) must hold at least the " + count + " queries kept");
            }
            if (!(minBox > 0 && minBox <= maxBox && maxBox < 1)) {
                throw new IllegalArgumentException("box sides must satisfy 0 < minBox <= maxBox < 1, got " + minBox
                        + " and " + maxBox);
            }
            if (aggregate == null) {
                throw new IllegalArgumentException("aggregate must be given");
            }
        }

        /** 300 queries from 2,000 natural and 2,000 mixed candidates, boxes 0.3 to 0.6, mean over surrogates. */
        public static Config defaults() {
            return new Config(300, 2000, 2000, 0.3, 0.6, Aggregate.MIN);
        }
    }

    private final Config config;
    private final List<Model> surrogates;
    private final List<Model> references;

    /**
     * @param config     parameters
     * @param surrogates the owner's own copies of the victim; at least one to build queries
     * @param references independent models, not used again for calibration; at least one to build queries
     */
    public ConferrableQueries(Config config, List<? extends Model> surrogates, List<? extends Model> references) {
        if (config == null) {
            throw new IllegalArgumentException("config is null");
        }
        this.config = config;
        this.surrogates = List.copyOf(surrogates == null ? List.of() : surrogates);
        this.references = List.copyOf(references == null ? List.of() : references);
    }

    @Override
    public String name() {
        return "conferrable";
    }

    @Override
    public Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("queries", Integer.toString(config.count()));
        p.put("natural", Integer.toString(config.natural()));
        p.put("mixed", Integer.toString(config.mixed()));
        p.put("minBox", Double.toString(config.minBox()));
        p.put("maxBox", Double.toString(config.maxBox()));
        p.put("aggregate", config.aggregate().name().toLowerCase(Locale.ROOT));
        return p;
    }

    /** The candidate pool: natural owner images, then mixed ones, drawn from {@code seed}. */
    ImageBatch candidates(LabeledImages ownerData, SplittableRandom rng) {
        ImageBatch images = ownerData.images();
        if (images.count() < 2) {
            throw new IllegalArgumentException("conferrable queries need at least 2 owner images, got " + images.count());
        }
        int natural = Math.min(config.natural(), images.count());
        ImageBatch pool = images.select(io.modelprint.SampleSelection.RANDOM.choose(images.count(), natural, rng));
        if (config.mixed() == 0) {
            return pool;
        }
        ImageShape shape = images.shape();
        int per = shape.size();
        int h = shape.height();
        int w = shape.width();
        int[] labels = ownerData.labels();
        float[] src = images.pixels();
        float[] out = new float[config.mixed() * per];
        for (int k = 0; k < config.mixed(); k++) {
            int a = rng.nextInt(images.count());
            int b = rng.nextInt(images.count());
            // mix across classes where possible: the boundary between two classes is what models disagree on
            for (int tries = 0; tries < 10 && labels[b] == labels[a]; tries++) {
                b = rng.nextInt(images.count());
            }
            System.arraycopy(src, a * per, out, k * per, per);
            double side = config.minBox() + rng.nextDouble() * (config.maxBox() - config.minBox());
            int bh = Math.max(1, (int) Math.round(side * h));
            int bw = Math.max(1, (int) Math.round(side * w));
            int y0 = rng.nextInt(h - bh + 1);
            int x0 = rng.nextInt(w - bw + 1);
            for (int c = 0; c < shape.channels(); c++) {
                for (int y = y0; y < y0 + bh; y++) {
                    int off = c * h * w + y * w + x0;
                    System.arraycopy(src, b * per + off, out, k * per + off, bw);
                }
            }
        }
        return pool.concat(ImageBatch.of(shape, out));
    }

    @Override
    public QuerySet build(Model victim, LabeledImages ownerData, long seed, ProgressListener progress) {
        if (surrogates.isEmpty() || references.isEmpty()) {
            throw new IllegalArgumentException("conferrable queries need the owner's surrogate copies of the victim ("
                    + surrogates.size() + " given) and independent reference models (" + references.size()
                    + " given): build the scheme with ConferrableProvider.create(parameters, surrogates, references)");
        }
        for (Model m : surrogates) {
            sameTask(victim, m, "surrogate");
        }
        for (Model m : references) {
            sameTask(victim, m, "reference");
        }
        QuerySetBuilder.requireSameShape(victim, ownerData);
        SplittableRandom rng = new SplittableRandom(seed);
        ImageBatch pool = candidates(ownerData, rng);
        if (pool.count() < config.count()) {
            throw new IllegalArgumentException("the candidate pool holds " + pool.count() + " images, fewer than the "
                    + config.count() + " queries asked for: give more owner data");
        }
        int total = 1 + surrogates.size() + references.size();
        progress.onProgress("scoring conferrable candidates", 0, total);
        int[] v = victim.predict(pool).labels();
        double[][] follow = new double[surrogates.size()][];
        for (int s = 0; s < surrogates.size(); s++) {
            follow[s] = agreement(surrogates.get(s), pool, v);
            progress.onProgress("scoring conferrable candidates", 1 + s, total);
        }
        double[] independent = new double[pool.count()];
        for (int r = 0; r < references.size(); r++) {
            double[] a = agreement(references.get(r), pool, v);
            for (int i = 0; i < a.length; i++) {
                independent[i] += a[i] / references.size();
            }
            progress.onProgress("scoring conferrable candidates", 1 + surrogates.size() + r, total);
        }
        double[] score = new double[pool.count()];
        for (int i = 0; i < score.length; i++) {
            double agg = config.aggregate() == Aggregate.MIN ? Double.POSITIVE_INFINITY : 0;
            for (double[] f : follow) {
                agg = config.aggregate() == Aggregate.MIN ? Math.min(agg, f[i]) : agg + f[i] / follow.length;
            }
            score[i] = agg - independent[i];
        }
        Integer[] order = IntStream.range(0, score.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -score[i]).thenComparingInt(i -> i));
        int[] chosen = new int[config.count()];
        double kept = 0;
        for (int i = 0; i < chosen.length; i++) {
            chosen[i] = order[i];
            kept += score[order[i]];
        }
        progress.onProgress("scoring conferrable candidates", total, total);
        Map<String, String> params = parameters();
        params.put("surrogates", Integer.toString(surrogates.size()));
        params.put("references", Integer.toString(references.size()));
        params.put("meanScore", String.format(Locale.ROOT, "%.4f", kept / chosen.length));
        return QuerySet.of(pool.select(chosen), name(), params, seed);
    }

    private static void sameTask(Model victim, Model other, String role) {
        if (other.numClasses() != victim.numClasses() || !other.inputShape().equals(victim.inputShape())) {
            throw new IllegalArgumentException(role + " " + other.name() + " takes " + other.inputShape() + " and answers "
                    + other.numClasses() + " classes, the victim " + victim.inputShape() + " and " + victim.numClasses()
                    + ": the owner's models must solve the victim's task");
        }
    }

    /** Per candidate, the model's probability of the victim's label (0 or 1 for label-only models). */
    static double[] agreement(Model m, ImageBatch pool, int[] victimLabels) {
        Predictions p = m.predict(pool);
        double[] out = new double[victimLabels.length];
        if (p.kind().hasScores()) {
            var probs = p.toProbabilities().scores();
            for (int i = 0; i < out.length; i++) {
                out[i] = probs.get(i, victimLabels[i]);
            }
        } else {
            for (int i = 0; i < out.length; i++) {
                out[i] = p.label(i) == victimLabels[i] ? 1 : 0;
            }
        }
        return out;
    }
}
