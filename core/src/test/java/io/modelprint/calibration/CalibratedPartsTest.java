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

import io.modelprint.FingerprintVerifier;
import io.modelprint.LabeledImages;
import io.modelprint.Model;
import io.modelprint.Models;
import io.modelprint.OutputKind;
import io.modelprint.Predictions;
import io.modelprint.TestModels;
import io.modelprint.Threshold;
import io.modelprint.Verdict;
import io.modelprint.VictimFingerprint;
import io.modelprint.kernel.Matrix;
import io.modelprint.scheme.FingerprintScheme;
import io.modelprint.scheme.Schemes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A combination of schemes with control queries, calibrated part by part: each part is judged by
 * the references as its own verifier would judge it, and the combination convicts when any part
 * does, clears only when every part does.
 */
class CalibratedPartsTest {

    private static final int CLASSES = 10;
    private static final LabeledImages OWNER = TestModels.taskData(4000, CLASSES, 1, 0.1, 42);
    private static final double[] VICTIM_WEIGHTS = TestModels.perturbedWeights(CLASSES, 1, 0.5, 2);
    private static final Model VICTIM = TestModels.linear("victim", CLASSES, VICTIM_WEIGHTS, OutputKind.LOGITS);
    private static final String PARTS = "akh-excess,error-profile";

    private static FingerprintVerifier verifier(String scheme, long seed) {
        FingerprintScheme<?> s = scheme.equals("combined") ? Schemes.create("combined", Map.of("schemes", PARTS))
                : Schemes.create(scheme);
        return FingerprintVerifier.using(s).ownerData(OWNER).referenceTrainer(new SelfCalibrationTest.FakeTrainer())
                .seed(seed).build();
    }

    private static List<Model> suspects() {
        List<Model> out = new ArrayList<>();
        out.add(TestModels.derived("copy", CLASSES, VICTIM_WEIGHTS, 0.05, 9, OutputKind.PROBABILITIES));
        out.add(TestModels.derived("student", CLASSES, VICTIM_WEIGHTS, 0.3, 10, OutputKind.LOGITS));
        for (int k = 0; k < 4; k++) {
            out.add(TestModels.perturbed("stranger-" + k, CLASSES, 1, 0.4 + 0.05 * k, 700 + k, OutputKind.LOGITS));
        }
        return out;
    }

    @Test
    void theCombinationHasItsComponentsAsPartsOnlyWhenEveryOneHasControls() {
        assertEquals(2, Schemes.create("combined", Map.of("schemes", PARTS)).parts().size());
        assertEquals(2, Schemes.create("combined", Map.of("schemes", "akh-excess+error-profile")).parts().size(),
                "+ separates schemes where a comma cannot");
        assertTrue(Schemes.create("combined").parts().isEmpty(), "sac-m has no controls: the default combination is one score");
    }

    @Test
    void aCopyIsStolenStrangersAreClearedAndTheSameSeedGivesTheSameVerdicts() {
        FingerprintVerifier v = verifier("combined", 21);
        VictimFingerprint fp = v.fingerprint(VICTIM);
        assertTrue(fp.references().stream().allMatch(VictimFingerprint.ReferenceAnswers::trained),
                "a combination of parts with controls trains its own references");
        Verdict copy = v.verify(fp, suspects().get(0));
        assertEquals(Verdict.Outcome.STOLEN, copy.outcome(), copy.explanation());
        assertTrue(copy.distance() < copy.threshold().orElseThrow().value(), copy.explanation());
        assertTrue(copy.notes().stream().anyMatch(n -> n.startsWith("decided by")), copy.notes().toString());
        Verdict stranger = v.verify(fp, suspects().get(5));
        assertEquals(Verdict.Outcome.INDEPENDENT, stranger.outcome(), stranger.explanation());
        assertTrue(stranger.distance() >= stranger.threshold().orElseThrow().value(), stranger.explanation());
        FingerprintVerifier again = verifier("combined", 21);
        VictimFingerprint fp2 = again.fingerprint(VICTIM);
        assertEquals(fp.querySet().sha256(), fp2.querySet().sha256());
        Verdict copy2 = again.verify(fp2, suspects().get(0));
        assertEquals(copy.distance(), copy2.distance(), 0);
        assertEquals(copy.pValue(), copy2.pValue());
    }

