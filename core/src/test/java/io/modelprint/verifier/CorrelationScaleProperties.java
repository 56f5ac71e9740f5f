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
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.OutputKind;
import io.modelprint.Predictions;
import io.modelprint.fingerprint.CorrelationExtractor;
import io.modelprint.fingerprint.CorrelationFingerprint;
import io.modelprint.fingerprint.ProbabilityScale;
import io.modelprint.kernel.CorrelationFunction;
import io.modelprint.kernel.Matrix;
import io.modelprint.scheme.CorrelationSettings;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The laws of the SAC schemes' probability scale: compared as centred log-probabilities, a
 * probability API gives the distance its logits give, whatever temperature it serves at.
 */
class CorrelationScaleProperties {

    private static final MeanAbsoluteDifference D = new MeanAbsoluteDifference();

    private static Predictions logits(int n, int classes, long seed, double scale) {
        return RandomLogits.logits(n, classes, seed, scale);
    }

    private static CorrelationFingerprint print(Predictions p, CorrelationFunction f, ProbabilityScale scale) {
        return new CorrelationExtractor("sac-m", OutputKind.PROBABILITIES, f, 1.0, scale).extract(p);
    }

    private static CorrelationFunction function(boolean gaussian) {
        return gaussian ? CorrelationFunction.gaussian(0.7) : CorrelationFunction.cosine();
    }

    @Property
    void aServedTemperatureDoesNotChangeTheLogScaleDistance(
            @ForAll @IntRange(min = 3, max = 30) int n, @ForAll @IntRange(min = 2, max = 10) int classes,
            @ForAll long a, @ForAll long b, @ForAll @DoubleRange(min = 0.3, max = 4) double t,
            @ForAll boolean gaussian) {
        Predictions victim = logits(n, classes, a, 1.5);
        Predictions suspect = logits(n, classes, b, 1.5);
        CorrelationFunction f = function(gaussian);
        double plain = D.distance(print(victim, f, ProbabilityScale.LOG), print(suspect.toProbabilities(), f, ProbabilityScale.LOG));
        double served = D.distance(print(victim, f, ProbabilityScale.LOG),
                print(suspect.toProbabilities(t), f, ProbabilityScale.LOG));
        assertEquals(plain, served, 1e-4, "temperature " + t);
    }

    @Property
    void aLogitApiAndItsProbabilityApiGiveTheSameFingerprint(
            @ForAll @IntRange(min = 3, max = 30) int n, @ForAll @IntRange(min = 2, max = 10) int classes,
            @ForAll long a, @ForAll boolean gaussian) {
        Predictions x = logits(n, classes, a, 2);
        CorrelationFunction f = function(gaussian);
        CorrelationFingerprint fromLogits = print(x, f, ProbabilityScale.LOG);
        CorrelationFingerprint fromProbabilities = print(x.toProbabilities(), f, ProbabilityScale.LOG);
        assertEquals(0.0, D.distance(fromLogits, fromProbabilities), 1e-4);
    }

    @Property
    void bothScalesAreAMetricsZeroOnTheSameAnswers(@ForAll @IntRange(min = 3, max = 30) int n,
                                                  @ForAll @IntRange(min = 2, max = 10) int classes, @ForAll long a,
                                                  @ForAll long b) {
        Predictions x = logits(n, classes, a, 2).toProbabilities();
        Predictions y = logits(n, classes, b, 2).toProbabilities();
        for (ProbabilityScale s : ProbabilityScale.values()) {
            CorrelationFunction f = CorrelationFunction.cosine();
            assertEquals(0.0, D.distance(print(x, f, s), print(x, f, s)), 1e-12, s.name());
            double d = D.distance(print(x, f, s), print(y, f, s));
            assertEquals(d, D.distance(print(y, f, s), print(x, f, s)), 1e-12, s.name());
            assertTrue(d >= 0, s + ": " + d);
        }
    }

    @Test
    void theLinearScaleIsMovedByATemperatureWhichIsWhyItIsNotTheDefault() {
        Predictions victim = logits(40, 10, 1, 2);
        Predictions suspect = logits(40, 10, 2, 2);
        CorrelationFunction f = CorrelationFunction.cosine();
        double plain = D.distance(print(victim, f, ProbabilityScale.LINEAR),
                print(suspect.toProbabilities(), f, ProbabilityScale.LINEAR));
        double served = D.distance(print(victim, f, ProbabilityScale.LINEAR),
                print(suspect.toProbabilities(3), f, ProbabilityScale.LINEAR));
        assertTrue(Math.abs(plain - served) > 0.01, plain + " against " + served);
        assertEquals(ProbabilityScale.LOG, CorrelationSettings.DEFAULTS.probabilityScale());
    }

    @Test
    void exactZerosTakeTheRowsSmallestProbability() {
        Matrix p = Matrix.of(2, 3, new float[] {0.5f, 0.5f, 0f, 0.25f, 0.25f, 0.5f});
        double[] rows = ProbabilityScale.centredLogProbabilities(Predictions.ofScores(OutputKind.PROBABILITIES, p), 1, 2);
        for (double v : rows) {
            assertTrue(Double.isFinite(v), "finite: " + v);
        }
        assertEquals(0.0, rows[0] + rows[1] + rows[2], 1e-12);
        assertEquals(0.0, rows[0] - rows[2], 1e-12);   // the zero reads as the row's smallest, 0.5
    }
}
