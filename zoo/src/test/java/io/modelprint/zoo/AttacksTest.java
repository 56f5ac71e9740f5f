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
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.ImageBatch;
import io.modelprint.ImageShape;
import io.modelprint.LabeledImages;
import io.modelprint.Model;
import io.modelprint.Models;
import io.modelprint.OutputKind;
import io.modelprint.ProgressListener;
import io.modelprint.data.FashionMnist;
import io.modelprint.dl4j.Architecture;
import io.modelprint.dl4j.Dl4jModel;
import io.modelprint.dl4j.Trainer;
import io.modelprint.dl4j.TrainingData;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Knockoff, JBDA and Tramer's attacks on tiny victims: each runs through the victim's answers
 * only, spends the queries it reports, gives the same model for the same seed and rejects bad input.
 */
class AttacksTest {

    private static final ImageShape SHAPE = new ImageShape(1, 28, 28);
    private static final ImageShape SMALL = new ImageShape(1, 4, 4);
    private static LabeledImages attacker;
    private static LabeledImages test;
    private static Dl4jModel victim;

    @BeforeAll
    static void trainTinyVictim() {
        LabeledImages all = FashionMnist.load().test();
        attacker = all.slice(1500, 2100);
        test = all.slice(9000, 9400);
        MultiLayerNetwork net = Architecture.mlp(32).build(SHAPE, 10, 1);
        Trainer.fit(net, TrainingData.of(all.slice(0, 1500)), new Trainer.Config(4, 32, 1e-3, 1), "victim", ProgressListener.NONE);
        victim = Dl4jModel.of("victim", net, SHAPE, OutputKind.PROBABILITIES);
    }

    private static double fidelity(Model reference, MultiLayerNetwork copy, ImageBatch on) {
        return Agreement.agreement(reference, Dl4jModel.of("copy", copy, on.shape()), on);
    }

    @Test
    void outOfDistributionQueriesAreSeededAndStayImages() {
        ImageBatch src = attacker.images().slice(0, 50);
        for (OutOfDistribution kind : OutOfDistribution.values()) {
            ImageBatch a = kind.apply(src, 3);
            assertEquals(src.count(), a.count(), kind.name());
            assertEquals(a, kind.apply(src, 3), kind + ": same seed, same images");
            assertNotEquals(src, a, kind + " changes the images");
            assertNotEquals(a, kind.apply(src, 4), kind + ": another seed, other images");
        }
        // a transformed image is its source rotated a quarter, half or three quarters turn, maybe inverted
        float[] one = new float[16];
        for (int i = 0; i < 16; i++) {
            one[i] = i / 16f;
        }
        float[] out = OutOfDistribution.TRANSFORMED.apply(ImageBatch.of(SMALL, one), 5).pixels();
        boolean matched = false;
        for (int turns = 1; turns <= 3; turns++) {
            for (boolean invert : new boolean[] {false, true}) {
                boolean all = true;
                for (int y = 0; y < 4; y++) {
                    for (int x = 0; x < 4; x++) {
                        int sy = y;
                        int sx = x;
                        for (int t = 0; t < turns; t++) {   // undo quarter turns one at a time
                            int ny = 3 - sx;
                            sx = sy;
                            sy = ny;
                        }
                        float v = one[sy * 4 + sx];
                        all &= Math.abs(out[y * 4 + x] - (invert ? 1 - v : v)) < 1e-6;
                    }
                }
                matched |= all;
            }
        }
        assertTrue(matched, "not a rotation: " + java.util.Arrays.toString(out));
        assertThrows(IllegalArgumentException.class, () -> OutOfDistribution.MIXTURES.apply(src.slice(0, 1), 1));
    }

