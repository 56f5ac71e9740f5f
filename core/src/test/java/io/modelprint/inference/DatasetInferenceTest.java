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
package io.modelprint.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.FingerprintVerifier;
import io.modelprint.ImageBatch;
import io.modelprint.ImageShape;
import io.modelprint.LabeledImages;
import io.modelprint.Model;
import io.modelprint.OutputKind;
import io.modelprint.TestModels;
import io.modelprint.Threshold;
import io.modelprint.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Dataset Inference on tiny white-box models that remember their training data
 * ({@link MemorizingModel}): the victim remembers the owner's private samples, a copy of it
 * inherits that, an independent model remembers other data of the same task.
 */
class DatasetInferenceTest {

    private static final int CLASSES = 4;
    private static final long TASK = 11;
    private static final LabeledImages ALL = TestModels.taskData(180, CLASSES, TASK, 0.1, 1);
    private static final LabeledImages PRIVATE = ALL.slice(0, 60);
    private static final LabeledImages PUBLIC = ALL.slice(60, 120);
    private static final LabeledImages OTHER = ALL.slice(120, 180);
    private static final double HEIGHT = 20;
    private static final double WIDTH = 10;
    private static final BlindWalk WALK = new BlindWalk(3, List.of(Norm.L1, Norm.L2, Norm.LINF), 50, 1);

    private static MemorizingModel model(String name, long seed, LabeledImages memory) {
        return new MemorizingModel(name, CLASSES, TestModels.perturbedWeights(CLASSES, TASK, 0.3, seed), memory, HEIGHT,
                WIDTH, OutputKind.PROBABILITIES);
    }

    private static final MemorizingModel VICTIM = model("victim", 1, PRIVATE);

    /** A copy: the victim's weights plus a little noise, and what it remembers. */
    private static final MemorizingModel COPY = new MemorizingModel("copy", CLASSES, TestModels.perturbedWeights(CLASSES,
            TASK, 0.3, 1), PRIVATE, HEIGHT * 0.8, WIDTH, OutputKind.PROBABILITIES);

    private static final MemorizingModel INDEPENDENT = model("independent", 2, OTHER);

    /** Shared where the settings are the defaults of these tests: the victim is embedded once. */
    private static final DatasetInference BLIND = builder().embedding(DatasetInference.Embedding.BLIND_WALK).build();

    private static DatasetInference.Builder builder() {
        return FingerprintVerifier.datasetInference(PRIVATE, PUBLIC).samples(25).regressorSamples(25).blindWalk(WALK)
                .seed(5);
    }

    @Test
    void aCopyIsCaughtAndAnIndependentModelOfOtherDataIsNot() {
        DatasetInference di = BLIND;
        DatasetInference.VictimCheck check = di.victimCheck(VICTIM, DatasetInference.Embedding.BLIND_WALK);
        assertTrue(check.pValue() < 1e-3, "the victim tests positive on held-out samples: " + check);
        Verdict copy = di.verify(VICTIM, COPY);
        Verdict independent = di.verify(VICTIM, INDEPENDENT);
        assertEquals(Verdict.Outcome.STOLEN, copy.outcome(), copy.explanation());
        assertEquals(Verdict.Outcome.INDEPENDENT, independent.outcome(), independent.explanation());
        assertEquals(DatasetInference.SCHEME, copy.scheme());
        assertEquals(OutputKind.LABELS, copy.representation());
        assertEquals(copy.distance(), copy.pValue().orElseThrow());
        assertTrue(copy.notes().stream().anyMatch(n -> n.contains("knowledge of the owner's training data")), copy.notes()
                .toString());
        assertTrue(copy.notes().stream().anyMatch(n -> n.contains("twin")), copy.notes().toString());
        assertEquals(0.05, copy.threshold().orElseThrow().value());
        assertTrue(copy.suspectQueries() > 40, "Blind Walk is counted: " + copy.suspectQueries());
    }

    @Test
    void whiteBoxModelsAreEmbeddedWithMinGdAndGiveTheSameAnswer() {
        DatasetInference di = builder().minGd(MinGd.defaults().withMaxIterations(40)).build();
        Verdict copy = di.verify(VICTIM, COPY);
        Verdict independent = di.verify(VICTIM, INDEPENDENT);
        assertEquals(OutputKind.LOGITS, copy.representation());
        assertEquals(Verdict.Outcome.STOLEN, copy.outcome(), copy.explanation());
        assertTrue(independent.pValue().orElseThrow() > copy.pValue().orElseThrow(), independent.explanation());
        assertTrue(!independent.stolen(), independent.explanation());
    }

    @Test
    void theSameSeedGivesTheSameVerdictAndTheVictimIsEmbeddedOnce() {
        DatasetInference a = builder().embedding(DatasetInference.Embedding.BLIND_WALK).build();
        DatasetInference b = BLIND;
        Verdict first = a.verify(VICTIM, INDEPENDENT);
        assertEquals(first.pValue(), b.verify(VICTIM, INDEPENDENT).pValue());
        assertEquals(first.suspectQueries(), b.verify(VICTIM, INDEPENDENT).suspectQueries());
        long victimQueries = VICTIM.queryCount();
        assertEquals(first.pValue(), a.verify(VICTIM, INDEPENDENT).pValue());
        assertEquals(victimQueries, VICTIM.queryCount(), "the victim's embeddings are kept");
        Verdict other = builder().embedding(DatasetInference.Embedding.BLIND_WALK).seed(6).build().verify(VICTIM, INDEPENDENT);
        assertTrue(other.pValue().orElseThrow() != first.pValue().orElseThrow(), "another seed draws other samples");
    }

