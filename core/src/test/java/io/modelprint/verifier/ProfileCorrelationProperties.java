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
package io.modelprint.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.OutputKind;
import io.modelprint.Predictions;
import io.modelprint.fingerprint.ProfileExtractor;
import io.modelprint.fingerprint.ProfileFingerprint;
import io.modelprint.kernel.Matrix;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The laws of error-profile's distance. */
class ProfileCorrelationProperties {

    private static final ProfileCorrelation D = new ProfileCorrelation();

    private static Predictions logits(int n, int classes, long seed, double scale) {
        return RandomLogits.logits(n, classes, seed, scale);
    }

    private static Predictions scaled(Predictions p, double factor) {
        float[] z = p.scores().data().clone();
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) (z[i] * factor);
        }
        return Predictions.ofScores(OutputKind.LOGITS, Matrix.of(p.count(), p.numClasses(), z));
    }

    private static ProfileFingerprint print(Predictions p, OutputKind rep, int controls) {
        return new ProfileExtractor("error-profile", rep, controls).extract(p);
    }

    @Property
    void aModelIsAtDistanceZeroFromItself(@ForAll @IntRange(min = 2, max = 40) int n,
                                          @ForAll @IntRange(min = 2, max = 12) int classes, @ForAll long seed) {
        Predictions p = logits(n + 3, classes, seed, 2);
        for (OutputKind rep : OutputKind.values()) {
            assertEquals(0.0, D.distance(print(p, rep, 3), print(p, rep, 3)), 1e-9, rep.name());
        }
    }

    @Property
    void symmetricAndWithinZeroAndTwo(@ForAll @IntRange(min = 2, max = 40) int n,
                                      @ForAll @IntRange(min = 2, max = 12) int classes, @ForAll long a, @ForAll long b) {
        Predictions x = logits(n, classes, a, 2);
        Predictions y = logits(n, classes, b, 2);
        for (OutputKind rep : OutputKind.values()) {
            double d = D.distance(print(x, rep, 1), print(y, rep, 1));
            assertEquals(d, D.distance(print(y, rep, 1), print(x, rep, 1)), 1e-12);
            assertTrue(d >= 0 && d <= (rep == OutputKind.LABELS ? 1 : 2), "d = " + d);
        }
    }

    @Property
    void temperatureDoesNotChangeTheProfileDistance(@ForAll @IntRange(min = 2, max = 40) int n,
                                                    @ForAll @IntRange(min = 2, max = 10) int classes, @ForAll long a,
                                                    @ForAll long b, @ForAll @DoubleRange(min = 0.5, max = 2) double t) {
        // moderate logits keep every probability above the profile's floor, where scaling is exact
        Predictions x = logits(n, classes, a, 0.5);
        Predictions y = logits(n, classes, b, 0.5);
        double d = D.distance(print(x, OutputKind.LOGITS, 1), print(y, OutputKind.LOGITS, 1));
        double hot = D.distance(print(x, OutputKind.LOGITS, 1), print(scaled(y, 1 / t), OutputKind.LOGITS, 1));
        assertEquals(d, hot, 1e-4);
    }

    @Property
    void logitsAndTheirProbabilitiesGiveTheSameProfile(@ForAll @IntRange(min = 2, max = 30) int n,
                                                       @ForAll @IntRange(min = 2, max = 10) int classes, @ForAll long a) {
        Predictions x = logits(n, classes, a, 1);
        ProfileFingerprint fromLogits = print(x, OutputKind.PROBABILITIES, 1);
        ProfileFingerprint fromProbabilities = print(x.toProbabilities(), OutputKind.PROBABILITIES, 1);
        double[] p = fromLogits.profiles();
        double[] q = fromProbabilities.profiles();
        for (int i = 0; i < p.length; i++) {
            assertEquals(p[i], q[i], 1e-5);
        }
    }

    @Property
    void theOrderOfTheQueriesDoesNotMatter(@ForAll @IntRange(min = 2, max = 30) int n,
                                           @ForAll @IntRange(min = 2, max = 10) int classes, @ForAll long a,
                                           @ForAll long b, @ForAll long shuffle) {
        Predictions x = logits(n + 1, classes, a, 2);
        Predictions y = logits(n + 1, classes, b, 2);
        int[] order = new int[n + 1];
        for (int i = 0; i <= n; i++) {
            order[i] = i;
        }
        SplittableRandom r = new SplittableRandom(shuffle);
        for (int i = n - 1; i > 0; i--) {   // shuffle the mistakes, keep the control last
            int j = r.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        for (OutputKind rep : OutputKind.values()) {
            double d = D.distance(print(x, rep, 1), print(y, rep, 1));
            double e = D.distance(print(x.select(order), rep, 1), print(y.select(order), rep, 1));
            assertEquals(d, e, 1e-9, rep.name());
        }
    }

    @Test
    void onLabelsItIsTheMismatchRateOnTheMistakesAlone() {
        Predictions v = Predictions.ofLabels(new int[] {0, 1, 2, 3, 4}, 5);
        Predictions s = Predictions.ofLabels(new int[] {0, 2, 2, 0, 0}, 5);   // the last two are controls
        assertEquals(1.0 / 3, D.distance(print(v, OutputKind.LABELS, 2), print(s, OutputKind.LABELS, 2)), 1e-12);
    }

    @Test
    void aFlatProfileIsUncorrelatedWithAnything() {
        Predictions v = logits(6, 4, 1, 2);
        Predictions flat = Predictions.ofScores(OutputKind.LOGITS, Matrix.of(6, 4, new float[24]));
        assertEquals(1.0, D.distance(print(v, OutputKind.LOGITS, 1), print(flat, OutputKind.LOGITS, 1)), 1e-12);
    }

    @Test
    void badInputIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> print(logits(3, 4, 1, 1), OutputKind.LOGITS, 3));
        assertTrue(e.getMessage().contains("mistake queries"), e.getMessage());
        IllegalArgumentException labels = assertThrows(IllegalArgumentException.class,
                () -> print(Predictions.ofLabels(new int[] {0, 1, 2}, 3), OutputKind.PROBABILITIES, 1));
        assertTrue(labels.getMessage().contains("label-only"), labels.getMessage());
        assertThrows(IllegalArgumentException.class, () -> D.distance(print(logits(5, 4, 1, 1), OutputKind.LOGITS, 1),
                print(logits(5, 4, 1, 1), OutputKind.LOGITS, 2)));
    }
}
