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
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.ImageBatch;
import io.modelprint.Model;
import io.modelprint.OutputKind;
import io.modelprint.Predictions;
import io.modelprint.TestModels;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** The laws every evasion's answers keep, over random models, batches and settings. */
class EvasionLawsProperties {

    private static Model suspect(long seed, boolean logits, int classes) {
        return TestModels.linear("suspect", classes, seed, logits ? OutputKind.LOGITS : OutputKind.PROBABILITIES);
    }

    private static ImageBatch batch(long seed, int n) {
        return TestModels.data(n, 10, seed).images();
    }

    /** Every row a distribution: values in [0, 1] summing to 1. */
    private static void assertDistributions(Predictions p) {
        assertEquals(OutputKind.PROBABILITIES, p.kind());
        for (int r = 0; r < p.count(); r++) {
            double sum = 0;
            for (int c = 0; c < p.numClasses(); c++) {
                float v = p.scores().get(r, c);
                assertTrue(v >= 0 && v <= 1, "value " + v);
                sum += v;
            }
            assertEquals(1, sum, 1e-5, "row " + r);
        }
    }

    @Property(tries = 60)
    void noiseKeepsDistributionsAndIsSeededPerImage(@ForAll long seed, @ForAll boolean logits, @ForAll boolean laplace,
                                                     @ForAll @DoubleRange(min = 0, max = 2) double scale,
                                                     @ForAll @IntRange(min = 2, max = 12) int classes) {
        Model m = suspect(seed, logits, classes);
        Model noisy = laplace ? Evasions.laplaceNoise(m, scale, seed) : Evasions.gaussianNoise(m, scale, seed);
        ImageBatch b = batch(seed, 12);
        Predictions p = noisy.predict(b);
        assertDistributions(p);
        Model again = laplace ? Evasions.laplaceNoise(m, scale, seed) : Evasions.gaussianNoise(m, scale, seed);
        assertEquals(p, again.predict(b), "the same seed gives the same answers");
        // the answer to an image does not depend on its batch: asking again or in another order gives it back
        Predictions alone = noisy.predict(b.slice(5, 6));
        assertArrayEquals(p.select(new int[] {5}).scores().data(), alone.scores().data());
        if (scale > 0.05) {
            Model other = laplace ? Evasions.laplaceNoise(m, scale, seed + 1) : Evasions.gaussianNoise(m, scale, seed + 1);
            assertNotEquals(p, other.predict(b), "another seed, other noise");
        }
    }

    @Property(tries = 60)
    void roundingRoundsAndKeepsDistributions(@ForAll long seed, @ForAll boolean logits,
                                             @ForAll @IntRange(min = 1, max = 4) int decimals,
                                             @ForAll @IntRange(min = 2, max = 12) int classes) {
        Model m = suspect(seed, logits, classes);
        ImageBatch b = batch(seed, 10);
        Predictions exact = m.predict(b).toProbabilities();
        Predictions rounded = Evasions.roundedProbabilities(m, decimals).predict(b);
        assertDistributions(rounded);
        double step = Math.pow(10, -decimals);
        for (int r = 0; r < rounded.count(); r++) {
            for (int c = 0; c < classes; c++) {
                double v = rounded.scores().get(r, c);
                double units = v / step;
                assertEquals(Math.rint(units), units, 1e-3, "a multiple of " + step + ": " + v);
                assertTrue(Math.abs(v - exact.scores().get(r, c)) < step + 1e-6, "within one step of the truth");
            }
        }
    }

    @Property(tries = 60)
    void topKKeepsOnlyTheKLargestInProportion(@ForAll long seed, @ForAll boolean logits,
                                              @ForAll @IntRange(min = 2, max = 12) int classes,
                                              @ForAll @IntRange(min = 1, max = 12) int k) {
        int kept = Math.min(k, classes);
        Model m = suspect(seed, logits, classes);
        ImageBatch b = batch(seed, 10);
        Predictions exact = m.predict(b).toProbabilities();
        Predictions top = Evasions.topKProbabilities(m, kept).predict(b);
        assertDistributions(top);
        assertArrayEquals(exact.labels(), top.labels(), "the top-1 label stays");
        for (int r = 0; r < top.count(); r++) {
            int nonZero = 0;
            double keptMass = 0;
            for (int c = 0; c < classes; c++) {
                if (top.scores().get(r, c) > 0) {
                    nonZero++;
                    keptMass += exact.scores().get(r, c);
                }
            }
            assertTrue(nonZero <= kept, nonZero + " non-zero values for k = " + kept);
            int best = exact.label(r);
            assertEquals(exact.scores().get(r, best) / keptMass, top.scores().get(r, best), 1e-4);
        }
    }

    @Property(tries = 60)
    void temperatureKeepsTheLabelAndFlattensAboveOne(@ForAll long seed, @ForAll boolean logits,
                                                     @ForAll @DoubleRange(min = 0.1, max = 10) double t,
                                                     @ForAll @IntRange(min = 2, max = 12) int classes) {
        Model m = suspect(seed, logits, classes);
        ImageBatch b = batch(seed, 10);
        Predictions exact = m.predict(b).toProbabilities();
        Predictions scaled = Evasions.temperature(m, t).predict(b);
        assertDistributions(scaled);
        for (int r = 0; r < scaled.count(); r++) {
            float top = exact.scores().get(r, exact.label(r));
            float topScaled = scaled.scores().get(r, exact.label(r));
            assertTrue(topScaled >= scaled.scores().get(r, scaled.label(r)) - 1e-6,
                    "the largest value stays on the same class");
            if (t > 1) {
                assertTrue(topScaled <= top + 1e-5, "flatter above 1: " + topScaled + " > " + top);
            } else {
                assertTrue(topScaled >= top - 1e-5, "sharper below 1: " + topScaled + " < " + top);
            }
        }
        assertArrayEquals(exact.scores().data(), Evasions.temperature(m, 1).predict(b).scores().data(), 1e-5f);
    }

    @Property(tries = 30)
    void labelsOnlyReallyGivesLabels(@ForAll long seed, @ForAll boolean logits) {
        Model m = suspect(seed, logits, 10);
        ImageBatch b = batch(seed, 10);
        Predictions labels = Evasions.topOneLabel(m).predict(b);
        assertEquals(OutputKind.LABELS, labels.kind());
        assertArrayEquals(m.predict(b).labels(), labels.labels());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, labels::scores);
    }
}