    @Test
    void theQueryBudgetIsNeverPassedAndATooSmallOneIsInconclusive() {
        long before = COPY.queryCount();
        Verdict capped = builder().embedding(DatasetInference.Embedding.BLIND_WALK).queryBudget(1500).build()
                .verify(VICTIM, COPY);
        assertTrue(capped.suspectQueries() <= 1500, capped.suspectQueries() + " queries");
        assertEquals(capped.suspectQueries(), COPY.queryCount() - before);
        assertTrue(capped.notes().stream().anyMatch(n -> n.contains("query budget of 1500")), capped.notes().toString());
        Verdict starved = builder().embedding(DatasetInference.Embedding.BLIND_WALK).queryBudget(400).build()
                .verify(VICTIM, COPY);
        assertEquals(Verdict.Outcome.INCONCLUSIVE, starved.outcome(), starved.explanation());
        assertTrue(starved.suspectQueries() <= 400);
        assertTrue(starved.pValue().isEmpty());
    }

    @Test
    void aVictimThatRemembersNothingGivesInconclusiveVerdicts() {
        MemorizingModel plain = new MemorizingModel("plain", CLASSES, TestModels.perturbedWeights(CLASSES, TASK, 0.3, 1),
                null, 0, 1, OutputKind.PROBABILITIES);
        Verdict v = builder().embedding(DatasetInference.Embedding.BLIND_WALK).build().verify(plain, COPY);
        assertEquals(Verdict.Outcome.INCONCLUSIVE, v.outcome(), v.explanation());
        assertTrue(v.notes().get(0).contains("the victim itself does not test positive"), v.notes().toString());
        assertEquals(0, v.suspectQueries(), "the suspect is not queried when nothing can be found");
        Verdict diagnosed = builder().embedding(DatasetInference.Embedding.BLIND_WALK).testInseparableVictims(true).build()
                .verify(plain, COPY);
        assertEquals(Verdict.Outcome.INCONCLUSIVE, diagnosed.outcome(), diagnosed.explanation());
        assertTrue(diagnosed.pValue().isPresent() && diagnosed.suspectQueries() > 0, diagnosed.explanation());
    }

    @Test
    void aSuspectThatIsNotAWorkingModelIsNotJudged() {
        Model constant = io.modelprint.Models.of("constant", TestModels.SHAPE, CLASSES, OutputKind.LABELS,
                batch -> io.modelprint.Predictions.ofLabels(new int[batch.count()], CLASSES));
        Verdict v = BLIND.verify(VICTIM, constant);
        assertEquals(Verdict.Outcome.INCONCLUSIVE, v.outcome(), v.explanation());
        assertTrue(v.notes().get(0).contains("not a working model"), v.notes().toString());
    }

    @Test
    void badInputsAreNamedWithTheirValues() {
        LabeledImages wide = new LabeledImages(ImageBatch.of(new ImageShape(1, 8, 8), new float[60 * 64]), new int[60],
                CLASSES);
        String shapes = assertThrows(IllegalArgumentException.class,
                () -> FingerprintVerifier.datasetInference(PRIVATE, wide).build()).getMessage();
        assertTrue(shapes.contains("1x16x16") || shapes.contains("16"), shapes);
        assertTrue(shapes.contains("public"), shapes);
        String few = assertThrows(IllegalArgumentException.class,
                () -> FingerprintVerifier.datasetInference(PRIVATE, PUBLIC).build()).getMessage();
        assertTrue(few.contains("needs 200 private samples") && few.contains("got 60"), few);
        String tiny = assertThrows(IllegalArgumentException.class, () -> builder().samples(3).build()).getMessage();
        assertTrue(tiny.contains("at least 5") && tiny.contains("samples = 3"), tiny);
        String budget = assertThrows(IllegalArgumentException.class, () -> builder().queryBudget(100).build()).getMessage();
        assertTrue(budget.contains("query budget of 100") && budget.contains("raise queryBudget"), budget);
        String alpha = assertThrows(IllegalArgumentException.class, () -> builder().alpha(0.7).build()).getMessage();
        assertTrue(alpha.contains("0.7"), alpha);
        DatasetInference di = builder().embedding(DatasetInference.Embedding.MIN_GD).build();
        String black = assertThrows(IllegalArgumentException.class,
                () -> di.verify(VICTIM, TestModels.linear("api", CLASSES, 3, OutputKind.LABELS))).getMessage();
        assertTrue(black.contains("suspect api is not a WhiteBoxModel"), black);
        String classes = assertThrows(IllegalArgumentException.class,
                () -> di.verify(VICTIM, TestModels.linear("three", 3, 3, OutputKind.LABELS))).getMessage();
        assertTrue(classes.contains("answers 3 classes") && classes.contains("have 4"), classes);
    }

    @Test
    void theThresholdIsTheSignificanceLevelAndSaysSo() {
        Verdict v = builder().alpha(0.01).embedding(DatasetInference.Embedding.BLIND_WALK).build().verify(VICTIM, COPY);
        Threshold t = v.threshold().orElseThrow();
        assertEquals(0.01, t.value());
        assertTrue(t.description().contains("t-test"), t.description());
        assertEquals(v.stolen(), v.pValue().orElseThrow() < 0.01);
    }
}
