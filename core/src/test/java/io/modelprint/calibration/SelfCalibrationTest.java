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
import io.modelprint.ProgressListener;
import io.modelprint.TestModels;
import io.modelprint.Threshold;
import io.modelprint.Verdict;
import io.modelprint.VictimFingerprint;
import io.modelprint.scheme.Schemes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A verifier given no references trains its own and calibrates on them. */
class SelfCalibrationTest {

    private static final int CLASSES = 10;
    private static final LabeledImages OWNER = TestModels.taskData(4000, CLASSES, 1, 0.1, 42);
    private static final double[] VICTIM_WEIGHTS = TestModels.perturbedWeights(CLASSES, 1, 0.5, 2);
    private static final Model VICTIM = TestModels.linear("victim", CLASSES, VICTIM_WEIGHTS, OutputKind.LOGITS);

    /** "Trains" independent models of the task: its weights plus their own noise, of several sizes. */
    static final class FakeTrainer implements ReferenceTrainer {
        final AtomicInteger calls = new AtomicInteger();
        final List<Integer> trainingSizes = new ArrayList<>();

        @Override
        public String description() {
            return "perturbed task models";
        }

        @Override
        public List<Model> train(LabeledImages data, int count, long seed, ProgressListener progress) {
            calls.incrementAndGet();
            trainingSizes.add(data.size());
            List<Model> out = new ArrayList<>();
            for (int k = 0; k < count; k++) {
                out.add(TestModels.perturbed("ref-" + k, CLASSES, 1, 0.35 + 0.05 * k, seed * 100 + k, OutputKind.LOGITS));
            }
            return out;
        }
    }

    private static FingerprintVerifier verifier(ReferenceTrainer trainer, long seed) {
        return FingerprintVerifier.using("error-profile").ownerData(OWNER).referenceTrainer(trainer).seed(seed).build();
    }

    @Test
    void referencesAreTrainedOnTheHalfTheQueriesDoNotComeFrom() {
        FakeTrainer trainer = new FakeTrainer();
        VictimFingerprint fp = verifier(trainer, 11).fingerprint(VICTIM);
        assertEquals(SelfCalibration.DEFAULT_REFERENCES, fp.references().size());
        assertTrue(fp.references().stream().allMatch(VictimFingerprint.ReferenceAnswers::trained));
        assertEquals(List.of(2000), trainer.trainingSizes);
        SelfCalibration.Split split = SelfCalibration.split(OWNER, 11);
        assertEquals(2000, split.queries().size());
        assertEquals(2000, split.training().size());
        // the halves are disjoint and together the owner data
        List<String> seen = new ArrayList<>();
        for (LabeledImages half : List.of(split.queries(), split.training())) {
            for (int i = 0; i < half.size(); i++) {
                seen.add(Arrays.toString(half.images().image(i)));
            }
        }
        assertEquals(4000, seen.stream().distinct().count());
        // the indices name the same halves, each in the owner's order, and one seed gives one split
        int[][] halves = SelfCalibration.splitIndices(OWNER.size(), 11);
        assertEquals(Arrays.toString(OWNER.select(halves[0]).images().image(0)),
                Arrays.toString(split.queries().images().image(0)));
        assertEquals(Arrays.toString(OWNER.select(halves[1]).images().image(1999)),
                Arrays.toString(split.training().images().image(1999)));
        int[] all = IntStream.concat(Arrays.stream(halves[0]), Arrays.stream(halves[1]))
                .sorted().toArray();
        assertEquals(IntStream.range(0, OWNER.size()).boxed().toList(),
                Arrays.stream(all).boxed().toList());
        assertTrue(Arrays.equals(halves[0], Arrays.stream(halves[0]).sorted().toArray()));
        assertTrue(Arrays.deepEquals(halves, SelfCalibration.splitIndices(OWNER.size(), 11)));
        assertThrows(IllegalArgumentException.class, () -> SelfCalibration.splitIndices(1, 11));
    }

    @Test
    void aCopyIsStolenAndAnIndependentModelIsNotAndTheSameSeedGivesTheSameVerdicts() {
        FakeTrainer trainer = new FakeTrainer();
        FingerprintVerifier v = verifier(trainer, 12);
        VictimFingerprint fp = v.fingerprint(VICTIM);
        Model copy = TestModels.derived("copy", CLASSES, VICTIM_WEIGHTS, 0.05, 9, OutputKind.PROBABILITIES);
        Model stranger = TestModels.perturbed("stranger", CLASSES, 1, 0.5, 777, OutputKind.LOGITS);
        Verdict stolen = v.verify(fp, copy);
        Verdict independent = v.verify(fp, stranger);
        assertEquals(Verdict.Outcome.STOLEN, stolen.outcome(), stolen.explanation());
        assertEquals(Verdict.Outcome.INDEPENDENT, independent.outcome(), independent.explanation());
        assertEquals(Threshold.Source.TRAINED_REFERENCES, stolen.threshold().orElseThrow().source());
        assertTrue(stolen.references().orElseThrow().trained());
        assertTrue(stolen.explanation().contains("self-trained"), stolen.explanation());
        // determinism: another verifier with the same seed gives the same fingerprint and verdicts
        FingerprintVerifier again = verifier(new FakeTrainer(), 12);
        VictimFingerprint fp2 = again.fingerprint(VICTIM);
        assertEquals(fp.querySet().sha256(), fp2.querySet().sha256());
        assertEquals(stolen.distance(), again.verify(fp2, copy).distance(), 0);
        assertEquals(independent.pValue(), again.verify(fp2, stranger).pValue());
    }

