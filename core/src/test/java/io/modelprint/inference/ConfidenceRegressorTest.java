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
package io.modelprint.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class ConfidenceRegressorTest {

    /** Rows of {@code d} features: the first shifted by {@code shift}, the rest noise. */
    static double[][] rows(int n, int d, double shift, SplittableRandom rng) {
        double[][] x = new double[n][d];
        for (double[] row : x) {
            for (int k = 0; k < d; k++) {
                row[k] = rng.nextGaussian() + (k == 0 ? shift : 0);
            }
        }
        return x;
    }

    @Test
    void separableEmbeddingsScoreHighOnPrivateAndLowOnPublicAndTheTestIsDecisive() {
        SplittableRandom rng = new SplittableRandom(2);
        ConfidenceRegressor r = ConfidenceRegressor.fit(rows(60, 6, 3, rng), rows(60, 6, 0, rng));
        double[] priv = r.scores(rows(40, 6, 3, rng));
        double[] pub = r.scores(rows(40, 6, 0, rng));
        assertTrue(mean(priv) > 0.8, "private mean score " + mean(priv));
        assertTrue(mean(pub) < 0.2, "public mean score " + mean(pub));
        assertTrue(WelchTest.greater(priv, pub).pValue() < 1e-10);
    }

    @Test
    void identicalDistributionsGiveNoEvidence() {
        SplittableRandom rng = new SplittableRandom(3);
        ConfidenceRegressor r = ConfidenceRegressor.fit(rows(60, 6, 0, rng), rows(60, 6, 0, rng));
        int rejected = 0;
        for (int i = 0; i < 40; i++) {
            rejected += WelchTest.greater(r.scores(rows(30, 6, 0, rng)), r.scores(rows(30, 6, 0, rng))).pValue() < 0.05 ? 1 : 0;
        }
        assertTrue(rejected <= 7, rejected + " of 40 fresh null draws rejected at 5%");
    }

    @Test
    void aConstantFeatureIsHarmless() {
        SplittableRandom rng = new SplittableRandom(4);
        double[][] a = rows(30, 3, 2, rng);
        double[][] b = rows(30, 3, 0, rng);
        for (double[] row : a) {
            row[2] = 7;
        }
        for (double[] row : b) {
            row[2] = 7;
        }
        ConfidenceRegressor r = ConfidenceRegressor.fit(a, b);
        assertTrue(Double.isFinite(r.score(new double[] {1, 0, 7})));
        assertTrue(r.score(new double[] {3, 0, 7}) > r.score(new double[] {-1, 0, 7}));
    }

    @Test
    void aRowOfAnotherLengthIsRefused() {
        SplittableRandom rng = new SplittableRandom(5);
        ConfidenceRegressor r = ConfidenceRegressor.fit(rows(10, 3, 1, rng), rows(10, 3, 0, rng));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.score(new double[2]));
        assertTrue(e.getMessage().contains("3 features"), e.getMessage());
    }

    /** Standardisation law: the scores do not depend on the unit each feature is measured in. */
    @Property(tries = 20)
    void scoresDoNotDependOnTheUnitsOfTheFeatures(@ForAll @LongRange(min = 0, max = 100_000) long seed,
                                                  @ForAll @DoubleRange(min = 0.01, max = 100) double unit) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] a = rows(20, 3, 1, rng);
        double[][] b = rows(20, 3, 0, rng);
        double[][] probe = rows(5, 3, 0.5, rng);
        double[] before = ConfidenceRegressor.fit(a, b).scores(probe);
        for (double[][] m : new double[][][] {a, b, probe}) {
            for (double[] row : m) {
                row[1] *= unit;
            }
        }
        assertArrayEquals(before, ConfidenceRegressor.fit(a, b).scores(probe), 1e-6);
    }

    @Test
    void fittingIsDeterministic() {
        double[][] a = rows(20, 4, 1, new SplittableRandom(6));
        double[][] b = rows(20, 4, 0, new SplittableRandom(7));
        assertEquals(ConfidenceRegressor.fit(a, b).score(a[0]), ConfidenceRegressor.fit(a, b).score(a[0]));
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }
}