    @Test
    void knockoffLearnsFromOutOfDistributionAnswersAndCountsItsQueries() {
        Knockoff k = Knockoff.labels(Architecture.mlp(32), new Trainer.Config(2, 32, 1e-3, 5), OutOfDistribution.MIXTURES);
        StolenModel s = k.apply(Models.labelsOnly(victim), attacker.images(), ProgressListener.NONE);
        assertEquals(attacker.size(), s.queries(), "one query per attacker image");
        double f = fidelity(victim, s.network(), test.images());
        assertTrue(f > 0.5, "fidelity " + f);
        StolenModel again = k.apply(Models.labelsOnly(victim), attacker.images(), ProgressListener.NONE);
        assertEquals(s.network().params(), again.network().params(), "same seed, same student");
        StolenModel soft = Knockoff.probabilities(Architecture.mlp(16), new Trainer.Config(1, 32, 1e-3, 6),
                OutOfDistribution.TRANSFORMED).apply(victim, attacker.images().slice(0, 200), ProgressListener.NONE);
        assertEquals(200, soft.queries());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Knockoff.probabilities(
                Architecture.mlp(8), new Trainer.Config(1, 32, 1e-3, 1), OutOfDistribution.CORRUPTED)
                .apply(Models.labelsOnly(victim), attacker.images(), ProgressListener.NONE));
        assertTrue(e.getMessage().contains("labels only"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Knockoff(Architecture.mlp(8),
                new Trainer.Config(1, 32, 1e-3, 1), OutputKind.LOGITS, OutOfDistribution.CORRUPTED));
        assertThrows(IllegalArgumentException.class, () -> k.apply(victim, attacker.images().slice(0, 0), ProgressListener.NONE));
    }

    @Test
    void jbdaDoublesItsSetEachRoundAndQueriesOnlyTheNewPoints() {
        Jbda j = new Jbda(Architecture.mlp(16), new Trainer.Config(4, 32, 1e-3, 3), 40, 3, 0.1, OutputKind.LABELS);
        Model api = Models.labelsOnly(victim);
        long before = api.queryCount();
        StolenModel s = j.apply(api, attacker.images(), ProgressListener.NONE);
        assertEquals(320, j.queries());
        assertEquals(320, s.queries(), "40 seeds doubled three times");
        assertEquals(320, api.queryCount() - before, "the victim saw exactly what the attack reports");
        double f = fidelity(victim, s.network(), test.images());
        assertTrue(f > 0.3, "fidelity " + f);
        assertEquals(s.network().params(), j.apply(api, attacker.images(), ProgressListener.NONE).network().params(),
                "same seed, same substitute");
        // each new point is its parent moved by lambda on every pixel (or clipped at 0 or 1)
        Dl4jModel sub = Dl4jModel.of("s", s.network(), SHAPE);
        ImageBatch parents = attacker.images().slice(0, 5);
        float[] grown = j.augment(sub, parents, new int[] {0, 1, 2, 3, 4}).pixels();
        float[] px = parents.pixels();
        for (int i = 0; i < px.length; i++) {
            double moved = Math.abs(grown[i] - px[i]);
            assertTrue(Math.abs(moved - 0.1) < 1e-6 || grown[i] == 0f || grown[i] == 1f || moved == 0, "moved " + moved);
        }
        assertThrows(IllegalArgumentException.class, () -> new Jbda(Architecture.mlp(8), j.training(), 0, 6, 0.1, OutputKind.LABELS));
        assertThrows(IllegalArgumentException.class, () -> new Jbda(Architecture.mlp(8), j.training(), 10, 13, 0.1, OutputKind.LABELS));
        assertThrows(IllegalArgumentException.class, () -> new Jbda(Architecture.mlp(8), j.training(), 10, 2, 0, OutputKind.LABELS));
        IllegalArgumentException few = assertThrows(IllegalArgumentException.class,
                () -> j.apply(api, attacker.images().slice(0, 10), ProgressListener.NONE));
        assertTrue(few.getMessage().contains("40") && few.getMessage().contains("10"), few.getMessage());
    }