    @Test
    void verifyingSeveralSuspectsAgainstOneVictimTrainsTheReferencesOnce() {
        FakeTrainer trainer = new FakeTrainer();
        FingerprintVerifier v = FingerprintVerifier.using("akh-excess").ownerData(OWNER).referenceTrainer(trainer)
                .seed(13).build();
        for (int k = 0; k < 3; k++) {
            v.verify(VICTIM, TestModels.perturbed("s" + k, CLASSES, 1, 0.5, 300 + k, OutputKind.LOGITS));
        }
        assertEquals(1, trainer.calls.get());
    }

    @Test
    void referencesAsCloseAsACopyGiveAnInconclusiveVerdict() {
        ReferenceTrainer clones = new ReferenceTrainer() {
            @Override
            public String description() {
                return "copies of the victim";
            }

            @Override
            public List<Model> train(LabeledImages data, int count, long seed, ProgressListener progress) {
                List<Model> out = new ArrayList<>();
                for (int k = 0; k < count; k++) {
                    out.add(TestModels.linear("clone-" + k, CLASSES, VICTIM_WEIGHTS, OutputKind.LOGITS));
                }
                return out;
            }
        };
        Verdict v = FingerprintVerifier.using("error-profile").ownerData(OWNER).referenceTrainer(clones).seed(14).build()
                .verify(VICTIM, TestModels.perturbed("stranger", CLASSES, 1, 0.5, 777, OutputKind.LOGITS));
        assertEquals(Verdict.Outcome.INCONCLUSIVE, v.outcome(), v.explanation());
        assertTrue(v.explanation().contains("as close to the victim as a copy"), v.explanation());
    }

    @Test
    void aConstantSuspectIsNeverJudged() {
        Model constant = Models.of("constant", TestModels.SHAPE, CLASSES, OutputKind.LABELS,
                batch -> Predictions.ofLabels(new int[batch.count()], CLASSES));
        Verdict v = verifier(new FakeTrainer(), 15).verify(VICTIM, constant);
        assertEquals(Verdict.Outcome.INCONCLUSIVE, v.outcome(), v.explanation());
        assertTrue(v.explanation().contains("not a working model"), v.explanation());
    }

    @Test
    void tooLittleOwnerDataIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SelfCalibration.split(OWNER.slice(0, 1999), 1));
        assertTrue(e.getMessage().contains("at least 2000"), e.getMessage());
        // a verifier with too little data does not try: it says why in the verdict instead
        Verdict v = FingerprintVerifier.using("akh-excess").ownerData(OWNER.slice(0, 1500))
                .referenceTrainer(new FakeTrainer()).build()
                .verify(VICTIM, TestModels.perturbed("stranger", CLASSES, 1, 0.5, 777, OutputKind.LOGITS));
        assertTrue(v.explanation().contains("fewer than the 2000 self-calibration needs"), v.explanation());
    }

    @Test
    void whenHalfTheOwnerDataCannotGiveTheQueriesAllOfItIsUsedWithoutReferences() {
        // akh-excess asked for 700 mistakes: the victim makes about 875 in 2000 samples, so about 440 in half of them
        FakeTrainer trainer = new FakeTrainer();
        FingerprintVerifier v = FingerprintVerifier.using(Schemes.create("akh-excess", Map.of("queries", "800",
                "controls", "100"))).ownerData(OWNER.slice(0, 2000)).referenceTrainer(trainer).seed(16).build();
        long mistakes = countMistakes(OWNER.slice(0, 2000));
        assertTrue(mistakes >= 700 && mistakes < 1400, "the premise: enough mistakes in all, too few in half: " + mistakes);
        VictimFingerprint fp = v.fingerprint(VICTIM);
        assertEquals(0, trainer.calls.get(), "no references trained for a query set that cannot be built");
        assertTrue(fp.references().isEmpty());
        Verdict verdict = v.verify(fp, TestModels.perturbed("stranger", CLASSES, 1, 0.5, 777, OutputKind.LOGITS));
        assertTrue(verdict.explanation().contains("holds no references"), verdict.explanation());
    }

    @Test
    void schemesWithoutControlQueriesDoNotCalibrateOnTrainedReferences() {
        // references trained on half the owner data are weaker than real independent models: without a
        // suspect's accuracy to compare them at, their distances would clear the threshold for anyone
        FakeTrainer trainer = new FakeTrainer();
        FingerprintVerifier v = FingerprintVerifier.using("sac-m").ownerData(OWNER).referenceTrainer(trainer).build();
        VictimFingerprint fp = v.fingerprint(VICTIM);
        assertEquals(0, trainer.calls.get());
        Verdict verdict = v.verify(fp, TestModels.perturbed("stranger", CLASSES, 1, 0.5, 777, OutputKind.LOGITS));
        assertTrue(verdict.explanation().contains("no control queries"), verdict.explanation());
    }

    private static long countMistakes(LabeledImages data) {
        int[] predicted = VICTIM.predict(data.images()).labels();
        int[] truth = data.labels();
        long n = 0;
        for (int i = 0; i < truth.length; i++) {
            n += predicted[i] != truth[i] ? 1 : 0;
        }
        return n;
    }
}
