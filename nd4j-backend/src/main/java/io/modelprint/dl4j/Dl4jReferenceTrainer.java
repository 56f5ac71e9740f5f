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
package io.modelprint.dl4j;

import io.modelprint.ImageShape;
import io.modelprint.LabeledImages;
import io.modelprint.Model;
import io.modelprint.ProgressListener;
import io.modelprint.calibration.ReferenceTrainer;
import io.modelprint.query.SampleSelection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * The {@link ReferenceTrainer} of modelprint-nd4j: DL4J networks trained on the owner's labels, as
 * different from each other as independent models are. Reference {@code k} takes the {@code k}-th
 * recipe of {@link #RECIPES} (cycling): an architecture (MLPs of one and two layers of several
 * widths, and small CNNs), a share of the data (a seeded random subset of 50% to 100%) and a
 * number of epochs, so that their accuracies spread and the verifier can compare a suspect with
 * references of its own strength. Each network is seeded from the seed and its index. Found by
 * {@code ServiceLoader}, so a verifier with modelprint-nd4j on the class path calibrates itself.
 *
 * <pre>{@code
 * List<Model> refs = new Dl4jReferenceTrainer().train(ownerHalf, 8, 3, ProgressListener.NONE);
 * }</pre>
 */
public final class Dl4jReferenceTrainer implements ReferenceTrainer {

    /**
     * One reference's recipe.
     *
     * <pre>{@code
     * Dl4jReferenceTrainer.Recipe r = Dl4jReferenceTrainer.RECIPES.get(0);
     * }</pre>
     *
     * @param architecture its architecture
     * @param share        the share of the training data it sees
     * @param epochs       its epochs
     */
    public record Recipe(Architecture architecture, double share, int epochs) {
    }

    /** The recipes, in the order references take them. */
    public static final List<Recipe> RECIPES = List.of(
            new Recipe(Architecture.mlp(256), 1.0, 10),
            new Recipe(Architecture.cnn(8, 16, 64), 1.0, 6),
            new Recipe(Architecture.mlp(512, 128), 0.8, 8),
            new Recipe(Architecture.mlp(128), 0.6, 12),
            new Recipe(Architecture.cnn(6, 12, 48), 0.7, 5),
            new Recipe(Architecture.mlp(1024), 0.8, 6),
            new Recipe(Architecture.mlp(256, 128), 1.0, 15),
            new Recipe(Architecture.mlp(384), 0.5, 4));

    /** The training set's least size: below it references are too weak to stand for independent models. */
    public static final int MIN_IMAGES = 500;

    @Override
    public String description() {
        return "DL4J references: " + RECIPES.stream().map(r -> r.architecture().name() + " x" + r.epochs()
                + (r.share() < 1 ? " on " + Math.round(100 * r.share()) + "%" : "")).toList();
    }

    /**
     * @throws IllegalArgumentException with fewer than {@value #MIN_IMAGES} images, or images too
     *                                  small for the convolutional recipes
     */
    @Override
    public List<Model> train(LabeledImages data, int count, long seed, ProgressListener progress) {
        if (data.size() < MIN_IMAGES) {
            throw new IllegalArgumentException("training references needs at least " + MIN_IMAGES
                    + " labelled images, got " + data.size() + ": give more owner data, or reference models");
        }
        if (count < 1) {
            throw new IllegalArgumentException("asked for " + count + " references: ask for at least 1");
        }
        ImageShape shape = data.images().shape();
        List<Model> out = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            Recipe r = RECIPES.get(k % RECIPES.size());
            Architecture a = r.architecture();
            if (a.kind() == Architecture.Kind.CNN && (shape.height() < 12 || shape.width() < 12)) {
                a = Architecture.mlp(256 + 64 * k);   // images too small for two 5x5 convolutions
            }
            long s = seed * 1_000_003L + 31L * k + 7;
            LabeledImages subset = subset(data, r.share(), s);
            String task = "training reference " + (k + 1) + " of " + count + " (" + a.name() + ")";
            MultiLayerNetwork net = a.build(shape, data.numClasses(), s);
            Trainer.fit(net, TrainingData.of(subset), new Trainer.Config(r.epochs(), 64, Architecture.DEFAULT_LEARNING_RATE, s),
                    task, progress);
            out.add(Dl4jModel.of("reference " + (k + 1) + " " + a.name(), net, shape));
        }
        return out;
    }

    private static LabeledImages subset(LabeledImages data, double share, long seed) {
        if (share >= 1) {
            return data;
        }
        int n = data.size();
        int[] order = SampleSelection.permutation(n, new SplittableRandom(seed));
        int[] keep = Arrays.copyOf(order, Math.max(1, (int) Math.round(share * n)));
        Arrays.sort(keep);
        return data.select(keep);
    }
}
