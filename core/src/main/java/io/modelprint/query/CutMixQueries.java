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
import io.modelprint.ProgressListener;
import io.modelprint.QuerySet;
import io.modelprint.SameTask;
import io.modelprint.config.Param;
import io.modelprint.config.Parameters;
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
 * CutMixQueries b = new CutMixQueries(new CutMixQueries.Config(100, 0.2, false, SampleSelection.FIRST));
 * QuerySet q = b.build(victim, ownerData, 3);
 * }</pre>
 */
public final class CutMixQueries extends AbstractQuerySetBuilder<CutMixQueries.Config> {

    /**
     * SAC-m's query parameters.
     *
     * <pre>{@code
     * CutMixQueries.Config c = new CutMixQueries.Config(300, 0.2, true, SampleSelection.FIRST);
     * }</pre>
     *
     * @param count     number of queries (default 100)
     * @param cutRatio  box side as a fraction of the image side (default 0.2)
     * @param transpose whether to swap H and W of every query (default false)
     * @param selection which owner samples are mixed (default FIRST)
     */
    public record Config(
            @Param(name = "queries", description = "number of queries", min = 2, max = 1_000_000) int count,
            @Param(description = "CutMix box side as a fraction of the image side", min = 1e-9, max = 1 - 1e-9)
            double cutRatio,
            @Param(description = "whether to swap the height and width of every query, as SAC's reference stores them")
            boolean transpose,
            @Param(description = "which owner samples are mixed: the first ones or a seeded random choice")
            SampleSelection selection) {

        /** Validates. */
        public Config {
            Parameters.check(Config.class, count, cutRatio, transpose, selection);
        }

        /** 100 queries, ratio 0.2, no transpose, the first samples: the reference's choices. */
        public static Config defaults() {
            return new Config(100, 0.2, false, SampleSelection.FIRST);
        }
    }

    /** A builder with {@code config}. */
    public CutMixQueries(Config config) {
        super("cutmix", config);
    }

    @Override
    public int size() {
        return config().count();
    }

    /**
     * Draws the box for an image of {@code height x width}, following the rule on this class.
     * Exposed so that the rule can be tested and audited.
     */
    public static CutMixBox drawBox(int height, int width, double cutRatio, SplittableRandom rng) {
        int cutH = (int) (height * cutRatio);
        int cutW = (int) (width * cutRatio);
        int cx;
        int cy;
        do {
            cx = rng.nextInt(width);
            cy = rng.nextInt(height);
        } while (inMiddleBand(cx, width) || inMiddleBand(cy, height));
        return new CutMixBox(clamp(cy - cutH / 2, height), clamp(cy + cutH / 2, height),
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
        ImageShape shape = ownerData.images().shape();
        checkData(victim, ownerData);
        SplittableRandom rng = new SplittableRandom(seed);
        int n = config().count();
        int[] chosen = config().selection().choose(ownerData.size(), n, rng);
        CutMixBox box = drawBox(shape.height(), shape.width(), config().cutRatio(), rng);
        int[] perm = SampleSelection.permutation(n, rng);

        float[] src = ownerData.images().select(chosen).pixels();
        float[] out = src.clone();
        for (int i = 0; i < n; i++) {
            box.paste(src, perm[i], out, i, shape);
        }
        ImageBatch queries = ImageBatch.of(shape, out);
        if (config().transpose()) {
            queries = queries.transposed();
        }
        progress.onProgress("building SAC-m queries", 1, 1);
        return QuerySet.of(queries, name(), parameters(), Map.of("box", box.toString()), seed);
    }

    private void checkData(Model victim, LabeledImages ownerData) {
        ImageShape shape = ownerData.images().shape();
        SameTask.requireOwnerShape(victim, ownerData);
        if (ownerData.size() < config().count()) {
            throw new IllegalArgumentException("SAC-m asked for " + config().count() + " queries but the owner data holds only "
                    + ownerData.size() + " images: give more data or ask for fewer queries");
        }
        if (config().transpose() && shape.height() != shape.width()) {
            throw new IllegalArgumentException("transposed queries need square images to fit the model, got "
                    + shape.height() + "x" + shape.width());
        }
        if ((int) (shape.height() * config().cutRatio()) / 2 == 0 || (int) (shape.width() * config().cutRatio()) / 2 == 0) {
            throw new IllegalArgumentException("cut ratio " + config().cutRatio() + " gives an empty CutMix box on "
                    + shape.height() + "x" + shape.width() + " images, so the queries would be plain samples: use at least "
                    + (2.0 / Math.min(shape.height(), shape.width())));
        }
    }
}
