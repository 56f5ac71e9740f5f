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
package io.modelprint.store;

import io.modelprint.AbstractModel;
import io.modelprint.ImageBatch;
import io.modelprint.LabeledImages;
import io.modelprint.Model;
import io.modelprint.Models;
import io.modelprint.OutputKind;
import io.modelprint.Predictions;
import io.modelprint.TestModels;
import io.modelprint.WhiteBoxModel;
import io.modelprint.kernel.Matrix;
import io.modelprint.scheme.FingerprintScheme;
import io.modelprint.scheme.SchemeInputs;
import io.modelprint.scheme.Schemes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The models, data and schemes behind the version-1 fingerprint files in
 * {@code src/test/resources/io/modelprint/store/v1}: written once by modelprint as it was before
 * the package layout changed (commit 5b33f18), and read by {@link VersionOneFilesTest} ever since,
 * so that a stored fingerprint keeps giving the same distances and verdicts.
 */
final class VersionOneFixtures {

    /** Where the files are, on the test class path. */
    static final String RESOURCES = "/io/modelprint/store/v1/";

    /** The seed the fingerprints were made with. */
    static final long SEED = 3;

    private VersionOneFixtures() {
    }

    /** The victim: a linear classifier with input gradients (IPGuard needs them). */
    static final LinearWhiteBox VICTIM = new LinearWhiteBox("victim", weights(1, 0, 0));

    /** The suspects every stored fingerprint is checked against. */
    static List<Model> suspects() {
        Model copy = TestModels.perturbed("copy", 10, 1, 0.05, 9, OutputKind.LOGITS);
        Model stranger = TestModels.linear("stranger", 10, 999, OutputKind.LOGITS);
        return List.of(copy, stranger,
                Models.of("copy-labels", TestModels.SHAPE, 10, OutputKind.LABELS, b -> copy.predict(b).toLabels()),
                Models.of("stranger-probabilities", TestModels.SHAPE, 10, OutputKind.PROBABILITIES,
                        b -> stranger.predict(b).toProbabilities()));
    }

    /** Independent models whose answers the sac-m fingerprint stores, for calibration. */
    static List<Model> references() {
        List<Model> out = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            out.add(TestModels.linear("independent-" + i, 10, 100 + i, OutputKind.LOGITS));
        }
        return out;
    }

    /**
     * 1,200 owner images with 8-bit pixels; every third is labelled as the victim labels it, so
     * that it has both mistakes (akh, akh-excess, sac-w) and correct answers (akh-excess controls).
     */
    static LabeledImages owner() {
        LabeledImages d = TestModels.data(1200, 10, 42);
        float[] px = d.images().pixels().clone();
        for (int i = 0; i < px.length; i++) {
            px[i] = Math.round(px[i] * 255f) / 255f;
        }
        ImageBatch images = ImageBatch.of(d.images().shape(), px);
        int[] labels = d.labels();
        int[] victim = VICTIM.predict(images).labels();
        for (int i = 0; i < labels.length; i += 3) {
            labels[i] = victim[i];
        }
        return new LabeledImages(images, labels, 10);
    }

    /** The owner's surrogates (its own copies) and selection references for conferrable. */
    static List<Model> surrogates() {
        List<Model> out = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            out.add(TestModels.perturbed("surrogate-" + i, 10, 1, 0.6, 100 + i, OutputKind.LOGITS));
        }
        return out;
    }

    static List<Model> selectionReferences() {
        List<Model> out = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            out.add(TestModels.linear("selection-reference-" + i, 10, 200 + i, OutputKind.LOGITS));
        }
        return out;
    }

    /** The fixture files by name: the scheme each was made with, ready to build queries. */
    static Map<String, FingerprintScheme<?>> schemes() {
        Map<String, FingerprintScheme<?>> out = new LinkedHashMap<>();
        // version 1 compared probabilities as they are; centred log-probabilities are the default since
        out.put("sac-m", Schemes.create("sac-m", Map.of("probabilityScale", "linear")));
        out.put("sac-w", Schemes.create("sac-w", Map.of("probabilityScale", "linear")));
        // version 1's defaults; the scheme's defaults are 450 and 150 since (CHANGELOG, issue 13)
        out.put("akh-excess", Schemes.create("akh-excess", Map.of("queries", "300", "controls", "100")));
        out.put("combined", Schemes.create("combined", Map.of("sac-m.probabilityScale", "linear")));
        out.put("ipguard", Schemes.create("ipguard", Map.of("queries", "20", "steps", "50")));
        out.put("conferrable", Schemes.create("conferrable", SchemeInputs.of(Map.of("queries", "100", "natural", "300",
                "mixed", "300")).withSurrogates(surrogates()).withSelectionReferences(selectionReferences())));
        return out;
    }

    /** Which fixtures store reference answers (the others use the scheme's default threshold). */
    static List<Model> storedReferences(String fixture) {
        return fixture.equals("sac-m") ? references() : List.of();
    }

    private static double[] weights(long seed, double noise, long noiseSeed) {
        SplittableRandom rng = new SplittableRandom(seed);
        SplittableRandom n = new SplittableRandom(noiseSeed);
        double[] w = new double[10 * TestModels.SHAPE.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = rng.nextGaussian() + noise * n.nextGaussian();
        }
        return w;
    }

    /** {@code logits = W x}, the same model as {@link TestModels#linear}, with its input gradient. */
    static final class LinearWhiteBox extends AbstractModel implements WhiteBoxModel {
        private final double[] w;

        LinearWhiteBox(String name, double[] w) {
            super(name, TestModels.SHAPE, 10, OutputKind.LOGITS);
            this.w = w;
        }

        @Override
        protected Predictions answer(ImageBatch batch) {
            return Predictions.ofScores(OutputKind.LOGITS, logits(batch));
        }

        @Override
        public Matrix logits(ImageBatch batch) {
            checkBatch(batch);
            int d = TestModels.SHAPE.size();
            float[] px = batch.pixels();
            float[] z = new float[batch.count() * 10];
            for (int n = 0; n < batch.count(); n++) {
                for (int c = 0; c < 10; c++) {
                    double s = 0;
                    for (int k = 0; k < d; k++) {
                        s += w[c * d + k] * px[n * d + k];
                    }
                    z[n * 10 + c] = (float) s;
                }
            }
            return Matrix.of(batch.count(), 10, z);
        }

        @Override
        public float[] inputGradient(ImageBatch batch, Matrix upstream) {
            checkBatch(batch);
            int d = TestModels.SHAPE.size();
            float[] out = new float[batch.count() * d];
            for (int n = 0; n < batch.count(); n++) {
                for (int k = 0; k < d; k++) {
                    double s = 0;
                    for (int c = 0; c < 10; c++) {
                        s += upstream.get(n, c) * w[c * d + k];
                    }
                    out[n * d + k] = (float) s;
                }
            }
            return out;
        }
    }
}
