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
package io.modelprint.evasion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.ImageBatch;
import io.modelprint.ImageShape;
import io.modelprint.LabeledImages;
import io.modelprint.Model;
import io.modelprint.Models;
import io.modelprint.OutputKind;
import io.modelprint.Predictions;
import io.modelprint.TestModels;
import io.modelprint.data.FashionMnist;
import io.modelprint.kernel.Matrix;
import io.modelprint.query.CutMixBox;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EvasionsTest {

    private static final Model PROBS = TestModels.linear("suspect", 10, 4, OutputKind.PROBABILITIES);
    private static final Model LABELS = TestModels.linear("labels", 10, 4, OutputKind.LABELS);

    /** A model of 28x28 images: logits linear in the pixels, weights from {@code seed}. */
    private static Model linear28(String name, long seed, OutputKind kind) {
        ImageShape shape = new ImageShape(1, 28, 28);
        SplittableRandom rng = new SplittableRandom(seed);
        double[] w = new double[10 * shape.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = rng.nextGaussian();
        }
        return Models.of(name, shape, 10, kind, b -> {
            int d = shape.size();
            float[] z = new float[b.count() * 10];
            for (int n = 0; n < b.count(); n++) {
                for (int c = 0; c < 10; c++) {
                    double s = 0;
                    for (int k = 0; k < d; k++) {
                        s += w[c * d + k] * b.pixels()[n * d + k];
                    }
                    z[n * 10 + c] = (float) s;
                }
            }
            Predictions logits = Predictions.ofScores(OutputKind.LOGITS, Matrix.of(b.count(), 10, z));
            return kind == OutputKind.LOGITS ? logits : kind == OutputKind.LABELS ? logits.toLabels() : logits.toProbabilities();
        });
    }

    @Test
    void badSettingsAreRefusedWithTheirValue() {
        Map<String, Runnable> cases = Map.of(
                "answers labels only", () -> Evasions.gaussianNoise(LABELS, 0.1, 1),
                "noise scale must be finite and >= 0, got -0.1", () -> Evasions.laplaceNoise(PROBS, -0.1, 1),
                "got NaN", () -> Evasions.gaussianNoise(PROBS, Double.NaN, 1),
                "1 to 6 decimals, got 0", () -> Evasions.roundedProbabilities(PROBS, 0),
                "k between 1 and the 10 classes of suspect, got 11", () -> Evasions.topKProbabilities(PROBS, 11),
                "temperature must be finite and > 0, got 0.0", () -> Evasions.temperature(PROBS, 0),
                "needs a detector", () -> Evasions.detecting(PROBS, null, PROBS),
                "the decoy must answer the same classes", () -> Evasions.detecting(PROBS,
                        QueryDetector.fit(TestModels.data(40, 10, 1).images(), QueryDetector.Statistic.MAHALANOBIS, 0.9),
                        TestModels.linear("three", 3, 1, OutputKind.LOGITS)),
                "at least 20 natural images, got 5", () -> QueryDetector.fit(TestModels.data(5, 10, 1).images(),
                        QueryDetector.Statistic.MAHALANOBIS, 0.9),
                "percentile must be in (0, 1), such as 0.95, got 95.0", () -> QueryDetector.fit(
                        TestModels.data(40, 10, 1).images(), QueryDetector.Statistic.NEAREST_NEIGHBOUR, 95));
        cases.forEach((words, call) -> {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run, words);
            assertTrue(e.getMessage().contains(words), words + " -> " + e.getMessage());
        });
    }

    @Test
    void evadedModelsSayWhatTheyAreAndCountTheirQueries() {
        Model rounded = Evasions.roundedProbabilities(PROBS, 2);
        ImageBatch b = TestModels.data(7, 10, 2).images();
        rounded.predict(b);
        assertEquals("suspect [rounded to 2 decimals]", rounded.name());
        assertEquals(7, rounded.queryCount());
        assertEquals("suspect [gaussian noise 0.05]", Evasions.gaussianNoise(PROBS, 0.05, 1).name());
        assertEquals("suspect [top-3 probabilities]", Evasions.topKProbabilities(PROBS, 3).name());
    }

    @Test
    void theDetectorFlagsCutMixPatchesMoreThanNaturalImages() throws Exception {
        LabeledImages test = FashionMnist.load().test();
        ImageBatch thief = test.images().slice(2000, 4000);
        ImageBatch natural = test.images().slice(4000, 4500);
        // CutMix mixtures with a central patch of another image (conferrable's mixed queries are of this kind)
        ImageBatch base = test.images().slice(0, 300);
        float[] mixed = base.pixels().clone();
        float[] donors = test.images().slice(300, 600).pixels();
        for (int i = 0; i < 300; i++) {
            new CutMixBox(7, 21, 7, 21).paste(donors, i, mixed, i, base.shape());
        }
        ImageBatch cutMix = ImageBatch.of(base.shape(), mixed);
        QueryDetector nn = QueryDetector.fit(thief, QueryDetector.Statistic.NEAREST_NEIGHBOUR, 0.95);
        double onNatural = nn.flaggedFraction(natural);
        double onCutMix = nn.flaggedFraction(cutMix);
        assertTrue(onNatural < 0.1, "about 5% of fresh natural images flagged: " + onNatural);
        assertTrue(onCutMix > 3 * onNatural, "CutMix " + onCutMix + " against natural " + onNatural);

        // heavy pixel noise is what per-pixel statistics see (same-place CutMix patches keep every pixel natural)
        float[] noisy = base.pixels().clone();
        SplittableRandom rng = new SplittableRandom(5);
        for (int i = 0; i < noisy.length; i++) {
            noisy[i] = (float) Math.min(1, Math.max(0, noisy[i] + 0.3 * rng.nextGaussian()));
        }
        QueryDetector m = QueryDetector.fit(thief, QueryDetector.Statistic.MAHALANOBIS, 0.95);
        assertTrue(m.flaggedFraction(natural) < 0.1, "natural " + m.flaggedFraction(natural));
        assertTrue(m.flaggedFraction(ImageBatch.of(base.shape(), noisy)) > 3 * m.flaggedFraction(natural),
                "perturbed " + m.flaggedFraction(ImageBatch.of(base.shape(), noisy)));
        assertEquals(nn.threshold(), QueryDetector.fit(thief, QueryDetector.Statistic.NEAREST_NEIGHBOUR, 0.95).threshold(),
                "the same images give the same detector");
    }

    @Test
    void flaggedQueriesAreAnsweredByTheDecoyAndTheRestByTheSuspect() throws Exception {
        LabeledImages test = FashionMnist.load().test();
        Model suspect = linear28("stolen", 1, OutputKind.PROBABILITIES);
        Model decoy = linear28("independent", 2, OutputKind.LOGITS);
        QueryDetector d = QueryDetector.fit(test.images().slice(2000, 3000), QueryDetector.Statistic.MAHALANOBIS, 0.95);
        ImageBatch natural = test.images().slice(4000, 4020);
        float[] px = natural.pixels().clone();
        Arrays.fill(px, 0, 10 * 784, 1f);   // the first ten images white: nothing natural looks like that
        ImageBatch queries = ImageBatch.of(natural.shape(), px);
        boolean[] flags = d.flags(queries);
        Model wary = Evasions.detecting(suspect, d, decoy);
        Predictions answers = wary.predict(queries);
        assertEquals(OutputKind.PROBABILITIES, answers.kind());
        Predictions fromSuspect = suspect.predict(queries);
        Predictions fromDecoy = decoy.predict(queries).toProbabilities();
        int flagged = 0;
        for (int i = 0; i < 20; i++) {
            Predictions expected = flags[i] ? fromDecoy : fromSuspect;
            float[] row = Arrays.copyOfRange(answers.scores().data(), i * 10, i * 10 + 10);
            assertArrayEquals(Arrays.copyOfRange(expected.scores().data(), i * 10, i * 10 + 10), row, 1e-6f, "image " + i);
            flagged += flags[i] ? 1 : 0;
        }
        assertTrue(flags[0] && flags[9] && flagged >= 10, "the white images are flagged: " + Arrays.toString(flags));
        assertEquals(20, wary.queryCount());
        Model labels = Evasions.detecting(Models.labelsOnly(suspect), d, decoy);
        assertEquals(decoy.predict(queries.slice(0, 1)).label(0), labels.predict(queries).label(0));
    }

    @Test
    void theCostOfAnEvasionIsMeasuredOnNaturalData() throws Exception {
        LabeledImages natural = FashionMnist.load().test().slice(5000, 5400);
        Model stolen = linear28("stolen", 1, OutputKind.PROBABILITIES);
        EvasionCost free = EvasionCost.measure(stolen, Evasions.topOneLabel(stolen), natural);
        assertEquals(0, free.accuracyLoss(), "labels only keeps every label");
        assertEquals(1, free.agreement());
        assertEquals(400, free.images());
        EvasionCost heavy = EvasionCost.measure(stolen, Evasions.gaussianNoise(stolen, 1.0, 3), natural);
        assertTrue(heavy.agreement() < 0.9, heavy.toString());
        QueryDetector d = QueryDetector.fit(FashionMnist.load().test().images().slice(0, 1000),
                QueryDetector.Statistic.MAHALANOBIS, 0.9);
        EvasionCost wary = EvasionCost.measure(stolen, Evasions.detecting(stolen, d, linear28("other", 9,
                OutputKind.PROBABILITIES)), natural);
        assertTrue(wary.agreement() < 1 && wary.agreement() > 0.8, "about a tenth of natural images go to the decoy: "
                + wary);
        assertTrue(wary.toString().contains("points"), wary.toString());
    }
}
