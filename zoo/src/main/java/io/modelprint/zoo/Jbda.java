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
package io.modelprint.zoo;

import io.modelprint.ImageBatch;
import io.modelprint.Model;
import io.modelprint.OutputKind;
import io.modelprint.Predictions;
import io.modelprint.ProgressListener;
import io.modelprint.dl4j.Architecture;
import io.modelprint.dl4j.Dl4jModel;
import io.modelprint.dl4j.Trainer;
import io.modelprint.dl4j.TrainingData;
import io.modelprint.kernel.Matrix;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Attack: Jacobian-based dataset augmentation (JBDA, Papernot et al., "Practical Black-Box Attacks
 * against Machine Learning", 2017). The attacker starts from a small seed set of its own images,
 * labelled by the victim, and repeats: train a substitute from scratch on the set, then grow the
 * set by {@code x + lambda * sign(d p_y(x) / d x)} for every image {@code x}, where {@code p_y} is
 * the substitute's probability of the victim's label {@code y} for {@code x}, clipped to [0, 1].
 * Only the new points are sent to the victim, so after {@code rounds} augmentations the attack has
 * spent {@code seeds * 2^rounds} queries (150 seeds and 6 rounds: 9,600). The last substitute,
 * trained on the final set, is the stolen model. Only the victim's answers are used.
 *
 * <pre>{@code
 * StolenModel s = Jbda.of(Architecture.mlp(256), new Trainer.Config(10, 64, 1e-3, 7))
 *         .apply(Models.labelsOnly(victim), attackerImages, listener);   // 9,600 queries
 * }</pre>
 *
 * @param substitute the substitute's architecture
 * @param training   training settings of each round; the seed initialises the substitute and picks the seed images
 * @param seeds      size of the seed set, at least 1
 * @param rounds     augmentation rounds, 0 to 12 (the set doubles each round)
 * @param lambda     the augmentation step in pixel units, in (0, 1) (Papernot et al.: 0.1)
 * @param answers    what the victim gives: {@code LABELS} (Papernot et al.) or {@code PROBABILITIES} (soft targets)
 */
public record Jbda(Architecture substitute, Trainer.Config training, int seeds, int rounds, double lambda,
                   OutputKind answers) {

    /** Seed images of the paper's setting and of the InI reference code. */
    public static final int DEFAULT_SEEDS = 150;
    /** Augmentation rounds of the paper's setting. */
    public static final int DEFAULT_ROUNDS = 6;
    /** Augmentation step of the paper's setting. */
    public static final double DEFAULT_LAMBDA = 0.1;

    /** Validates. */
    public Jbda {
        if (substitute == null || training == null || answers == null) {
            throw new IllegalArgumentException("substitute architecture, training settings and answer kind must be given");
        }
        if (seeds < 1) {
            throw new IllegalArgumentException("JBDA needs at least one seed image, got " + seeds);
        }
        if (rounds < 0 || rounds > 12) {
            throw new IllegalArgumentException("JBDA rounds must be in [0, 12] (the set doubles each round), got " + rounds);
        }
        if (!(lambda > 0 && lambda < 1)) {
            throw new IllegalArgumentException("the JBDA step lambda must be in (0, 1) pixel units, got " + lambda);
        }
        if (answers == OutputKind.LOGITS) {
            throw new IllegalArgumentException("JBDA uses what a prediction API gives: LABELS or PROBABILITIES, got LOGITS");
        }
    }

    /** The paper's setting from labels: 150 seeds, 6 rounds, lambda 0.1. */
    public static Jbda of(Architecture substitute, Trainer.Config training) {
        return new Jbda(substitute, training, DEFAULT_SEEDS, DEFAULT_ROUNDS, DEFAULT_LAMBDA, OutputKind.LABELS);
    }

    /** Queries the attack sends: {@code seeds * 2^rounds}. */
    public long queries() {
        return (long) seeds << rounds;
    }

    /**
     * The last substitute and the queries spent.
     *
     * @throws IllegalArgumentException if there are fewer attacker images than seeds, or probabilities
     *                                  are needed and the API answers labels
     */
    public StolenModel apply(Model victimApi, ImageBatch attackerImages, ProgressListener progress) {
        if (attackerImages == null || attackerImages.count() < seeds) {
            throw new IllegalArgumentException("JBDA needs " + seeds + " seed images, got "
                    + (attackerImages == null ? 0 : attackerImages.count()));
        }
        if (answers == OutputKind.PROBABILITIES && !victimApi.outputKind().hasScores()) {
            throw new IllegalArgumentException("JBDA with soft targets needs probabilities but " + victimApi.name()
                    + " answers labels only");
        }
        Model api = StolenModel.counting(victimApi);
        ImageBatch set = attackerImages.select(seedIndices(attackerImages.count()));
        Predictions answered = answer(api, set);
        MultiLayerNetwork net = null;
        for (int round = 0; round <= rounds; round++) {
            net = substitute.build(set.shape(), api.numClasses(), training.seed());
            Trainer.fit(net, TrainingData.ofAnswers(set, answered), training,
                    "JBDA round " + round + " of " + rounds + " (" + set.count() + " images)", progress);
            if (round == rounds) {
                break;
            }
            ImageBatch grown = augment(Dl4jModel.of("substitute", net, set.shape()), set, answered.labels());
            set = set.concat(grown);
            answered = answered.concat(answer(api, grown));
        }
        return new StolenModel(net, api.queryCount());
    }

    private Predictions answer(Model api, ImageBatch images) {
        Predictions p = api.predict(images);
        return answers == OutputKind.LABELS ? p.toLabels() : p.toProbabilities();
    }

    /** {@code clip(x + lambda * sign(d p_y / d x))} for every image, {@code y} its victim label. */
    ImageBatch augment(Dl4jModel sub, ImageBatch set, int[] victimLabels) {
        Matrix p = sub.predict(set).toProbabilities().scores();
        int k = p.cols();
        float[] upstream = new float[set.count() * k];
        for (int i = 0; i < set.count(); i++) {
            float py = p.get(i, victimLabels[i]);
            // d p_y / d z_j = p_y (1[j = y] - p_j)
            for (int j = 0; j < k; j++) {
                upstream[i * k + j] = py * ((j == victimLabels[i] ? 1f : 0f) - p.get(i, j));
            }
        }
        float[] grad = sub.inputGradient(set, Matrix.of(set.count(), k, upstream));
        float[] x = set.pixels();
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            float v = x[i] + (float) (lambda * Math.signum(grad[i]));
            out[i] = Math.max(0f, Math.min(1f, v));
        }
        return ImageBatch.of(set.shape(), out);
    }

    private int[] seedIndices(int available) {
        // a seeded draw without replacement: the first `seeds` of a shuffled order
        int[] order = Trainer.shuffled(available, new SplittableRandom(training.seed() ^ 0x9E3779B97F4A7C15L));
        return java.util.Arrays.copyOf(order, seeds);
    }
}
