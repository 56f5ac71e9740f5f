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
import io.modelprint.ImageShape;
import io.modelprint.Model;
import io.modelprint.Predictions;
import io.modelprint.ProgressListener;
import io.modelprint.dl4j.Architecture;
import io.modelprint.dl4j.Trainer;
import io.modelprint.dl4j.TrainingData;
import io.modelprint.kernel.Matrix;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Attack: Tram&egrave;r et al.'s label-only extraction of a softmax regression. An API that answers
 * only the top-1 label gives no equations to solve; the attacker chooses queries, asks for their
 * labels and retrains a softmax regression on them:
 * <ul>
 *   <li>{@code UNIFORM}: {@code budget} uniformly random images;</li>
 *   <li>{@code LINE_SEARCH}: half the budget as uniformly random images, the rest spent on line
 *       searches between random pairs of them that the victim labels differently: each search
 *       halves the segment {@code steps} times, one query per halving, always keeping the two
 *       ends on different sides, so its points close in on the decision boundary between them.</li>
 * </ul>
 * The budget is exactly the number of queries sent. The copy's fidelity (agreement with the victim
 * on held-out images) is what this attack can be judged by; it cannot recover the weights.
 *
 * <pre>{@code
 * StolenModel s = new LabelOnlyRetraining(LabelOnlyRetraining.Strategy.LINE_SEARCH, 5000, 8,
 *         new Trainer.Config(20, 64, 1e-2, 7)).apply(Models.labelsOnly(victim), listener);
 * }</pre>
 *
 * @param strategy which queries
 * @param budget   queries to send, at least 2
 * @param steps    halvings per line search, at least 1 (unused by {@code UNIFORM})
 * @param training the copy's training settings; the seed also draws the queries
 */
public record LabelOnlyRetraining(Strategy strategy, int budget, int steps, Trainer.Config training) {

    /**
     * How queries are chosen.
     *
     * <pre>{@code
     * LabelOnlyRetraining.Strategy s = LabelOnlyRetraining.Strategy.LINE_SEARCH;
     * }</pre>
     */
    public enum Strategy {
        /** Uniformly random images. */
        UNIFORM,
        /** Random images, then points found by bisection between differently labelled pairs. */
        LINE_SEARCH
    }

    /** Validates. */
    public LabelOnlyRetraining {
        if (strategy == null || training == null) {
            throw new IllegalArgumentException("a query strategy and training settings must be given");
        }
        if (budget < 2) {
            throw new IllegalArgumentException("label-only retraining needs a budget of at least 2 queries, got " + budget);
        }
        if (steps < 1) {
            throw new IllegalArgumentException("a line search halves its segment at least once, got " + steps + " steps");
        }
    }

    /**
     * The retrained softmax regression and the queries spent ({@code budget}).
     *
     * @throws IllegalArgumentException if the line search finds every random image in one class
     */
    public StolenModel apply(Model victimApi, ProgressListener progress) {
        if (victimApi == null) {
            throw new IllegalArgumentException("label-only retraining needs the victim's API, got null");
        }
        Model api = StolenModel.counting(victimApi);
        ImageShape shape = api.inputShape();
        int d = shape.size();
        int random = strategy == Strategy.UNIFORM ? budget : Math.max(2, budget / 2);
        ImageBatch x = EquationSolving.uniformImages(shape, random, training.seed());
        int[] labels = api.predict(x).labels();
        if (strategy == Strategy.LINE_SEARCH) {
            List<float[]> found = new ArrayList<>();
            List<Integer> foundLabels = new ArrayList<>();
            lineSearches(api, x, labels, budget - random, found, foundLabels, progress);
            float[] px = new float[(random + found.size()) * d];
            System.arraycopy(x.pixels(), 0, px, 0, random * d);
            int[] all = new int[random + found.size()];
            System.arraycopy(labels, 0, all, 0, random);
            for (int i = 0; i < found.size(); i++) {
                System.arraycopy(found.get(i), 0, px, (random + i) * d, d);
                all[random + i] = foundLabels.get(i);
            }
            x = ImageBatch.of(shape, px);
            labels = all;
        }
        MultiLayerNetwork copy = Architecture.softmaxRegression().build(shape, api.numClasses(), training.seed());
        Trainer.fit(copy, new TrainingData(x, Matrix.oneHot(labels, api.numClasses())), training,
                "label-only retraining (" + strategy.name().toLowerCase(java.util.Locale.ROOT) + ")", progress);
        return new StolenModel(copy, api.queryCount());
    }

    private void lineSearches(Model api, ImageBatch pool, int[] labels, int left, List<float[]> found,
                              List<Integer> foundLabels, ProgressListener progress) {
        int n = pool.count();
        int first = labels[0];
        boolean twoClasses = false;
        for (int l : labels) {
            twoClasses |= l != first;
        }
        if (!twoClasses) {
            throw new IllegalArgumentException("the victim labels all " + n + " random images as class " + first
                    + ": a line search needs two differently labelled ends; use UNIFORM or a larger budget");
        }
        SplittableRandom rng = new SplittableRandom(training.seed() + 1);
        int d = pool.shape().size();
        float[] px = pool.pixels();
        int total = left;
        while (left > 0) {
            int i = rng.nextInt(n);
            int j = rng.nextInt(n);
            if (labels[i] == labels[j]) {
                continue;
            }
            float[] a = java.util.Arrays.copyOfRange(px, i * d, (i + 1) * d);
            float[] b = java.util.Arrays.copyOfRange(px, j * d, (j + 1) * d);
            int la = labels[i];
            for (int s = 0; s < steps && left > 0; s++) {
                float[] mid = new float[d];
                for (int p = 0; p < d; p++) {
                    mid[p] = 0.5f * (a[p] + b[p]);
                }
                Predictions got = api.predict(ImageBatch.of(pool.shape(), mid));
                left--;
                int lm = got.label(0);
                found.add(mid);
                foundLabels.add(lm);
                if (lm == la) {
                    a = mid;
                } else {
                    b = mid;   // keep the ends on different sides (b may now be a third class's point)
                }
            }
            progress.onProgress("line searches", total - left, total);
        }
    }
}
