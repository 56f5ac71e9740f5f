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
package io.modelprint;

import io.modelprint.kernel.Matrix;
import java.util.SplittableRandom;

/** Small deterministic models and data for core's tests: no training, no native code. */
public final class TestModels {

    public static final ImageShape SHAPE = new ImageShape(1, 16, 16);

    private TestModels() {
    }

    /** {@code n} random images of {@link #SHAPE} with labels in [0, classes). */
    public static LabeledImages data(int n, int classes, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] px = new float[n * SHAPE.size()];
        for (int i = 0; i < px.length; i++) {
            px[i] = (float) rng.nextDouble();
        }
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = rng.nextInt(classes);
        }
        return new LabeledImages(ImageBatch.of(SHAPE, px), labels, classes);
    }

    /** A random linear classifier: logits = W x, with W drawn from {@code seed}. */
    public static Model linear(String name, int classes, long seed, OutputKind kind) {
        SplittableRandom rng = new SplittableRandom(seed);
        int d = SHAPE.size();
        double[] w = new double[classes * d];
        for (int i = 0; i < w.length; i++) {
            w[i] = rng.nextGaussian();
        }
        return linear(name, classes, w, kind);
    }

    /** A linear classifier with weights {@code w} ({@code classes x pixels}, row-major). */
    public static Model linear(String name, int classes, double[] w, OutputKind kind) {
        int d = SHAPE.size();
        return Models.of(name, SHAPE, classes, kind, batch -> {
            float[] px = batch.pixels();
            float[] z = new float[batch.count() * classes];
            for (int n = 0; n < batch.count(); n++) {
                for (int c = 0; c < classes; c++) {
                    double s = 0;
                    for (int k = 0; k < d; k++) {
                        s += w[c * d + k] * px[n * d + k];
                    }
                    z[n * classes + c] = (float) s;
                }
            }
            Predictions logits = Predictions.ofScores(OutputKind.LOGITS, Matrix.of(batch.count(), classes, z));
            return switch (kind) {
                case LOGITS -> logits;
                case PROBABILITIES -> logits.toProbabilities();
                case LABELS -> Predictions.ofLabels(logits.labels(), classes);
            };
        });
    }

    /**
     * {@code n} random images labelled by the task's own classifier ({@code linear(.., taskSeed)}),
     * with a share {@code flip} of the labels replaced by random ones: data of a task that models
     * perturbed from the task's weights solve, each with its own mistakes.
     */
    public static LabeledImages taskData(int n, int classes, long taskSeed, double flip, long seed) {
        LabeledImages random = data(n, classes, seed);
        int[] truth = linear("task", classes, taskSeed, OutputKind.LABELS).predict(random.images()).labels();
        SplittableRandom rng = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
        for (int i = 0; i < n; i++) {
            if (rng.nextDouble() < flip) {
                truth[i] = rng.nextInt(classes);
            }
        }
        return new LabeledImages(random.images(), truth, classes);
    }

    /** The weights of {@code perturbed(.., baseSeed, noise, seed, ..)}. */
    public static double[] perturbedWeights(int classes, long baseSeed, double noise, long seed) {
        SplittableRandom base = new SplittableRandom(baseSeed);
        SplittableRandom rng = new SplittableRandom(seed);
        double[] w = new double[classes * SHAPE.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = base.nextGaussian() + noise * rng.nextGaussian();
        }
        return w;
    }

    /** {@code w} plus Gaussian noise of scale {@code noise}: a model derived from the one with weights {@code w}. */
    public static Model derived(String name, int classes, double[] w, double noise, long seed, OutputKind kind) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] out = w.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] += noise * rng.nextGaussian();
        }
        return linear(name, classes, out, kind);
    }

    /** {@code base}'s weights plus Gaussian noise of scale {@code noise}: a "derived" model. */
    public static Model perturbed(String name, int classes, long baseSeed, double noise, long seed, OutputKind kind) {
        SplittableRandom base = new SplittableRandom(baseSeed);
        SplittableRandom rng = new SplittableRandom(seed);
        double[] w = new double[classes * SHAPE.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = base.nextGaussian() + noise * rng.nextGaussian();
        }
        return linear(name, classes, w, kind);
    }
}
