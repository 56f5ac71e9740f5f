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
package io.modelprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.kernel.Matrix;
import io.modelprint.scheme.DefaultThresholds;
import io.modelprint.scheme.FingerprintScheme;
import io.modelprint.scheme.Schemes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FingerprintVerifierTest {

    private static final LabeledImages OWNER = TestModels.data(300, 10, 42);
    private static final Model VICTIM = TestModels.linear("victim", 10, 1, OutputKind.LOGITS);

    private static FingerprintVerifier.Builder sacM(String... params) {
        Map<String, String> p = new HashMap<>();
        for (int i = 0; i < params.length; i += 2) {
            p.put(params[i], params[i + 1]);
        }
        return FingerprintVerifier.using(Schemes.create("sac-m", p)).ownerData(OWNER);
    }

    /** A model of the victim's task trained "independently": the task's weights plus its own noise, as large. */
    private static Model independent(String name, long seed) {
        return TestModels.perturbed(name, 10, 1, 0.8, seed, OutputKind.LOGITS);
    }

    private static List<Model> independents(int count, long firstSeed) {
        List<Model> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(independent("independent-" + i, firstSeed + i));
        }
        return out;
    }

    @Test
    void theVictimItselfIsAtDistanceZero() {
        Verdict v = sacM().build().verify(VICTIM, VICTIM);
        assertEquals(0.0, v.distance(), 1e-9);
        assertTrue(v.stolen());
        assertEquals(Threshold.Source.MEASURED_DEFAULT, v.threshold().orElseThrow().source());
        assertEquals(100, v.suspectQueries());
    }

    @Test
    void referencesCalibrateTheThresholdAndGiveAPValue() {
        FingerprintVerifier verifier = sacM("output", "logits").references(independents(8, 100)).build();
        VictimFingerprint fp = verifier.fingerprint(VICTIM);
        Model copy = TestModels.perturbed("copy", 10, 1, 0.05, 9, OutputKind.LOGITS);
        Verdict stolen = verifier.verify(fp, copy);
        Verdict independent = verifier.verify(fp, independent("stranger", 999));
        assertTrue(stolen.stolen(), stolen.explanation());
        assertFalse(independent.stolen(), independent.explanation());
        assertEquals(Threshold.Source.REFERENCE_MODELS, stolen.threshold().orElseThrow().source());
        assertEquals(8, stolen.references().orElseThrow().count());
        assertEquals(0, stolen.references().orElseThrow().atLeastAsClose());
        assertTrue(stolen.pValue().orElseThrow() < 0.01, "p = " + stolen.pValue());
        assertTrue(independent.pValue().orElseThrow() > stolen.pValue().orElseThrow());
        assertTrue(stolen.explanation().contains("0 of 8 independent models came this close"), stolen.explanation());
        // a suspect is cleared only where independent models commonly lie; closer, it is inconclusive
        int cleared = 0;
        for (int seed = 999; seed < 1011; seed++) {
            Verdict v = verifier.verify(fp, independent("stranger " + seed, seed));
            double p = v.pValue().orElseThrow();
            assertFalse(v.stolen(), v.explanation());
            if (v.notes().stream().anyMatch(n -> n.contains("cannot be judged"))) {
                continue;   // not a working model of the victim's task (SuspectScreen)
            }
            if (p >= FingerprintVerifier.MIN_CLEARING_P_VALUE) {
                assertEquals(Verdict.Outcome.INDEPENDENT, v.outcome(), v.explanation());
                cleared++;
            } else {
                assertEquals(Verdict.Outcome.INCONCLUSIVE, v.outcome(), v.explanation());
                assertTrue(v.notes().stream().anyMatch(n -> n.contains("may be a student")), v.notes().toString());
            }
        }
        assertTrue(cleared > 0, "some independent model lies where independent models commonly do");
    }

    @Test
    void aUserThresholdOverridesTheDefault() {
        Verdict v = sacM().threshold(0.0).build().verify(VICTIM, VICTIM);
        assertFalse(v.stolen(), "distance 0 is not below threshold 0");
        assertEquals(Threshold.Source.USER, v.threshold().orElseThrow().source());
    }

    @Test
    void sameSeedGivesTheSameFingerprint() {
        FingerprintVerifier a = sacM("selection", "random").seed(5).build();
        VictimFingerprint f1 = a.fingerprint(VICTIM);
        VictimFingerprint f2 = a.fingerprint(VICTIM);
        assertEquals(f1.querySet().sha256(), f2.querySet().sha256());
        assertEquals(f1.victimAnswers(), f2.victimAnswers());
        VictimFingerprint f3 = sacM("selection", "random").seed(6).build().fingerprint(VICTIM);
        assertFalse(f1.querySet().sha256().equals(f3.querySet().sha256()));
    }

    @Test
    void theRepresentationFollowsWhatTheSuspectCanGive() {
        FingerprintVerifier verifier = sacM("output", "logits").build();
        VictimFingerprint fp = verifier.fingerprint(VICTIM);
        assertEquals(OutputKind.LOGITS, verifier.verify(fp, VICTIM).representation());
        assertEquals(OutputKind.PROBABILITIES, verifier.verify(fp, Models.probabilitiesOnly(VICTIM)).representation());
        Verdict labels = verifier.verify(fp, Models.labelsOnly(VICTIM));
        assertEquals(OutputKind.LABELS, labels.representation());
        assertEquals(0.0, labels.distance(), 1e-9);
    }

    @Test
    void suspectsAreCountedAndCostsReported() {
        Model suspect = TestModels.linear("s", 10, 3, OutputKind.PROBABILITIES);
        Verdict v = sacM().build().verify(VICTIM, suspect);
        assertEquals(100, v.suspectQueries());
        assertEquals(100, suspect.queryCount());
        assertFalse(v.costs().suspectFingerprint().isNegative());
    }

    @Test
    void aSuspectWithAnotherImageShapeIsRejected() {
        Model other = Models.of("rgb", new ImageShape(3, 16, 16), 10, OutputKind.LOGITS,
                b -> Predictions.ofScores(OutputKind.LOGITS, Matrix.zeros(b.count(), 10)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> sacM().build().verify(VICTIM, other));
        assertTrue(e.getMessage().contains("3x16x16") && e.getMessage().contains("1x16x16"), e.getMessage());
    }

    @Test
    void aSuspectWithAnotherClassCountIsRejected() {
        Model nine = TestModels.linear("nine", 9, 3, OutputKind.LOGITS);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> sacM().build().verify(VICTIM, nine));
        assertTrue(e.getMessage().contains("answers 9 classes, victim victim 10"), e.getMessage());
        // a transferred model may be checked on purpose
        Verdict v = sacM().allowDifferentClassCounts(true).build().verify(VICTIM, nine);
        assertTrue(v.distance() >= 0);
    }

    @Test
    void nanOutputsAreReportedAsAModelFailure() {
        Model broken = Models.of("broken", TestModels.SHAPE, 10, OutputKind.LOGITS, b -> {
            float[] z = new float[b.count() * 10];
            z[3] = Float.NaN;
            return Predictions.ofScores(OutputKind.LOGITS, Matrix.of(b.count(), 10, z));
        });
        ModelException e = assertThrows(ModelException.class, () -> sacM().build().verify(VICTIM, broken));
        assertTrue(e.getMessage().contains("broken") && e.getMessage().contains("NaN"), e.getMessage());
    }

    @Test
    void aModelThatAnswersTheWrongNumberOfRowsIsRejected() {
        Model shortAnswer = Models.of("short", TestModels.SHAPE, 10, OutputKind.LOGITS,
                b -> Predictions.ofScores(OutputKind.LOGITS, Matrix.zeros(b.count() - 1, 10)));
        ModelException e = assertThrows(ModelException.class, () -> sacM().build().verify(VICTIM, shortAnswer));
        assertTrue(e.getMessage().contains("answered 99 rows for 100 images"), e.getMessage());
    }

    @Test
    void emptyAndOneSampleQuerySetsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Schemes.create("sac-m", Map.of("queries", "1")));
        ImageBatch one = OWNER.images().slice(0, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> QuerySet.of(one, "test", Map.of(), 0));
        assertTrue(e.getMessage().contains("at least 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> VICTIM.predict(OWNER.images().slice(0, 0)));
    }

    @Test
    void aFingerprintFromAnotherSchemeOrOtherParametersIsRejected() {
        VictimFingerprint fp = sacM().build().fingerprint(VICTIM);
        IllegalArgumentException params = assertThrows(IllegalArgumentException.class,
                () -> sacM("queries", "50").build().verify(fp, VICTIM));
        assertTrue(params.getMessage().contains("forFingerprint"), params.getMessage());
        FingerprintScheme<?> sac = Schemes.create("sac-m");
        FingerprintScheme<?> other = renamed(sac, "other");
        IllegalArgumentException scheme = assertThrows(IllegalArgumentException.class,
                () -> FingerprintVerifier.using(other).build().verify(fp, VICTIM));
        assertTrue(scheme.getMessage().contains("made by scheme sac-m but this verifier runs other"),
                scheme.getMessage());
        // the stored fingerprint knows its scheme
        assertEquals(0.0, FingerprintVerifier.forFingerprint(fp).build().verify(fp, VICTIM).distance(), 1e-9);
    }

    @Test
    void referencesGivenToTheVerifierCalibrateAStoredFingerprintWithoutThem() {
        VictimFingerprint stored = sacM("output", "logits").build().fingerprint(VICTIM);
        assertTrue(stored.references().isEmpty());
        FingerprintVerifier calibrated = sacM("output", "logits").references(independents(6, 100)).build();
        Verdict v = calibrated.verify(stored, TestModels.perturbed("copy", 10, 1, 0.05, 9, OutputKind.LOGITS));
        assertEquals(Threshold.Source.REFERENCE_MODELS, v.threshold().orElseThrow().source());
        assertEquals(6, v.references().orElseThrow().count());
        assertTrue(v.stolen(), v.explanation());
    }

    @Test
    void aMissingDefaultThresholdGivesAnInconclusiveVerdictThatSaysSo() {
        // a scheme without a measured default, no references and no trainer: no threshold can be set
        FingerprintScheme<?> s = unmeasured(Schemes.create("sac-w", Map.of("output", "probabilities", "queries", "20")));
        VictimFingerprint fp = FingerprintVerifier.using(s).ownerData(OWNER).threshold(1).build().fingerprint(VICTIM);
        Model api = Models.probabilitiesOnly(TestModels.linear("api", 10, 5, OutputKind.LOGITS));
        Verdict v = FingerprintVerifier.using(s).build().verify(fp, api);
        assertEquals(Verdict.Outcome.INCONCLUSIVE, v.outcome());
        assertTrue(v.threshold().isEmpty());
        assertTrue(v.explanation().contains("no default threshold was measured"), v.explanation());
    }

    @Test
    void aDefaultThresholdIsNeverUsedForParametersItWasNotMeasuredWith() {
        FingerprintScheme<?> measured = Schemes.create("sac-m");
        FingerprintScheme<?> other = Schemes.create("sac-m", Map.of("queries", "60"));
        assertTrue(measured.defaultThreshold(OutputKind.LOGITS).isPresent());
        assertTrue(other.defaultThreshold(OutputKind.LOGITS).isEmpty(), "measured for 100 queries, not 60");
        Verdict v = FingerprintVerifier.using(other).ownerData(OWNER).build().verify(VICTIM, VICTIM);
        assertEquals(Verdict.Outcome.INCONCLUSIVE, v.outcome(), "even the victim itself is not judged without a threshold");
        assertTrue(v.explanation().contains("measured for"), v.explanation());
        assertTrue(v.explanation().contains("queries=100"), v.explanation());
    }

    @Test
    void aSchemeMayHaveDefaultsForSeveralParameterSetsAndOnlyThoseAreUsed() {
        Threshold at450 = Schemes.create("akh-excess").defaultThreshold(OutputKind.LABELS).orElseThrow();
        Threshold at500 = Schemes.create("akh-excess", Map.of("queries", "500", "controls", "200"))
                .defaultThreshold(OutputKind.LABELS).orElseThrow();
        assertTrue(at500.description().contains("200 controls"), at500.description());
        assertTrue(at450.description().contains("150 controls"), at450.description());
        assertTrue(Schemes.create("akh-excess", Map.of("queries", "500", "controls", "150"))
                .defaultThreshold(OutputKind.LABELS).isEmpty(), "measured for 500/200 and 450/150, not 500/150");
        String both = DefaultThresholds.measuredParameters("akh-excess", OutputKind.LABELS).orElseThrow();
        assertTrue(both.contains("queries=450") && both.contains("queries=500"), both);
    }

    @Test
    void aMeasuredDefaultConfirmsACopyButNeverClearsASuspect() {
        Verdict copy = sacM().build().verify(VICTIM, VICTIM);
        assertEquals(Verdict.Outcome.STOLEN, copy.outcome());
        Verdict stranger = sacM().build().verify(VICTIM, independent("stranger", 999));
        assertEquals(Verdict.Outcome.INCONCLUSIVE, stranger.outcome(), stranger.explanation());
        assertTrue(stranger.explanation().contains("cannot clear a suspect"), stranger.explanation());
    }

    /** {@code s} under another name. */
    private static <F extends Fingerprint> FingerprintScheme<F> renamed(FingerprintScheme<F> s, String name) {
        return new FingerprintScheme<>(name, s.parameters(), s.queryBuilder(), s.extractors(), s.verifier(),
                s.preferredRepresentation(), s.defaultThresholds());
    }

    /** {@code s} under a name that has no entry in the default-threshold table. */
    private static <F extends Fingerprint> FingerprintScheme<F> unmeasured(FingerprintScheme<F> s) {
        return new FingerprintScheme<>("unmeasured", s.parameters(), s.queryBuilder(), s.extractors(), s.verifier(),
                s.preferredRepresentation(), rep -> DefaultThresholds.forScheme("unmeasured", s.parameters(), rep));
    }

    @Test
    void parametersIterateInNameOrderSoStoredFingerprintsAreReproducible() {
        VictimFingerprint fp = sacM().build().fingerprint(VICTIM);
        List<String> names = new ArrayList<>(fp.provenance().parameters().keySet());
        List<String> sorted = new ArrayList<>(names);
        Collections.sort(sorted);
        assertEquals(sorted, names);
        List<String> queryNames = new ArrayList<>(fp.querySet().parameters().keySet());
        List<String> querySorted = new ArrayList<>(queryNames);
        Collections.sort(querySorted);
        assertEquals(querySorted, queryNames);
    }

    @Test
    void fingerprintingWithoutOwnerDataSaysWhatIsMissing() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> FingerprintVerifier.sacM().build().fingerprint(VICTIM));
        assertTrue(e.getMessage().contains("ownerData"), e.getMessage());
    }

    @Test
    void unknownSchemesAndParametersAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Schemes.create("sac-x"));
        assertTrue(e.getMessage().contains("sac-m"), e.getMessage());
        IllegalArgumentException p = assertThrows(IllegalArgumentException.class,
                () -> Schemes.create("sac-m", Map.of("querys", "5")));
        assertTrue(p.getMessage().contains("querys") && p.getMessage().contains("queries"), p.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Schemes.create("sac-m", Map.of("queries", "many")));
    }
}
