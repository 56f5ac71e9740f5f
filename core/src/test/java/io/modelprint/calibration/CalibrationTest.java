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

import io.modelprint.FingerprintVerifier;
import io.modelprint.LabeledImages;
import io.modelprint.Model;
import io.modelprint.OutputKind;
import io.modelprint.Predictions;
import io.modelprint.TestModels;
import io.modelprint.Threshold;
import io.modelprint.Verdict;
import io.modelprint.VictimFingerprint;
import io.modelprint.scheme.FingerprintScheme;
import io.modelprint.scheme.Schemes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CalibrationTest {

    private static final LabeledImages OWNER = TestModels.data(300, 10, 42);
    private static final Model VICTIM = TestModels.linear("victim", 10, 1, OutputKind.LOGITS);

    private static List<Model> independents(int count) {
        List<Model> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(TestModels.linear("independent-" + i, 10, 200 + i, OutputKind.LOGITS));
        }
        return out;
    }

    @Test
    void explainsADistanceInWords() {
        Calibration c = Calibration.ofDistances(new double[] {0.20, 0.22, 0.18, 0.25, 0.21, 0.19, 0.23, 0.24,
                0.26, 0.20, 0.21, 0.22}, 0.05);
        String s = c.explain(0.012);
        assertTrue(s.startsWith("distance 0.0120; 0 of 12 independent models came this close (p = "), s);
        assertTrue(s.endsWith(String.format(Locale.ROOT, "threshold %.4f for FPR <= 5%%",
                c.threshold().value())), s);
        assertTrue(c.isStolen(0.012));
        assertFalse(c.isStolen(0.21));
        assertEquals(4, c.closerCount(0.20));
        assertEquals(5.0 / 13, c.empiricalPValue(0.20), 1e-12);
        assertEquals(Threshold.Source.REFERENCE_MODELS, c.threshold().source());
    }

    @Test
    void modelsAnswersAndDistancesGiveTheSameCalibration() {
        FingerprintScheme<?> scheme = Schemes.create("sac-m", Map.of("output", "logits"));
        VictimFingerprint fp = FingerprintVerifier.using(scheme).ownerData(OWNER).build().fingerprint(VICTIM);
        List<Model> refs = independents(6);
        Predictions victim = fp.victimAnswers();
        Calibration byModels = Calibration.ofModels(scheme, fp.querySet().inputs(), victim, refs, OutputKind.LOGITS,
                0.05);
        List<Predictions> answers = refs.stream().map(m -> m.predict(fp.querySet().inputs())).toList();
        Calibration byAnswers = Calibration.ofAnswers(scheme, victim, answers, OutputKind.LOGITS, 0.05);
        double[] d = answers.stream().mapToDouble(a -> scheme.distance(victim, a, OutputKind.LOGITS)).toArray();
        Calibration byDistances = Calibration.ofDistances(d, 0.05);
        assertEquals(byDistances.threshold(), byModels.threshold());
        assertEquals(byDistances.threshold(), byAnswers.threshold());
        assertEquals(6, byModels.referenceCount());
        assertEquals(200, refs.get(0).queryCount(), "queried once by ofModels and once by this test");
    }

    @Test
    void theVerifierUsesTheSameCalibration() {
        FingerprintScheme<?> scheme = Schemes.create("sac-m", Map.of("output", "logits"));
        List<Model> refs = independents(5);
        FingerprintVerifier verifier = FingerprintVerifier.using(scheme).ownerData(OWNER).references(refs).build();
        VictimFingerprint fp = verifier.fingerprint(VICTIM);
        Model copy = TestModels.perturbed("copy", 10, 1, 0.05, 9, OutputKind.LOGITS);
        Verdict v = verifier.verify(fp, copy);
        Calibration c = Calibration.ofAnswers(scheme, fp.victimAnswers(),
                fp.references().stream().map(VictimFingerprint.ReferenceAnswers::answers).toList(),
                OutputKind.LOGITS, FingerprintVerifier.DEFAULT_TARGET_FPR);
        assertEquals(c.threshold(), v.threshold().orElseThrow());
        assertEquals(c.pValue(v.distance()), v.pValue().orElseThrow(), 0);
        assertEquals(c.closerCount(v.distance()), v.references().orElseThrow().atLeastAsClose());
        assertTrue(v.stolen(), v.explanation());
    }

    @Test
    void badInputIsNamed() {
        IllegalArgumentException one = assertThrows(IllegalArgumentException.class,
                () -> Calibration.ofDistances(new double[] {0.1}, 0.05));
        assertTrue(one.getMessage().contains("at least 2"), one.getMessage());
        IllegalArgumentException fpr = assertThrows(IllegalArgumentException.class,
                () -> Calibration.ofDistances(new double[] {0.1, 0.2}, 1.5));
        assertTrue(fpr.getMessage().contains("1.5"), fpr.getMessage());
        FingerprintScheme<?> scheme = Schemes.create("sac-m");
        Model nine = TestModels.linear("nine", 9, 3, OutputKind.LOGITS);
        Predictions victim = VICTIM.predict(OWNER.images().slice(0, 10));
        IllegalArgumentException task = assertThrows(IllegalArgumentException.class,
                () -> Calibration.ofModels(scheme, OWNER.images().slice(0, 10), victim, List.of(nine, nine),
                        OutputKind.LOGITS, 0.05));
        assertTrue(task.getMessage().contains("nine answers 9 classes, the victim 10"), task.getMessage());
    }
}
