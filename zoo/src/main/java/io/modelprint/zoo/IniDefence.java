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

import io.modelprint.ImageBatch;
import io.modelprint.ImageShape;
import io.modelprint.LabeledImages;
import io.modelprint.ProgressListener;
import io.modelprint.dl4j.Architecture;
import io.modelprint.dl4j.LogitTraining;
import io.modelprint.dl4j.Trainer;
import io.modelprint.dl4j.TrainingData;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The owner's defence InI ("Isolation and Induction: Training Robust Deep Neural Networks against
 * Model Stealing Attacks", Guo et al., ACM MM 2023), as a DL4J training recipe for the owner's
 * model. The victim {@code V} is trained from scratch on, per minibatch of {@code B} labelled owner
 * images {@code x} and {@code B} out-of-distribution images {@code x'} (stealing-like queries,
 * cycled through), against a reference student {@code S} of the victim's architecture that stays
 * frozen at its random initialisation ({@code studentSeed}):
 * <pre>
 *   CE(V(x), y)
 *   + beta    * -L1(S(x), V(x))                         (in-distribution outputs away from S; default 0)
 *   + gamma   *  L1(S(x'), V(x'))   or  -H(V(x'))        (induction: OOD outputs towards S's, or high entropy)
 *   + delta   *  cos(grad_S KL(S(x) || V(x)), grad_S CE(S(x), y))   (isolation of the distillation gradient)
 *   + epsilon *  mean |grad_S KL(S(x') || V(x'))|        (the student learns little from OOD queries)
 * </pre>
 * where {@code L1(S, V)} is the mean absolute difference between S's logits and V's log-probabilities
 * centred per row, {@code H} the mean entropy of V's probabilities, and {@code grad_S} a gradient in
 * the student's parameters (all as in the paper's public code, whose defaults are gamma 0.3,
 * delta 1 and epsilon 1000, with beta 0 and the L1 form of the OOD term). Signs, read off that code:
 * minimising the gamma term pulls V's OOD outputs <em>towards</em> the random student's (near
 * uniform) outputs, and a negative gamma pushes them away; the delta term is minimised by making
 * the two gradients point in opposite directions, so it drives their cosine down through 0
 * (orthogonality) rather than holding it there.
 *
 * <p>DL4J has no gradients of gradients, which the delta and epsilon terms need; {@link IniLoss}
 * computes them exactly in the victim's logits for the frozen student, up to one forward-mode
 * product that it takes by a double-precision central finite difference of the student (step
 * {@code finiteDifferenceStep}, relative to the student's parameter norm). Tested against finite
 * differences of the terms themselves. Differences from the reference code: Adam (this project's
 * optimiser, ND4J's implementation) instead of SGD with momentum, and no gradient clipping.
 *
 * <p>Out-of-distribution data: the paper uses another dataset (Tiny ImageNet for CIFAR-10); here
 * any images the owner can make, such as {@link OutOfDistribution#TRANSFORMED} owner images. Each
 * step costs about ten forward or backward passes (victim and student), so expect about eight
 * times the time of plain training.
 *
 * <pre>{@code
 * IniDefence ini = IniDefence.defaults(new Trainer.Config(5, 64, 1e-3, 7));
 * MultiLayerNetwork defended = ini.train(Architecture.mlp(256), ownerData,
 *         OutOfDistribution.TRANSFORMED.apply(ownerData.images(), 11), listener);
 * }</pre>
 *
 * @param training             the victim's training settings; the seed initialises it and orders the minibatches
 * @param gamma                weight of the OOD term (0.3)
 * @param delta                weight of the gradient cosine (1)
 * @param epsilon              weight of the student's OOD gradient size (1000)
 * @param beta                 weight of the in-distribution distance (0)
 * @param oodTerm              which OOD term gamma weighs
 * @param studentSeed          seed of the frozen reference student's initialisation
 * @param finiteDifferenceStep relative step of the forward-mode finite difference, in (0, 0.1]
 * @param pcGrad               combine the terms' gradients with PCGrad (Yu et al. 2020), as the paper's run script
 *                             does: each term's victim gradient loses its component against every other term's it
 *                             conflicts with, and the projected gradients are averaged; without it the gradient of the
 *                             weighted sum is followed, and the cosine term can override the cross-entropy
 */
public record IniDefence(Trainer.Config training, double gamma, double delta, double epsilon, double beta,
                         OodTerm oodTerm, long studentSeed, double finiteDifferenceStep, boolean pcGrad) {

    private static final Logger LOG = LoggerFactory.getLogger(IniDefence.class);

    /** The reference code's gamma. */
    public static final double DEFAULT_GAMMA = 0.3;
    /** The reference code's delta. */
    public static final double DEFAULT_DELTA = 1;
    /** The reference code's epsilon. */
    public static final double DEFAULT_EPSILON = 1000;
    /** Relative finite-difference step of the student's forward-mode product. */
    public static final double DEFAULT_FINITE_DIFFERENCE_STEP = 1e-4;

    /**
     * The OOD term that gamma weighs.
     *
     * <pre>{@code
     * IniDefence entropy = IniDefence.defaults(training).withOodTerm(IniDefence.OodTerm.HIGH_ENTROPY);
     * }</pre>
     */
    public enum OodTerm {
        /** {@code L1(S(x'), V(x'))}: V's OOD outputs pulled towards the frozen student's (the code's default). */
        TOWARDS_STUDENT,
        /** {@code -H(V(x'))}: V's OOD outputs pushed towards high entropy (the code's {@code use_ie}). */
        HIGH_ENTROPY
    }

    /** Validates. */
    public IniDefence {
        if (training == null || oodTerm == null) {
            throw new IllegalArgumentException("training settings and the OOD term must be given");
        }
        for (double w : new double[] {gamma, delta, epsilon, beta}) {
            if (!Double.isFinite(w)) {
                throw new IllegalArgumentException("InI weights must be finite, got gamma " + gamma + ", delta " + delta
                        + ", epsilon " + epsilon + ", beta " + beta);
            }
        }
        if (!(finiteDifferenceStep > 0 && finiteDifferenceStep <= 0.1)) {
            throw new IllegalArgumentException("the finite-difference step must be in (0, 0.1], got " + finiteDifferenceStep);
        }
    }

    /** The reference code's weights: gamma 0.3 (L1 towards the student), delta 1, epsilon 1000, beta 0, with PCGrad. */
    public static IniDefence defaults(Trainer.Config training) {
        return new IniDefence(training, DEFAULT_GAMMA, DEFAULT_DELTA, DEFAULT_EPSILON, 0, OodTerm.TOWARDS_STUDENT,
                training.seed() + 1, DEFAULT_FINITE_DIFFERENCE_STEP, true);
    }

    /** The same defence with another OOD term. */
    public IniDefence withOodTerm(OodTerm term) {
        return new IniDefence(training, gamma, delta, epsilon, beta, term, studentSeed, finiteDifferenceStep, pcGrad);
    }

    /** The same defence with or without PCGrad. */
    public IniDefence withPcGrad(boolean on) {
        return new IniDefence(training, gamma, delta, epsilon, beta, oodTerm, studentSeed, finiteDifferenceStep, on);
    }

    /** The same defence with other weights. */
    public IniDefence withWeights(double newGamma, double newDelta, double newEpsilon, double newBeta) {
        return new IniDefence(training, newGamma, newDelta, newEpsilon, newBeta, oodTerm, studentSeed, finiteDifferenceStep,
                pcGrad);
    }

    /** The frozen reference student: the victim's architecture at seed {@code studentSeed}, in double precision. */
    public MultiLayerNetwork referenceStudent(Architecture architecture, ImageShape shape, int classes) {
        return architecture.build(shape, classes, studentSeed).convertDataType(DataType.DOUBLE);
    }

    /**
     * A victim of {@code architecture} trained from scratch with InI.
     *
     * @param ownerData         the owner's labelled training images
     * @param outOfDistribution the stealing-like images of the OOD terms, of the same shape, cycled through
     * @throws IllegalArgumentException if either is empty or the shapes differ
     */
    public MultiLayerNetwork train(Architecture architecture, LabeledImages ownerData, ImageBatch outOfDistribution,
                                   ProgressListener progress) {
        if (architecture == null || ownerData == null || ownerData.size() == 0) {
            throw new IllegalArgumentException("InI needs an architecture and the owner's labelled images, got "
                    + architecture + " and " + (ownerData == null ? "none" : ownerData.size() + " images"));
        }
        if (outOfDistribution == null || outOfDistribution.isEmpty()) {
            throw new IllegalArgumentException("InI needs out-of-distribution images for its isolation and induction terms, got none");
        }
        ImageShape shape = ownerData.images().shape();
        if (!outOfDistribution.shape().equals(shape)) {
            throw new IllegalArgumentException("the out-of-distribution images are " + outOfDistribution.shape()
                    + " but the owner's are " + shape);
        }
        int classes = ownerData.numClasses();
        MultiLayerNetwork victim = architecture.build(shape, classes, training.seed());
        LogitTraining v = LogitTraining.of(victim, shape);
        IniLoss loss = new IniLoss(referenceStudent(architecture, shape, classes), shape, this);
        SplittableRandom oodRng = new SplittableRandom(training.seed() + 2);
        int[][] oodOrder = {Trainer.shuffled(outOfDistribution.count(), oodRng)};
        int[] oodNext = {0};
        IniLoss.Evaluation[] last = {null};
        // PCGrad's combined gradient is a parameter gradient: ND4J's Adam applies it to the shared parameters
        GradientUpdater<?> adam = new Adam(training.learningRate()).instantiate(
                Nd4j.zeros(victim.params().dataType(), 1, new Adam().stateSize(victim.numParams())), true);
        SplittableRandom pcRng = new SplittableRandom(training.seed() + 3);
        int[] iteration = {0};
        Trainer.forEachMinibatch(victim, TrainingData.of(ownerData), training, "InI " + architecture.name(), progress,
                (x, y) -> {
                    int b = (int) x.size(0);
                    int[] pick = new int[b];
                    for (int i = 0; i < b; i++) {
                        if (oodNext[0] == oodOrder[0].length) {
                            oodOrder[0] = Trainer.shuffled(outOfDistribution.count(), oodRng);
                            oodNext[0] = 0;
                        }
                        pick[i] = oodOrder[0][oodNext[0]++];
                    }
                    INDArray xo = v.input(outOfDistribution.select(pick));
                    IniLoss.Evaluation e = loss.evaluate(x, y, v.logits(x), xo, v.logits(xo));
                    INDArray both = Nd4j.concat(0, x, xo);
                    if (pcGrad) {
                        List<INDArray> grads = new ArrayList<>();
                        for (INDArray[] t : e.terms()) {
                            grads.add(v.parameterGradient(both, Nd4j.concat(0, t[0], t[1])).castTo(DataType.DOUBLE));
                        }
                        INDArray g = PcGrad.combine(grads, pcRng).castTo(victim.params().dataType())
                                .reshape(victim.params().shape());
                        adam.applyUpdater(g, iteration[0]++, 0);
                        victim.params().subi(g);
                    } else {
                        v.step(both, Nd4j.concat(0, e.upstreamId(), e.upstreamOod()), training.learningRate());
                    }
                    last[0] = e;
                });
        IniLoss.Evaluation e = last[0];
        LOG.debug("InI {}: last minibatch CE {}, OOD {}, gradient cosine {}, gradient size {}", architecture.name(),
                e.ce(), e.ood(), e.cosine(), e.gradientSize());
        return victim;
    }
}
