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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.Threshold;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class NullDistributionTest {

    @Test
    void needsAtLeastTwoReferences() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NullDistribution.of(new double[] {0.2}));
        assertTrue(e.getMessage().contains("at least 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NullDistribution.of(new double[] {0.2, Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> NullDistribution.of(new double[] {0.2, -0.1}));
    }

    @Property
    void theThresholdNeverJudgesMoreReferencesStolenThanTheTargetAllows(
            @ForAll @Size(min = 2, max = 60) double[] raw, @ForAll @DoubleRange(min = 0.01, max = 0.5) double fpr) {
        double[] d = Arrays.stream(raw).map(x -> Math.abs(x) % 1 + 1e-3).toArray();
        Threshold t = NullDistribution.of(d).threshold(fpr);
        long judgedStolen = Arrays.stream(d).filter(t::isStolen).count();
        assertTrue(judgedStolen <= Math.floor(fpr * d.length), judgedStolen + " of " + d.length);
        assertEquals(Threshold.Source.REFERENCE_MODELS, t.source());
    }

    @Property
    void pValuesGrowWithTheDistance(@ForAll @Size(min = 2, max = 30) double[] raw,
            @ForAll @DoubleRange(min = 0, max = 1) double a, @ForAll @DoubleRange(min = 0, max = 1) double b) {
        double[] d = Arrays.stream(raw).map(x -> Math.abs(x) % 1 + 1e-3).toArray();
        NullDistribution nd = NullDistribution.of(d);
        double lo = Math.min(a, b);
        double hi = Math.max(a, b);
        assertTrue(nd.pValue(lo) <= nd.pValue(hi));
        assertTrue(nd.empiricalPValue(lo) <= nd.empiricalPValue(hi));
        assertTrue(nd.empiricalPValue(lo) >= 1.0 / (d.length + 1));
    }

    @Test
    void aDistanceFarBelowTheReferencesIsUnlikely() {
        NullDistribution nd = NullDistribution.of(new double[] {0.20, 0.22, 0.18, 0.25, 0.21, 0.19});
        assertTrue(nd.pValue(0.02) < 1e-4, "p = " + nd.pValue(0.02));
        assertTrue(nd.pValue(0.21) > 0.3);
        assertEquals(0, nd.countAtOrBelow(0.1));
        assertEquals(3, nd.countAtOrBelow(0.20));
        Threshold t = nd.threshold(0.05);
        assertTrue(t.value() < 0.18 && t.value() > 0.1, "threshold " + t.value());
    }
}
