package io.modelprint.sac;

import io.modelprint.ImageBatch;
import io.modelprint.ImageShape;
import io.modelprint.LabeledImages;
import io.modelprint.Model;
import io.modelprint.ProgressListener;
import io.modelprint.QuerySet;
import io.modelprint.QuerySetBuilder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * SAC-m's queries: owner samples with a CutMix patch from another sample, built without any
 * training.
 *
 * <p>The rule, as in SAC's reference code:
 * <ol>
 *   <li>take {@code count} owner samples (the first ones, or a seeded random choice);</li>
 *   <li>draw <em>one</em> box for the whole batch: side {@code floor(ratio * H)} by
 *       {@code floor(ratio * W)}; its centre is redrawn until both coordinates lie outside the
 *       middle band {@code (L/6, 5L/6)}, so the patch sits near a corner; the box spans
 *       {@code [c - side/2, c + side/2)} (integer halves) clipped at the border;</li>
 *   <li>pair sample {@code i} with sample {@code perm(i)} of a seeded random permutation and paste
 *       {@code perm(i)}'s pixels inside the box into sample {@code i} (all channels);</li>
 *   <li>optionally transpose every image (swap H and W), as the reference stores them.</li>
 * </ol>
 * On 28x28 Fashion-MNIST, ratio 0.2 gives side 5 and a 4x4 patch.
 *
 * <pre>{@code
 * CutMixQueries b = new CutMixQueries(new CutMixQueries.Config(100, 0.2, false, CutMixQueries.io.modelprint.SampleSelection.FIRST));
 * QuerySet q = b.build(victim, ownerData, 3);
 * }</pre>
 */
public final class CutMixQueries implements QuerySetBuilder {

    /**
     * SAC-m's query parameters.
     *
     * @param count     number of queries, at least 2 (default 100)
     * @param cutRatio  box side as a fraction of the image side, in (0, 1) (default 0.2)
     * @param transpose whether to swap H and W of every query (default false)
     * @param selection which owner samples are mixed (default FIRST)
     */
    public record Config(int count, double cutRatio, boolean transpose, io.modelprint.SampleSelection selection) {

        /** Validates. */
        public Config {
            if (count < 2) {
                throw new IllegalArgumentException("SAC-m needs at least 2 queries (correlations are pairwise), got " + count);
            }
            if (!(cutRatio > 0 && cutRatio < 1)) {
                throw new IllegalArgumentException("CutMix cut ratio must be in (0, 1), got " + cutRatio);
            }
            if (selection == null) {
                throw new IllegalArgumentException("sample selection is null");
            }
        }

        /** 100 queries, ratio 0.2, no transpose, the first samples: the reference's choices. */
        public static Config defaults() {
            return new Config(100, 0.2, false, io.modelprint.SampleSelection.FIRST);
        }
    }

    /**
     * A CutMix box: rows {@code [y1, y2)} and columns {@code [x1, x2)}; may be empty when clipped.
     *
     * @param y1 first row
     * @param y2 row after the last
     * @param x1 first column
     * @param x2 column after the last
     */
    public record Box(int y1, int y2, int x1, int x2) {

        /** Number of pixels inside, per channel. */
        public int area() {
            return Math.max(0, y2 - y1) * Math.max(0, x2 - x1);
        }
    }

    private final Config config;

    /** A builder with {@code config}. */
    public CutMixQueries(Config config) {
        if (config == null) {
            throw new IllegalArgumentException("config is null");
        }
        this.config = config;
    }

    /** This builder's parameters. */
    public Config config() {
        return config;
    }

    @Override
    public String name() {
        return "cutmix";
    }

    @Override
    public Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("queries", Integer.toString(config.count()));
        p.put("cutRatio", Double.toString(config.cutRatio()));
        p.put("transpose", Boolean.toString(config.transpose()));
        p.put("selection", config.selection().name().toLowerCase(java.util.Locale.ROOT));
        return p;
    }

    /**
     * Draws the box for an image of {@code height x width}, following the rule on this class.
     * Exposed so that the rule can be tested and audited.
     */
    public static Box drawBox(int height, int width, double cutRatio, SplittableRandom rng) {
        int cutH = (int) (height * cutRatio);
        int cutW = (int) (width * cutRatio);
        int cx;
        int cy;
        do {
            cx = rng.nextInt(width);
            cy = rng.nextInt(height);
        } while (inMiddleBand(cx, width) || inMiddleBand(cy, height));
        return new Box(clamp(cy - cutH / 2, height), clamp(cy + cutH / 2, height),
                clamp(cx - cutW / 2, width), clamp(cx + cutW / 2, width));
    }

    /** Whether coordinate {@code c} lies strictly inside {@code (length/6, 5*length/6)}. */
    static boolean inMiddleBand(int c, int length) {
        return c > length / 6.0 && c < 5.0 * length / 6.0;
    }

    private static int clamp(int v, int max) {
        return Math.max(0, Math.min(max, v));
    }

    @Override
    public QuerySet build(Model victim, LabeledImages ownerData, long seed, ProgressListener progress) {
        ImageBatch images = ownerData.images();
        ImageShape shape = images.shape();
        QuerySetBuilder.requireSameShape(victim, ownerData);
        int n = config.count();
        if (images.count() < n) {
            throw new IllegalArgumentException("SAC-m asked for " + n + " queries but the owner data holds only "
                    + images.count() + " images: give more data or ask for fewer queries");
        }
        if (config.transpose() && shape.height() != shape.width()) {
            throw new IllegalArgumentException("transposed queries need square images to fit the model, got "
                    + shape.height() + "x" + shape.width());
        }
        SplittableRandom rng = new SplittableRandom(seed);
        int[] chosen = config.selection().choose(images.count(), n, rng);
        if ((int) (shape.height() * config.cutRatio()) / 2 == 0 || (int) (shape.width() * config.cutRatio()) / 2 == 0) {
            throw new IllegalArgumentException("cut ratio " + config.cutRatio() + " gives an empty CutMix box on "
                    + shape.height() + "x" + shape.width() + " images, so the queries would be plain samples: use at least "
                    + (2.0 / Math.min(shape.height(), shape.width())));
        }
        Box box = drawBox(shape.height(), shape.width(), config.cutRatio(), rng);
        int[] perm = io.modelprint.SampleSelection.permutation(n, rng);

        ImageBatch base = images.select(chosen);
        float[] src = base.pixels();
        float[] out = src.clone();
        int per = shape.size();
        int plane = shape.height() * shape.width();
        for (int i = 0; i < n; i++) {
            int from = perm[i] * per;
            int to = i * per;
            for (int ch = 0; ch < shape.channels(); ch++) {
                for (int y = box.y1(); y < box.y2(); y++) {
                    int off = ch * plane + y * shape.width();
                    System.arraycopy(src, from + off + box.x1(), out, to + off + box.x1(), box.x2() - box.x1());
                }
            }
        }
        ImageBatch queries = ImageBatch.of(shape, out);
        if (config.transpose()) {
            queries = queries.transposed();
        }
        Map<String, String> params = parameters();
        params.put("box", box.y1() + ":" + box.y2() + "," + box.x1() + ":" + box.x2());
        progress.onProgress("building SAC-m queries", 1, 1);
        return QuerySet.of(queries, name(), params, seed);
    }
}