    @Test
    void eachPartDecidesAsItsOwnVerifierWouldAndTheCombinationConvictsWhenAnyPartDoes() {
        FingerprintVerifier both = verifier("combined", 22);
        FingerprintVerifier excess = verifier("akh-excess", 22);
        FingerprintVerifier profile = verifier("error-profile", 22);
        for (Model s : suspects()) {
            Verdict b = both.verify(VICTIM, s);
            Verdict x = excess.verify(VICTIM, s);
            Verdict p = profile.verify(VICTIM, s);
            String all = b.explanation() + " | " + x.explanation() + " | " + p.explanation();
            assertEquals(x.stolen() || p.stolen(), b.stolen(), all);
            boolean bothClear = x.outcome() == Verdict.Outcome.INDEPENDENT && p.outcome() == Verdict.Outcome.INDEPENDENT;
            assertEquals(bothClear, b.outcome() == Verdict.Outcome.INDEPENDENT, all);
            double pb = b.pValue().orElseThrow();
            assertTrue(pb == x.pValue().orElseThrow() || pb == p.pValue().orElseThrow(),
                    "the combination's p-value is its deciding part's: " + all);
            // the distance is on akh-excess's scale: its own, or error-profile's share of its threshold times akh-excess's
            double tx = x.threshold().orElseThrow().value();
            double scaled = tx * Math.min(x.distance() / tx, p.distance() / p.threshold().orElseThrow().value());
            assertEquals(scaled, b.distance(), 1e-9, all);
            assertEquals(tx, b.threshold().orElseThrow().value(), 1e-12, all);
            assertEquals(x.suspectQueries() + p.suspectQueries(), b.suspectQueries());
        }
    }

    @Test
    void componentsThatChooseTheSameQueriesAreAskedThemOnce() {
        Map<String, String> shared = Map.of("schemes", PARTS, "shared-queries", "true", "akh-excess.queries", "500",
                "akh-excess.controls", "200");
        FingerprintVerifier once = FingerprintVerifier.using(Schemes.create("combined", shared)).ownerData(OWNER)
                .referenceTrainer(new SelfCalibrationTest.FakeTrainer()).seed(25).build();
        FingerprintVerifier excess = FingerprintVerifier.using(Schemes.create("akh-excess", Map.of("queries", "500",
                "controls", "200"))).ownerData(OWNER).referenceTrainer(new SelfCalibrationTest.FakeTrainer()).seed(25).build();
        FingerprintVerifier profile = verifier("error-profile", 25);
        for (Model s : suspects()) {
            Verdict b = once.verify(VICTIM, s);
            Verdict x = excess.verify(VICTIM, s);
            Verdict p = profile.verify(VICTIM, s);
            assertEquals(500, b.suspectQueries(), b.explanation());
            assertEquals(x.stolen() || p.stolen(), b.stolen(), b.explanation() + " | " + x.explanation() + " | "
                    + p.explanation());
        }
        // components that choose other samples cannot share: named, with the fix
        FingerprintScheme<?> mismatched = Schemes.create("combined", Map.of("schemes", PARTS, "shared-queries", "true"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> mismatched.queryBuilder().build(VICTIM, OWNER, 1, io.modelprint.ProgressListener.NONE));
        assertTrue(e.getMessage().contains("chose other queries") && e.getMessage().contains("shared-queries=false"),
                e.getMessage());
    }

    @Test
    void theDefaultSchemeIsBothPartsOnOneQuerySetAndRoundTripsThroughItsFingerprint() {
        FingerprintScheme<?> s = Schemes.create(FingerprintVerifier.DEFAULT_SCHEME);
        assertEquals("excess-profile", s.name());
        assertEquals(List.of("akh-excess", "error-profile"), s.parts().schemes().stream().map(FingerprintScheme::name).toList());
        assertEquals(500, s.queryBuilder().size());
        assertEquals("true", s.parameters().get("shared-queries"));
        FingerprintVerifier v = FingerprintVerifier.defaults().ownerData(OWNER)
                .referenceTrainer(new SelfCalibrationTest.FakeTrainer()).seed(26).build();
        VictimFingerprint fp = v.fingerprint(VICTIM);
        Verdict first = v.verify(fp, suspects().get(1));
        Verdict again = FingerprintVerifier.forFingerprint(fp).build().verify(fp, suspects().get(1));
        assertEquals(first.outcome(), again.outcome(), again.explanation());
        assertEquals(first.distance(), again.distance(), 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Schemes.create("excess-profile", Map.of("schemes", "akh,sac-m")));
        assertTrue(e.getMessage().contains("fixes schemes"), e.getMessage());
        // the components' own parameters may be given with their prefix
        assertEquals("250", Schemes.create("excess-profile", Map.of("error-profile.mistakes", "250",
                "akh-excess.queries", "450")).parameters().get("error-profile.mistakes"));
    }

    @Test
    void withoutReferencesAPartsMeasuredDefaultConfirmsACloseCopyAndNothingIsCleared() {
        FingerprintVerifier v = FingerprintVerifier.defaults().ownerData(OWNER).selfCalibrate(false).build();
        VictimFingerprint fp = v.fingerprint(VICTIM);
        Verdict copy = v.verify(fp, TestModels.linear("exact copy", CLASSES, VICTIM_WEIGHTS, OutputKind.LOGITS));
        assertEquals(Verdict.Outcome.STOLEN, copy.outcome(), copy.explanation());
        assertEquals(Threshold.Source.MEASURED_DEFAULT, copy.threshold().orElseThrow().source());
        for (Model s : suspects().subList(2, 6)) {
            Verdict u = v.verify(fp, s);
            assertEquals(Verdict.Outcome.INCONCLUSIVE, u.outcome(), u.explanation());
            assertTrue(u.notes().stream().anyMatch(n -> n.contains("no default threshold was measured for error-profile")),
                    u.notes().toString());
        }
        // a threshold the user gives applies to the combined scale, on the parts with a measured default
        Verdict fixed = FingerprintVerifier.defaults().ownerData(OWNER).threshold(1.0).build().verify(VICTIM,
                TestModels.linear("exact copy", CLASSES, VICTIM_WEIGHTS, OutputKind.LOGITS));
        assertEquals(Verdict.Outcome.STOLEN, fixed.outcome(), fixed.explanation());
    }

    @Test
    void withFewerReferencesThanAnAccuracyAdjustedThresholdNeedsThePartOnScoresCannotConvict() {
        List<Model> four = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            four.add(TestModels.perturbed("reference-" + k, CLASSES, 1, 0.35 + 0.05 * k, 900 + k, OutputKind.LOGITS));
        }
        FingerprintVerifier v = FingerprintVerifier.using(Schemes.create("combined", Map.of("schemes", PARTS)))
                .ownerData(OWNER).references(four).seed(27).build();
        FingerprintVerifier excess = FingerprintVerifier.akhExcess().ownerData(OWNER).references(four).seed(27).build();
        boolean held = false;
        for (Model s : suspects()) {
            Verdict b = v.verify(VICTIM, s);
            Verdict x = excess.verify(VICTIM, s);
            assertEquals(x.stolen(), b.stolen(), b.explanation());
            assertTrue(b.distance() >= 0 && b.threshold().isPresent(), b.explanation());
            held |= b.explanation().contains("cannot be set for the suspect's accuracy");
        }
        assertTrue(held, "the premise: error-profile alone would have convicted a suspect");
    }