    /** A softmax regression on 4x4 images with 5 classes and weights of order 1. */
    private static MultiLayerNetwork smallSoftmaxRegression(long seed, double scale) {
        MultiLayerNetwork net = Architecture.softmaxRegression().build(SMALL, 5, seed);
        SplittableRandom rng = new SplittableRandom(seed);
        float[] w = new float[16 * 5];
        float[] b = new float[5];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (scale * rng.nextGaussian());
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) (scale * rng.nextGaussian());
        }
        EquationSolving.setWeights(net, w, b, 16, 5);
        return net;
    }

    @Test
    void equationSolvingRecoversASoftmaxRegressionToFloatPrecision() {
        MultiLayerNetwork secret = smallSoftmaxRegression(11, 1);
        Model api = Dl4jModel.of("sr", secret, SMALL, OutputKind.PROBABILITIES);
        StolenModel basis = EquationSolving.basis().apply(api, ProgressListener.NONE);
        assertEquals(17, basis.queries(), "d + 1 queries");
        double err = EquationSolving.maxDifferenceUpToShift(secret, basis.network());
        assertTrue(err < 2e-5, "weights recovered to " + err);
        StolenModel uniform = EquationSolving.uniform(40, 3).apply(api, ProgressListener.NONE);
        assertEquals(40, uniform.queries());
        assertTrue(EquationSolving.maxDifferenceUpToShift(secret, uniform.network()) < 1e-4);
        ImageBatch probe = EquationSolving.uniformImages(SMALL, 50, 99);
        var p = api.predict(probe).scores();
        var q = Dl4jModel.of("copy", basis.network(), SMALL, OutputKind.PROBABILITIES).predict(probe).scores();
        for (int i = 0; i < p.data().length; i++) {
            assertEquals(p.data()[i], q.data()[i], 1e-5, "same probabilities");
        }
        // the shift: adding one vector to every class's weights changes nothing it answers, so nothing recovers it
        MultiLayerNetwork shifted = secret.clone();
        shifted.getLayer(0).getParam("W").addiColumnVector(org.nd4j.linalg.factory.Nd4j.ones(16, 1).muli(0.7));
        assertTrue(EquationSolving.maxDifferenceUpToShift(secret, shifted) < 1e-5);
        // logits answers are solved the same way
        assertTrue(EquationSolving.maxDifferenceUpToShift(secret,
                EquationSolving.basis().apply(Dl4jModel.of("sr", secret, SMALL), ProgressListener.NONE).network()) < 2e-5);
    }

    @Test
    void equationSolvingRejectsWhatItCannotSolve() {
        MultiLayerNetwork secret = smallSoftmaxRegression(12, 1);
        Model probs = Dl4jModel.of("sr", secret, SMALL, OutputKind.PROBABILITIES);
        IllegalArgumentException labels = assertThrows(IllegalArgumentException.class,
                () -> EquationSolving.basis().apply(Models.labelsOnly(probs), ProgressListener.NONE));
        assertTrue(labels.getMessage().contains("LabelOnlyRetraining"), labels.getMessage());
        IllegalArgumentException few = assertThrows(IllegalArgumentException.class,
                () -> EquationSolving.uniform(10, 1).apply(probs, ProgressListener.NONE));
        assertTrue(few.getMessage().contains("17") && few.getMessage().contains("10"), few.getMessage());
        Model huge = Dl4jModel.of("huge", smallSoftmaxRegression(13, 200), SMALL, OutputKind.PROBABILITIES);
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> EquationSolving.uniform(40, 1).apply(huge, ProgressListener.NONE));
        assertTrue(zero.getMessage().contains("probability 0"), zero.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new EquationSolving(null, 10, 1));
    }

    @Test
    void labelOnlyRetrainingSpendsItsBudgetAndFollowsTheVictim() {
        MultiLayerNetwork secret = smallSoftmaxRegression(14, 1);
        Model api = Dl4jModel.of("sr", secret, SMALL, OutputKind.LABELS);
        ImageBatch probe = EquationSolving.uniformImages(SMALL, 400, 123);
        Trainer.Config training = new Trainer.Config(15, 32, 1e-2, 4);
        for (LabelOnlyRetraining.Strategy strategy : LabelOnlyRetraining.Strategy.values()) {
            LabelOnlyRetraining attack = new LabelOnlyRetraining(strategy, 400, 6, training);
            StolenModel s = attack.apply(api, ProgressListener.NONE);
            assertEquals(400, s.queries(), strategy.name());
            double f = fidelity(api, s.network(), probe);
            assertTrue(f > 0.6, strategy + " fidelity " + f);
            if (strategy == LabelOnlyRetraining.Strategy.LINE_SEARCH) {
                assertEquals(s.network().params(), attack.apply(api, ProgressListener.NONE).network().params(), "deterministic");
            }
        }
        Model constant = Models.of("one-class", SMALL, 5, OutputKind.LABELS,
                batch -> io.modelprint.Predictions.ofLabels(new int[batch.count()], 5));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LabelOnlyRetraining(LabelOnlyRetraining.Strategy.LINE_SEARCH, 50, 4, training)
                        .apply(constant, ProgressListener.NONE));
        assertTrue(e.getMessage().contains("class 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new LabelOnlyRetraining(LabelOnlyRetraining.Strategy.UNIFORM, 1, 4, training));
        assertThrows(IllegalArgumentException.class,
                () -> new LabelOnlyRetraining(LabelOnlyRetraining.Strategy.LINE_SEARCH, 10, 0, training));
    }
}
