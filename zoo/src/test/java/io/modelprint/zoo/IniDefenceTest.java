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
import io.modelprint.ProgressListener;
import io.modelprint.dl4j.Architecture;
import io.modelprint.dl4j.Dl4jModel;
import io.modelprint.dl4j.LogitTraining;
import io.modelprint.dl4j.Trainer;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * InI's loss terms on a tiny MLP: each term's gradient in the victim's logits matches finite
 * differences of the term itself, each has the documented sign, the student's forward-mode product
 * is exact where it can be checked exactly, and the recipe trains deterministically.
 */
class IniDefenceTest {

    private static final ImageShape SHAPE = new ImageShape(1, 5, 5);
    private static final int K = 3;
    private static final int B = 4;
    private static final Trainer.Config TRAINING = new Trainer.Config(1, 16, 1e-3, 2);

    private static INDArray random(long rows, long cols, long seed, double scale) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] v = new double[(int) (rows * cols)];
        for (int i = 0; i < v.length; i++) {
            v[i] = scale * rng.nextGaussian();
        }
        return Nd4j.create(v, new long[] {rows, cols}, 'c');
    }

    private static ImageBatch images(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] px = new float[n * SHAPE.size()];
        for (int i = 0; i < px.length; i++) {
            px[i] = (float) rng.nextDouble();
        }
        return ImageBatch.of(SHAPE, px);
    }

    private record Setup(IniLoss loss, INDArray xId, INDArray y, INDArray zId, INDArray xOod, INDArray zOod) {
        IniLoss.Evaluation at(INDArray id, INDArray ood) {
            return loss.evaluate(xId, y, id, xOod, ood);
        }
    }

    private static Setup setup(Architecture a, IniDefence weights) {
        IniLoss loss = new IniLoss(weights.referenceStudent(a, SHAPE, K), SHAPE, weights);
        LogitTraining t = LogitTraining.of(a.build(SHAPE, K, 1), SHAPE);
        return new Setup(loss, t.input(images(B, 1)), IniLoss.oneHot(new int[] {0, 2, 1, 2}, K),
                random(B, K, 3, 1.5), t.input(images(B, 2)), random(B, K, 4, 1.5));
    }

    /** The gradient of a weighted term against central differences of its total, entry by entry. */
    private static void gradientMatchesFiniteDifferences(String term, IniDefence weights, boolean[] sides, int rows) {
        Setup s = setup(Architecture.mlp(6), weights);
        IniLoss.Evaluation e = s.at(s.zId(), s.zOod());
        double h = 1e-5;
        for (boolean ood : sides) {
            INDArray z = ood ? s.zOod() : s.zId();
            INDArray analytic = ood ? e.upstreamOod() : e.upstreamId();
            for (int n = 0; n < rows; n++) {
                for (int j = 0; j < K; j++) {
                    INDArray plus = z.dup();
                    plus.putScalar(n, j, z.getDouble(n, j) + h);
                    INDArray minus = z.dup();
                    minus.putScalar(n, j, z.getDouble(n, j) - h);
                    double fp = ood ? s.at(s.zId(), plus).total() : s.at(plus, s.zOod()).total();
                    double fm = ood ? s.at(s.zId(), minus).total() : s.at(minus, s.zOod()).total();
                    double numeric = (fp - fm) / (2 * h);
                    double a = analytic.getDouble(n, j);
                    assertEquals(numeric, a, 1e-4 * Math.max(1, Math.abs(numeric)),
                            term + ": d total / d " + (ood ? "ood" : "id") + " logit [" + n + "," + j + "]");
                }
            }
        }
    }

    private static IniDefence only(double gamma, double delta, double epsilon, double beta) {
        return IniDefence.defaults(TRAINING).withWeights(gamma, delta, epsilon, beta);
    }

    @Test
    void everyTermsGradientMatchesFiniteDifferences() {
        // each term acts on one side's logits: in-distribution (CE, beta, delta) or OOD (gamma, epsilon)
        boolean[] id = {false};
        boolean[] ood = {true};
        gradientMatchesFiniteDifferences("cross-entropy", only(0, 0, 0, 0), id, B);
        gradientMatchesFiniteDifferences("beta: in-distribution distance", only(0, 0, 0, 1), id, B);
        gradientMatchesFiniteDifferences("gamma: L1 towards the student", only(1, 0, 0, 0), ood, B);
        gradientMatchesFiniteDifferences("gamma: entropy", only(1, 0, 0, 0).withOodTerm(IniDefence.OodTerm.HIGH_ENTROPY), ood, B);
        gradientMatchesFiniteDifferences("delta: gradient cosine", only(0, 1, 0, 0), id, B);
        gradientMatchesFiniteDifferences("epsilon: gradient size", only(0, 0, 1000, 0), ood, B);
        gradientMatchesFiniteDifferences("the defaults together", IniDefence.defaults(TRAINING), new boolean[] {false, true}, 1);
    }

    /**
     * The terms after a small step of the victim's logits against one term's gradient alone (the
     * loss's gradient less that of its cross-entropy, which would otherwise move the logits too).
     */
    private static IniLoss.Evaluation termStep(Architecture a, IniDefence weights, double rate) {
        Setup s = setup(a, weights);
        IniLoss.Evaluation e = s.at(s.zId(), s.zOod());
        IniLoss.Evaluation ce = setup(a, only(0, 0, 0, 0)).at(s.zId(), s.zOod());
        INDArray gId = e.upstreamId().sub(ce.upstreamId());
        INDArray gOod = e.upstreamOod().sub(ce.upstreamOod());
        return s.at(s.zId().sub(gId.mul(rate)), s.zOod().sub(gOod.mul(rate)));
    }

    private static IniLoss.Evaluation at(IniDefence weights) {
        Setup s = setup(Architecture.mlp(6), weights);
        return s.at(s.zId(), s.zOod());
    }

    @Test
    void eachTermMovesTheDocumentedWay() {
        Architecture a = Architecture.mlp(6);
        IniDefence towards = only(1, 0, 0, 0);
        assertTrue(termStep(a, towards, 0.5).ood() < at(towards).ood(), "gamma > 0 pulls the OOD outputs towards the student's");
        IniDefence away = only(-1, 0, 0, 0);
        assertTrue(termStep(a, away, 0.5).ood() > at(away).ood(), "gamma < 0 pushes them away");
        IniDefence entropy = only(1, 0, 0, 0).withOodTerm(IniDefence.OodTerm.HIGH_ENTROPY);
        assertTrue(at(entropy).ood() < 0, "the entropy term is minus an entropy");
        assertTrue(termStep(a, entropy, 0.5).ood() < at(entropy).ood(), "the OOD entropy rises");
        IniDefence cosine = only(0, 1, 0, 0);
        assertTrue(Math.abs(at(cosine).cosine()) <= 1);
        assertTrue(termStep(a, cosine, 0.5).cosine() < at(cosine).cosine(), "the distillation gradient turns from the CE gradient");
        IniDefence size = only(0, 0, 1000, 0);
        assertTrue(at(size).gradientSize() > 0);
        assertTrue(termStep(a, size, 0.01).gradientSize() < at(size).gradientSize(), "the student's OOD gradient shrinks");
        IniDefence id = only(0, 0, 0, 1);
        assertTrue(at(id).idDistance() < 0, "the beta term is minus a distance");
        assertTrue(termStep(a, id, 0.5).idDistance() < at(id).idDistance(), "beta > 0 pushes in-distribution outputs away");
    }

    @Test
    void theStudentsForwardModeProductIsExactForALinearStudent() {
        IniDefence weights = IniDefence.defaults(TRAINING);
        MultiLayerNetwork student = weights.referenceStudent(Architecture.softmaxRegression(), SHAPE, K);
        IniLoss loss = new IniLoss(student, SHAPE, weights);
        INDArray before = student.params().dup();
        LogitTraining t = LogitTraining.of(student, SHAPE);
        INDArray x = t.input(images(B, 5)).castTo(DataType.DOUBLE);
        INDArray r = random(1, before.length(), 6, 1);
        INDArray jr = loss.directional(x, r);
        assertEquals(before, student.params(), "the student's parameters are restored exactly");
        // logits are linear in (W, b): J r is the logits of a network whose parameters are r
        MultiLayerNetwork direction = student.clone();
        direction.setParams(r.reshape(before.shape()));
        INDArray exact = LogitTraining.of(direction, SHAPE).logits(x);
        assertTrue(exact.equalsWithEps(jr, 1e-6), jr + " vs " + exact);
    }

    @Test
    void pcGradRemovesTheConflictingComponentsAndAverages() {
        INDArray a = Nd4j.create(new double[] {1, 0}, new long[] {1, 2});
        INDArray b = Nd4j.create(new double[] {-1, 1}, new long[] {1, 2});
        INDArray c = PcGrad.combine(java.util.List.of(a, b), new SplittableRandom(1));
        // a . b = -1: a loses its part along b -> (0.5, 0.5); b loses its part along a -> (0, 1); mean (0.25, 0.75)
        assertTrue(Nd4j.create(new double[] {0.25, 0.75}, new long[] {1, 2}).equalsWithEps(c, 1e-12), c.toString());
        INDArray d = Nd4j.create(new double[] {2, 1}, new long[] {1, 2});
        assertTrue(a.add(d).div(2).equalsWithEps(PcGrad.combine(java.util.List.of(a, d), new SplittableRandom(2)), 1e-12),
                "gradients that do not conflict are only averaged");
        assertThrows(IllegalArgumentException.class, () -> PcGrad.combine(java.util.List.of(), new SplittableRandom(1)));
    }

    @Test
    void theRecipeTrainsAVictimDeterministicallyAndRejectsBadInput() {
        SplittableRandom rng = new SplittableRandom(8);
        int[] labels = new int[64];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = rng.nextInt(K);
        }
        LabeledImages owner = new LabeledImages(images(64, 7), labels, K);
        ImageBatch ood = OutOfDistribution.TRANSFORMED.apply(owner.images(), 9);
        IniDefence ini = IniDefence.defaults(new Trainer.Config(2, 16, 1e-3, 3));
        MultiLayerNetwork a = ini.train(Architecture.mlp(6), owner, ood, ProgressListener.NONE);
        MultiLayerNetwork b = ini.train(Architecture.mlp(6), owner, ood, ProgressListener.NONE);
        assertEquals(a.params(), b.params(), "same seed, same defended victim");
        assertNotEquals(Architecture.mlp(6).build(SHAPE, K, 3).params(), a.params(), "it trained");
        MultiLayerNetwork summed = ini.withPcGrad(false).train(Architecture.mlp(6), owner, ood, ProgressListener.NONE);
        assertNotEquals(a.params(), summed.params(), "PCGrad changes the steps");
        Dl4jModel.of("defended", a, SHAPE).predict(owner.images());   // a plain softmax network
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> ini.train(Architecture.mlp(6), owner, owner.images().slice(0, 0), ProgressListener.NONE));
        assertTrue(none.getMessage().contains("out-of-distribution"), none.getMessage());
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class, () -> ini.train(Architecture.mlp(6),
                owner, ImageBatch.of(new ImageShape(1, 4, 4), new float[16]), ProgressListener.NONE));
        assertTrue(shape.getMessage().contains("4x4") || shape.getMessage().contains("1x4x4") || shape.getMessage().contains("4"),
                shape.getMessage());
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> ini.withWeights(Double.NaN, 1, 1000, 0));
        assertTrue(nan.getMessage().contains("NaN"), nan.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new IniDefence(TRAINING, 0.3, 1, 1000, 0,
                IniDefence.OodTerm.TOWARDS_STUDENT, 1, 0, true));
        assertThrows(IllegalArgumentException.class, () -> new IniLoss(Architecture.mlp(4).build(SHAPE, K, 1), SHAPE, ini));
    }
}
