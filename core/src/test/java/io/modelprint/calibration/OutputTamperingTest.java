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
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.FingerprintVerifier;
import io.modelprint.ImageBatch;
import io.modelprint.LabeledImages;
import io.modelprint.Model;
import io.modelprint.OutputKind;
import io.modelprint.TestModels;
import io.modelprint.Verdict;
import io.modelprint.VictimFingerprint;
import io.modelprint.evasion.Evasions;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Post-processed probabilities are seen for what they are, and a verdict on scores does not clear them. */
class OutputTamperingTest {

    private static final Model MODEL = TestModels.linear("suspect", 10, 1, OutputKind.PROBABILITIES);
    private static final ImageBatch QUERIES = TestModels.data(200, 10, 2).images();

    private static Optional<String> signs(Model m) {
        return OutputTampering.signs(m.predict(QUERIES));
    }

    @Test
    void aPlainSoftmaxShowsNoSign() {
        assertEquals(Optional.empty(), signs(MODEL));
        assertEquals(Optional.empty(), signs(TestModels.linear("logits", 10, 1, OutputKind.LOGITS)), "logits are not checked");
        assertEquals(Optional.empty(), signs(Evasions.topOneLabel(MODEL)), "labels are not checked");
    }

    @Test
    void roundingTruncationAndClippedNoiseAreSeen() {
        assertTrue(signs(Evasions.roundedProbabilities(MODEL, 2)).orElseThrow().contains("rounded"));
        assertTrue(signs(Evasions.roundedProbabilities(MODEL, 1)).orElseThrow().contains("rounded to 1 decimal"));
        assertTrue(signs(Evasions.topKProbabilities(MODEL, 3)).orElseThrow().contains("exactly 0"));
        assertTrue(signs(Evasions.gaussianNoise(MODEL, 0.01, 4)).isPresent());
        assertTrue(signs(Evasions.laplaceNoise(MODEL, 0.01, 4)).isPresent());
    }

    @Test
    void aTemperatureLeavesAValidSoftmaxAndCannotBeSeen() {
        assertEquals(Optional.empty(), signs(Evasions.temperature(MODEL, 3)));
    }

    @Test
    void aVerdictOnScoresCannotClearATamperedSuspectButOneOnLabelsIsUnmoved() {
        LabeledImages owner = TestModels.data(2000, 10, 3);
        Model victim = TestModels.linear("victim", 10, 5, OutputKind.PROBABILITIES);
        // a model of the victim's task that is not a copy: the victim's weights, much perturbed
        Model other = TestModels.perturbed("other", 10, 5, 0.3, 9, OutputKind.PROBABILITIES);
        Model rounded = Evasions.roundedProbabilities(other, 2);
        FingerprintVerifier onScores = FingerprintVerifier.using("error-profile").ownerData(owner).threshold(1e-9).build();
        VictimFingerprint fp = onScores.fingerprint(victim);
        Verdict plain = onScores.verify(fp, other);
        assertEquals(Verdict.Outcome.INDEPENDENT, plain.outcome(), plain.explanation());
        Verdict v = onScores.verify(fp, rounded);
        assertEquals(Verdict.Outcome.INCONCLUSIVE, v.outcome(), v.explanation());
        assertTrue(v.notes().stream().anyMatch(n -> n.contains("rounded") && n.contains("akh-excess")), v.notes().toString());

        FingerprintVerifier onLabels = FingerprintVerifier.using("akh-excess").ownerData(owner).threshold(1e-9).build();
        Verdict labels = onLabels.verify(onLabels.fingerprint(victim), rounded);
        assertEquals(Verdict.Outcome.INDEPENDENT, labels.outcome(), labels.explanation());
        assertFalse(labels.notes().stream().anyMatch(n -> n.contains("rounded")), labels.notes().toString());
    }
}
