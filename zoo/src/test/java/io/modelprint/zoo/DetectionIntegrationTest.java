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
package io.modelprint.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.FingerprintVerifier;
import io.modelprint.ImageShape;
import io.modelprint.LabeledImages;
import io.modelprint.Model;
import io.modelprint.Models;
import io.modelprint.OutputKind;
import io.modelprint.ProgressListener;
import io.modelprint.Threshold;
import io.modelprint.Verdict;
import io.modelprint.VictimFingerprint;
import io.modelprint.data.FashionMnist;
import io.modelprint.dl4j.Architecture;
import io.modelprint.dl4j.Dl4jModel;
import io.modelprint.dl4j.Trainer;
import io.modelprint.dl4j.TrainingData;
import io.modelprint.scheme.Schemes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * End to end on real DL4J models trained here in seconds: a victim, a fine-tuned copy, a student
 * extracted from the victim's labels, and independent models trained on the attacker's half of
 * the data. The default scheme (akh-excess) must call both copies stolen
 * and no independent model stolen, with its measured default threshold and with a threshold
 * calibrated on independent reference models.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DetectionIntegrationTest {

    private static final Logger LOG = LoggerFactory.getLogger(DetectionIntegrationTest.class);
    private static final ImageShape SHAPE = new ImageShape(1, 28, 28);

    private LabeledImages ownerTrain;
    private LabeledImages attacker;
    private LabeledImages heldOut;
    private MultiLayerNetwork victimNet;
    private Dl4jModel victim;
    private Model fineTuned;
    private Model labelStudent;
    private final List<Model> references = new ArrayList<>();
    private final List<Model> independents = new ArrayList<>();

    @BeforeAll
    void trainModels() {
        LabeledImages all = FashionMnist.load().test();
        ownerTrain = all.slice(0, 4000);
        attacker = all.slice(4000, 8000);
        heldOut = all.slice(8000, 10000);
        victimNet = train(Architecture.mlp(256), ownerTrain, 1, 10);
        victim = Dl4jModel.of("victim mlp-256", victimNet, SHAPE);
        fineTuned = Dl4jModel.of("fine-tuned", new FineTuning(new Trainer.Config(2, 64, 1e-4, 2))
                .apply(victimNet, attacker, ProgressListener.NONE), SHAPE);
        labelStudent = Dl4jModel.of("label student mlp-512-128", Extraction.labels(Architecture.mlp(512, 128),
                new Trainer.Config(12, 64, 1e-3, 3)).apply(Models.labelsOnly(victim), attacker,
                ProgressListener.NONE), SHAPE);
        references.add(Dl4jModel.of("reference mlp-128", train(Architecture.mlp(128), attacker, 10, 10), SHAPE));
        references.add(Dl4jModel.of("reference mlp-256", train(Architecture.mlp(256), attacker, 11, 10), SHAPE));
        references.add(Dl4jModel.of("reference mlp-512-128", train(Architecture.mlp(512, 128), attacker, 12, 10), SHAPE));
        independents.add(Dl4jModel.of("independent mlp-256", train(Architecture.mlp(256), attacker, 20, 10), SHAPE));
        independents.add(Dl4jModel.of("independent mlp-384-64", train(Architecture.mlp(384, 64), attacker, 21, 10), SHAPE));
    }

    private static MultiLayerNetwork train(Architecture a, LabeledImages data, long seed, int epochs) {
        MultiLayerNetwork net = a.build(SHAPE, 10, seed);
        Trainer.fit(net, TrainingData.of(data), new Trainer.Config(epochs, 64, 1e-3, seed), a.name(), ProgressListener.NONE);
        return net;
    }

    @Test
    void stolenCopiesAreCaughtAndIndependentModelsAreNotWithTheDefaultThreshold() {
        assertTrue(Agreement.accuracy(victim, heldOut) > 0.75, "the victim learned the task");
        // a default measured on other victims only confirms close copies: a copy of the victim is
        // stolen on it, the fine-tuned copy and the student are never cleared, independent models never convicted
        FingerprintVerifier verifier = FingerprintVerifier.defaults().ownerData(heldOut).selfCalibrate(false).build();
        VictimFingerprint fp = verifier.fingerprint(victim);
        Verdict copy = verifier.verify(fp, Dl4jModel.of("copy", victimNet, SHAPE));
        assertTrue(copy.stolen(), copy.explanation());
        assertEquals(Threshold.Source.MEASURED_DEFAULT, copy.threshold().orElseThrow().source());
        for (Model m : List.of(fineTuned, labelStudent)) {
            Verdict v = verifier.verify(fp, m);
            assertTrue(v.stolen() || v.inconclusive(), v.suspect() + " must not be cleared: " + v.explanation());
        }
        for (Model m : independents) {
            Verdict v = verifier.verify(fp, m);
            assertFalse(v.stolen(), v.suspect() + " must not be convicted: " + v.explanation());
        }
    }

    @Test
    void stolenCopiesAreCaughtAndIndependentModelsAreNotWithReferenceModels() {
        check(FingerprintVerifier.defaults().ownerData(heldOut).references(references).build(),
                Threshold.Source.REFERENCE_MODELS);
    }

    private void check(FingerprintVerifier verifier, Threshold.Source source) {
        VictimFingerprint fp = verifier.fingerprint(victim);
        List<Verdict> stolen = List.of(verifier.verify(fp, fineTuned), verifier.verify(fp, labelStudent));
        List<Verdict> clean = new ArrayList<>();
        for (Model m : independents) {
            clean.add(verifier.verify(fp, m));
        }
        stolen.forEach(v -> LOG.info("{}: {}", v.suspect(), v.explanation()));
        clean.forEach(v -> LOG.info("{}: {}", v.suspect(), v.explanation()));
        for (Verdict v : stolen) {
            assertTrue(v.stolen(), v.suspect() + " should be judged stolen: " + v.explanation());
            assertEquals(source, v.threshold().orElseThrow().source());
        }
        for (Verdict v : clean) {
            assertFalse(v.stolen(), v.suspect() + " should be judged independent: " + v.explanation());
        }
    }

    @Test
    void errorProfileCalibratesItselfWithReferencesItTrainsOnHalfTheOwnerData() {
        // no references given: the verifier trains DL4J references on half of the held-out data
        FingerprintVerifier verifier = FingerprintVerifier.using("error-profile").ownerData(heldOut).build();
        VictimFingerprint fp = verifier.fingerprint(victim);
        assertTrue(fp.references().stream().allMatch(VictimFingerprint.ReferenceAnswers::trained));
        Verdict copy = verifier.verify(fp, fineTuned);
        LOG.info("{}: {}", copy.suspect(), copy.explanation());
        assertEquals(Verdict.Outcome.STOLEN, copy.outcome(), copy.explanation());
        assertEquals(Threshold.Source.TRAINED_REFERENCES, copy.threshold().orElseThrow().source());
        for (Model m : independents) {
            Verdict v = verifier.verify(fp, m);
            LOG.info("{}: {}", v.suspect(), v.explanation());
            assertFalse(v.stolen(), v.suspect() + ": " + v.explanation());
        }
    }

    @Test
    void ipGuardAndAkhCatchBothCopiesAndNoIndependentModel() {
        check(FingerprintVerifier.ipGuard().ownerData(heldOut).selfCalibrate(false).build(), Threshold.Source.MEASURED_DEFAULT);
        check(FingerprintVerifier.akh().ownerData(heldOut).selfCalibrate(false).build(), Threshold.Source.MEASURED_DEFAULT);
    }

    @Test
    void akhExcessCatchesBothCopiesAndNoIndependentModelWithReferenceModels() {
        check(FingerprintVerifier.using("akh-excess").ownerData(heldOut).references(references).build(),
                Threshold.Source.REFERENCE_MODELS);
    }

    @Test
    void faithfulSacSchemesOnLogitsCatchTheFineTunedCopyButNotTheLabelStudent() {
        for (FingerprintVerifier verifier : List.of(FingerprintVerifier.sacM().ownerData(heldOut).selfCalibrate(false).build(),
                FingerprintVerifier.sacW().ownerData(heldOut).selfCalibrate(false).build())) {
            VictimFingerprint fp = verifier.fingerprint(victim);
            Verdict copy = verifier.verify(fp, fineTuned);
            assertEquals(OutputKind.LOGITS, copy.representation());
            assertTrue(copy.stolen(), copy.explanation());
            for (Model m : independents) {
                Verdict v = verifier.verify(fp, m);
                assertFalse(v.stolen(), v.suspect() + ": " + v.explanation());
            }
            // measured limitation, documented in the README: on logits a student trained on the
            // victim's hard labels sits farther from it than independent models do
            Verdict student = verifier.verify(fp, labelStudent);
            assertFalse(student.stolen(), student.explanation());
        }
    }

    @Test
    void ipGuardQueriesAreDeterministicAndEveryVerdictCountsItsCosts() {
        FingerprintVerifier verifier = FingerprintVerifier.using(Schemes.create("ipguard",
                Map.of("queries", "20", "steps", "50", "selection", "random"))).ownerData(heldOut).seed(9).build();
        VictimFingerprint a = verifier.fingerprint(victim);
        VictimFingerprint b = verifier.fingerprint(victim);
        assertEquals(a.querySet().sha256(), b.querySet().sha256());
        assertEquals(a.victimAnswers(), b.victimAnswers());
        Verdict v = verifier.verify(a, fineTuned);
        assertEquals(20, v.suspectQueries());
        assertTrue(v.costs().querySetBuild().toNanos() > 0);
        assertTrue(v.costs().suspectFingerprint().toNanos() > 0);
    }

    @Test
    void aLabelOnlyApiOfTheStudentIsComparedOnLabels() {
        // half of 2,000 owner images holds too few of this victim's mistakes for self-calibration:
        // the three references calibrate instead
        FingerprintVerifier verifier = FingerprintVerifier.defaults().ownerData(heldOut).references(references).build();
        VictimFingerprint fp = verifier.fingerprint(victim);
        Verdict v = verifier.verify(fp, Models.labelsOnly(labelStudent));
        assertEquals(OutputKind.LABELS, v.representation());
        assertTrue(v.stolen(), v.explanation());
        Verdict independent = verifier.verify(fp, Models.labelsOnly(independents.get(0)));
        assertFalse(independent.stolen(), independent.explanation());
    }
}
