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
package io.modelprint.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.Threshold;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class CompetenceAdjustedNullTest {

    // references whose log-distance falls with accuracy: stronger independent models come closer
    private static final double[] ACCURACY = {0.80, 0.83, 0.85, 0.88, 0.90, 0.92};
    private static final double[] DISTANCE = new double[ACCURACY.length];

    static {
        for (int i = 0; i < ACCURACY.length; i++) {
            DISTANCE[i] = Math.exp(-1 - 3 * (ACCURACY[i] - 0.8) + (i % 2 == 0 ? 0.02 : -0.02));
        }
    }

    @Test
    void theThresholdFollowsTheSuspectsCompetence() {
        CompetenceAdjustedNull nd = CompetenceAdjustedNull.of(DISTANCE, ACCURACY);
        assertEquals(-3.0, nd.slope(), 0.3);
        double weak = nd.threshold(0.05, 0.82, Threshold.Source.TRAINED_REFERENCES).value();
        double strong = nd.threshold(0.05, 0.92, Threshold.Source.TRAINED_REFERENCES).value();
        assertTrue(strong < weak, "a stronger suspect must come closer to be called stolen: " + strong + " vs " + weak);
        // a suspect exactly on the line is unremarkable; one far below it is not
        double onLine = Math.exp(-1 - 3 * 0.1);
        assertTrue(nd.pValue(onLine, 0.9) > 0.3, "p = " + nd.pValue(onLine, 0.9));
        assertTrue(nd.pValue(onLine / 3, 0.9) < 0.01, "p = " + nd.pValue(onLine / 3, 0.9));
    }

    @Test
    void extrapolationWidensTheThreshold() {
        CompetenceAdjustedNull nd = CompetenceAdjustedNull.of(DISTANCE, ACCURACY);
        double inside = nd.threshold(0.05, 0.86, Threshold.Source.TRAINED_REFERENCES).value() / Math.exp(-1 - 3 * 0.06);
        double outside = nd.threshold(0.05, 0.99, Threshold.Source.TRAINED_REFERENCES).value() / Math.exp(-1 - 3 * 0.19);
        assertTrue(outside < inside, "relative to the line, the threshold far from the references is lower (wider)");
    }

    @Test
    void outsideTheReferencesASuspectIsConvictedOnTheStricterSideAndClearedOnlyOnTheStricterSideToo() {
        CompetenceAdjustedNull nd = CompetenceAdjustedNull.of(DISTANCE, ACCURACY);
        // the line falls with accuracy: followed to a weak suspect (0.60) it predicts a larger distance,
        // so a distance that the least accurate reference (0.80) finds unremarkable looks close there
        double atWeakestReference = Math.exp(-1);
        double convict = nd.pValue(atWeakestReference, 0.60);
        double clear = nd.clearingPValue(atWeakestReference, 0.60);
        assertTrue(convict > 0.3, "convicting does not follow the line beyond the references: p = " + convict);
        assertTrue(clear < 0.05, "clearing does not either, so the same suspect cannot be cleared: p = " + clear);
        assertEquals(nd.pValue(atWeakestReference, 0.86), nd.clearingPValue(atWeakestReference, 0.86), 1e-15,
                "within the references both are one p-value");
        Calibration c = Calibration.ofDistances(DISTANCE, ACCURACY, 0.05, Threshold.Source.TRAINED_REFERENCES);
        Calibration.Assessment weak = c.assess(atWeakestReference, OptionalDouble.of(0.60));
        assertEquals(clear, weak.clearingPValue(), 1e-15);
        assertEquals(convict, weak.pValue(), 1e-15);
    }

    @Test
    void calibrationUsesTheAdjustedNullWhenCompetencesSpreadAndSaysWhenItExtrapolates() {
        Calibration c = Calibration.ofDistances(DISTANCE, ACCURACY, 0.05, Threshold.Source.TRAINED_REFERENCES);
        assertTrue(c.adjustedNull().isPresent());
        Calibration.Assessment inside = c.assess(0.3, OptionalDouble.of(0.86));
        assertTrue(inside.adjusted());
        assertTrue(inside.notes().isEmpty());
        Calibration.Assessment outside = c.assess(0.3, OptionalDouble.of(0.99));
        assertFalse(outside.notes().isEmpty());
        assertTrue(outside.notes().get(0).contains("extrapolated"), outside.notes().toString());
        assertEquals(Threshold.Source.TRAINED_REFERENCES, inside.threshold().source());
        Calibration.Assessment unknown = c.assess(0.3, OptionalDouble.empty());
        assertFalse(unknown.adjusted(), "without the suspect's competence the plain null is used");
    }

    @Test
    void referencesOfOneCompetenceCannotSupportAFit() {
        double[] same = {0.9, 0.9, 0.9, 0.9, 0.9, 0.9};
        assertFalse(CompetenceAdjustedNull.supports(same));
        assertFalse(CompetenceAdjustedNull.supports(new double[] {0.8, 0.9, 0.85}), "too few");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CompetenceAdjustedNull.of(DISTANCE, same));
        assertTrue(e.getMessage().contains("spread"), e.getMessage());
        assertFalse(Calibration.ofDistances(DISTANCE, same, 0.05, Threshold.Source.REFERENCE_MODELS).adjustedNull().isPresent());
        assertThrows(IllegalArgumentException.class, () -> CompetenceAdjustedNull.of(new double[] {0.1, -1, 0.2, 0.3, 0.4},
                new double[] {0.8, 0.82, 0.84, 0.86, 0.88}));
        assertThrows(IllegalArgumentException.class, () -> CompetenceAdjustedNull.of(DISTANCE, new double[] {0.8, 0.9}));
    }
}
