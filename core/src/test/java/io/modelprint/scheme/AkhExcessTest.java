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
package io.modelprint.scheme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.FingerprintVerifier;
import io.modelprint.LabeledImages;
import io.modelprint.Model;
import io.modelprint.OutputKind;
import io.modelprint.ProgressListener;
import io.modelprint.QuerySet;
import io.modelprint.TestModels;
import io.modelprint.VictimFingerprint;
import io.modelprint.fingerprint.LabelFingerprint;
import io.modelprint.query.MistakesAndControls;
import io.modelprint.query.SampleSelection;
import io.modelprint.verifier.ExcessMismatch;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The laws of {@link ExcessMismatch} and the contract of {@link MistakesAndControls}. */
class AkhExcessTest {

    private static final LabeledImages OWNER = TestModels.data(600, 10, 7);
    private static final Model VICTIM = TestModels.linear("victim", 10, 1, OutputKind.LOGITS);

    private static LabelFingerprint random(int n, int classes, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] l = new int[n];
        for (int i = 0; i < n; i++) {
            l[i] = r.nextInt(classes);
        }
        return new LabelFingerprint("akh-excess", l, classes);
    }

    @Property
    void identicalFingerprintsAreAtZero(@ForAll @IntRange(min = 1, max = 50) int mistakes,
                                        @ForAll @IntRange(min = 1, max = 50) int controls, @ForAll long seed) {
        LabelFingerprint a = random(mistakes + controls, 10, seed);
        assertEquals(0.0, new ExcessMismatch(mistakes).distance(a, a));
    }

    @Property
    void symmetricAndWithinZeroAndOne(@ForAll @IntRange(min = 1, max = 50) int mistakes,
                                      @ForAll @IntRange(min = 1, max = 50) int controls,
                                      @ForAll @IntRange(min = 1, max = 12) int classes, @ForAll long seed) {
        LabelFingerprint a = random(mistakes + controls, classes, seed);
        LabelFingerprint b = random(mistakes + controls, classes, seed + 1);
        ExcessMismatch d = new ExcessMismatch(mistakes);
        double ab = d.distance(a, b);
        assertEquals(ab, d.distance(b, a));
        assertTrue(ab >= 0 && ab <= 1, "distance " + ab);
    }

    @Property
    void equalsMismatchOnMistakesMinusMismatchOnControlsClippedAtZero(
            @ForAll @IntRange(min = 1, max = 40) int mistakes, @ForAll @IntRange(min = 1, max = 40) int controls,
            @ForAll long seed) {
        LabelFingerprint a = random(mistakes + controls, 3, seed);
        LabelFingerprint b = random(mistakes + controls, 3, seed ^ 0x5DEECE66DL);
        int m = 0;
        int c = 0;
        for (int i = 0; i < mistakes + controls; i++) {
            if (a.labels()[i] != b.labels()[i]) {
                if (i < mistakes) {
                    m++;
                } else {
                    c++;
                }
            }
        }
        double expected = Math.max(0, (double) m / mistakes - (double) c / controls);
        assertEquals(expected, new ExcessMismatch(mistakes).distance(a, b), 1e-12);
    }

    @Property
    void invariantWhenQueriesArePermutedWithinEachBlock(@ForAll @IntRange(min = 2, max = 30) int mistakes,
                                                         @ForAll @IntRange(min = 2, max = 30) int controls,
                                                         @ForAll long seed) {
        int n = mistakes + controls;
        LabelFingerprint a = random(n, 10, seed);
        LabelFingerprint b = random(n, 10, seed + 7);
        int[] perm = new int[n];
        SplittableRandom r = new SplittableRandom(seed);
        int[] pm = SampleSelection.RANDOM.choose(mistakes, mistakes, r);
        int[] pc = SampleSelection.RANDOM.choose(controls, controls, r);
        for (int i = 0; i < mistakes; i++) {
            perm[i] = pm[i];
        }
        for (int i = 0; i < controls; i++) {
            perm[mistakes + i] = mistakes + pc[i];
        }
        int[] ap = new int[n];
        int[] bp = new int[n];
        for (int i = 0; i < n; i++) {
            ap[i] = a.labels()[perm[i]];
            bp[i] = b.labels()[perm[i]];
        }
        ExcessMismatch d = new ExcessMismatch(mistakes);
        assertEquals(d.distance(a, b), d.distance(new LabelFingerprint("akh-excess", ap, 10),
                new LabelFingerprint("akh-excess", bp, 10)), 1e-12);
    }

    @Test
    void fingerprintsWithoutControlsOrOfOtherTasksAreRejected() {
        ExcessMismatch d = new ExcessMismatch(10);
        LabelFingerprint ten = random(10, 10, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.distance(ten, ten));
        assertTrue(e.getMessage().contains("no control labels"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> d.distance(random(20, 10, 1), random(20, 5, 1)));
        assertThrows(IllegalArgumentException.class, () -> new ExcessMismatch(0));
    }

    @Test
    void queriesAreTheVictimsMistakesThenSamplesItGetsRightAndDeterministicBySeed() {
        MistakesAndControls b = new MistakesAndControls(new MistakesAndControls.Config(50, 20, SampleSelection.RANDOM));
        QuerySet q = b.build(VICTIM, OWNER, 5, ProgressListener.NONE);
        assertEquals(50, q.size());
        int[] labels = VICTIM.predict(q.inputs()).labels();
        int[] truth = new int[50];
        // find each query's owner sample to read its true label
        float[] all = OWNER.images().pixels();
        int d = OWNER.images().shape().size();
        for (int i = 0; i < 50; i++) {
            float[] img = Arrays.copyOfRange(q.inputs().pixels(), i * d, (i + 1) * d);
            for (int s = 0; s < OWNER.size(); s++) {
                if (Arrays.equals(img, Arrays.copyOfRange(all, s * d, (s + 1) * d))) {
                    truth[i] = OWNER.labels()[s];
                    break;
                }
            }
        }
        for (int i = 0; i < 50; i++) {
            assertEquals(i >= 30, labels[i] == truth[i], "query " + i);
        }
        assertEquals(q.sha256(), b.build(VICTIM, OWNER, 5, ProgressListener.NONE).sha256());
        assertNotEquals(q.sha256(), b.build(VICTIM, OWNER, 6, ProgressListener.NONE).sha256());
    }

    @Test
    void tooFewSamplesOfEitherKindGetAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MistakesAndControls(new MistakesAndControls.Config(600, 590, SampleSelection.FIRST))
                        .build(VICTIM, OWNER, 1, ProgressListener.NONE));
        assertTrue(e.getMessage().contains("590 correctly classified"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new MistakesAndControls.Config(5, 5, SampleSelection.FIRST));
        assertThrows(IllegalArgumentException.class, () -> new MistakesAndControls.Config(5, 0, SampleSelection.FIRST));
    }

    @Test
    void theSchemeIsFoundByNameWithItsDefaultsAndALabelFingerprint() {
        FingerprintScheme<?> s = Schemes.create("akh-excess", Map.of("queries", "60", "controls", "20"));
        assertEquals("akh-excess", s.name());
        assertEquals(OutputKind.LABELS, s.preferredRepresentation());
        assertEquals(Map.of("queries", "60", "controls", "20", "selection", "first"), s.parameters());
        assertEquals(Map.of("queries", "450", "controls", "150", "selection", "first"),
                Schemes.create("akh-excess").parameters());
        QuerySet q = s.queryBuilder().build(VICTIM, OWNER, 3, ProgressListener.NONE);
        assertEquals(60, q.size(), "'queries' counts mistakes and controls");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Schemes.create("akh-excess", Map.of("queries", "50", "controls", "50")));
        assertTrue(e.getMessage().contains("controls"), e.getMessage());
    }

    @Test
    void combinesWithOtherSchemesUnderCombined() {
        FingerprintScheme<?> both = Schemes.create("combined", Map.of("schemes", "sac-m,akh-excess",
                "sac-m.queries", "20", "akh-excess.queries", "60", "akh-excess.controls", "20"));
        FingerprintVerifier v = FingerprintVerifier.using(both).ownerData(OWNER).build();
        VictimFingerprint fp = v.fingerprint(VICTIM);
        assertEquals(80, fp.querySet().size());
        assertEquals(0.0, v.verify(fp, VICTIM).distance());
    }
}