    @Test
    void aLabelOnlySuspectIsJudgedByThePartsMadeForLabels() {
        Model labels = TestModels.derived("label-api", CLASSES, VICTIM_WEIGHTS, 0.3, 10, OutputKind.LABELS);
        Verdict b = verifier("combined", 23).verify(VICTIM, labels);
        Verdict x = verifier("akh-excess", 23).verify(VICTIM, labels);
        assertEquals(x.outcome(), b.outcome(), b.explanation());
        assertEquals(x.pValue(), b.pValue());
        assertTrue(b.notes().stream().anyMatch(n -> n.contains("only [akh-excess]")), b.notes().toString());
    }

    @Test
    void aConstantSuspectIsNeverJudged() {
        Model constant = Models.of("constant", TestModels.SHAPE, CLASSES, OutputKind.LOGITS,
                batch -> Predictions.ofScores(OutputKind.LOGITS, Matrix.oneHot(new int[batch.count()], CLASSES)));
        Verdict v = verifier("combined", 24).verify(VICTIM, constant);
        assertEquals(Verdict.Outcome.INCONCLUSIVE, v.outcome(), v.explanation());
        assertTrue(v.explanation().contains("not a working model"), v.explanation());
    }

    @Test
    void answersThatDoNotFitTheCombinationAreRejectedByName() {
        FingerprintScheme<?> s = Schemes.create("combined", Map.of("schemes", PARTS));
        Predictions tooFew = Predictions.ofLabels(new int[450], CLASSES);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.parts().split(tooFew));
        assertTrue(e.getMessage().contains("450 queries plus 1 to 500"), e.getMessage());
        // the last part may be shorter: error-profile takes the mistakes a strong victim makes
        List<Predictions> blocks = s.parts().split(Predictions.ofLabels(new int[450 + 260], CLASSES));
        assertEquals(450, blocks.get(0).count());
        assertEquals(260, blocks.get(1).count());
    }

    @Test
    void onlyTheLastComponentsQuerySetMayBeShorter() {
        // 400 owner samples: the victim misclassifies fewer than error-profile's 300, so its block is short
        FingerprintScheme<?> s = Schemes.create("combined", Map.of("schemes", "error-profile,akh-excess",
                "error-profile.minimum-mistakes", "50", "akh-excess.queries", "100", "akh-excess.controls", "50"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> s.queryBuilder().build(VICTIM, OWNER.slice(0, 400), 1, io.modelprint.ProgressListener.NONE));
        assertTrue(e.getMessage().contains("name error-profile last"), e.getMessage());
    }
}
