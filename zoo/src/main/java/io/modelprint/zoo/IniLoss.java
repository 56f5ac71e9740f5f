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

import io.modelprint.ImageShape;
import io.modelprint.dl4j.LogitTraining;
import io.modelprint.kernel.Matrix;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The InI loss of one minibatch as a function of the victim's logits, its value term by term and
 * its exact gradient in those logits, which {@link LogitTraining} turns into the victim's parameter
 * gradient. See {@link IniDefence} for the terms.
 *
 * <p>Why the gradient needs no second-order backpropagation: the frozen student's distillation
 * gradient {@code G = (1/B) sum_n J_n^T g_n} depends on the victim only through its logits
 * {@code v_n}, and for {@code KL(softmax(s) || softmax(v))} the logit gradient is
 * {@code g_n = M_n (log q_n - v_n)} with {@code q_n = softmax(s_n)} and {@code M_n = diag(q_n) - q_n q_n^T}:
 * affine in {@code v_n}. So {@code dG / dv_n = -(1/B) J_n^T M_n} exactly, and the chain rule through
 * any function {@code f(G)} gives {@code d f / d v_n = -(1/B) M_n J_n (df/dG)}. The one product DL4J
 * cannot form, {@code J_n r} (the student's logits differentiated in a parameter direction
 * {@code r}, forward mode), is a central finite difference of two forward passes of the student at
 * {@code theta +- t r}, in double precision; for a student whose logits are linear in its
 * parameters (a softmax regression) it is exact up to rounding.
 */
final class IniLoss {

    private final MultiLayerNetwork student;
    private final LogitTraining studentLogits;
    private final IniDefence weights;
    private final long parameters;

    /**
     * @param student the frozen reference student, in double precision (never trained here)
     * @param shape   the image shape both networks take
     * @param weights the defence's weights and options
     */
    IniLoss(MultiLayerNetwork student, ImageShape shape, IniDefence weights) {
        if (student.params().dataType() != DataType.DOUBLE) {
            throw new IllegalArgumentException("the reference student must be a double-precision network, got "
                    + student.params().dataType());
        }
        this.student = student;
        this.studentLogits = LogitTraining.of(student, shape);
        this.weights = weights;
        this.parameters = student.params().length();
    }

    /**
     * The loss terms of one minibatch and the gradient of their weighted sum in the victim's logits.
     *
     * @param ce           cross-entropy of the victim on the labelled in-distribution images
     * @param idDistance   {@code -L1(S, V)} on in-distribution images (weight beta)
     * @param ood          on out-of-distribution images: {@code L1(S, V)}, or minus the victim's mean entropy (weight gamma)
     * @param cosine       cosine of the student's distillation and cross-entropy gradients on in-distribution images (weight delta)
     * @param gradientSize mean absolute entry of the student's distillation gradient on out-of-distribution images (weight epsilon)
     * @param total        the weighted sum
     * @param upstreamId   its gradient in the victim's in-distribution logits, [B, K], double
     * @param upstreamOod  its gradient in the victim's out-of-distribution logits, [B', K], double
     * @param terms        the same gradient term by term (cross-entropy first, then each weighted term with a
     *                     non-zero weight), each as {in-distribution, out-of-distribution}: what PCGrad projects
     */
    record Evaluation(double ce, double idDistance, double ood, double cosine, double gradientSize, double total,
                      INDArray upstreamId, INDArray upstreamOod, java.util.List<INDArray[]> terms) {
    }

    /**
     * @param xId    in-distribution images, in the networks' input layout
     * @param yId    their one-hot labels [B, K]
     * @param zId    the victim's logits on them [B, K]
     * @param xOod   out-of-distribution images
     * @param zOod   the victim's logits on them
     */
    Evaluation evaluate(INDArray xId, INDArray yId, INDArray zId, INDArray xOod, INDArray zOod) {
        INDArray xi = xId.castTo(DataType.DOUBLE);
        INDArray xo = xOod.castTo(DataType.DOUBLE);
        INDArray y = yId.castTo(DataType.DOUBLE);
        INDArray v = zId.castTo(DataType.DOUBLE);
        INDArray vo = zOod.castTo(DataType.DOUBLE);
        long b = v.rows();
        long bo = vo.rows();
        INDArray logp = logSoftmax(v);
        double ce = -y.mul(logp).sumNumber().doubleValue() / b;
        java.util.List<INDArray[]> terms = new java.util.ArrayList<>();
        terms.add(new INDArray[] {Transforms.exp(logp, true).subi(y).divi(b), zeros(vo)});
        INDArray sId = studentLogits.logits(xi).castTo(DataType.DOUBLE);
        INDArray sOod = studentLogits.logits(xo).castTo(DataType.DOUBLE);

        double idDistance = 0;
        if (weights.beta() != 0) {
            INDArray g = Nd4j.zeros(DataType.DOUBLE, v.rows(), v.columns());
            idDistance = -l1(v, sId, g);
            terms.add(new INDArray[] {g.muli(-weights.beta()), zeros(vo)});
        }
        double ood = 0;
        if (weights.gamma() != 0) {
            INDArray g = Nd4j.zeros(DataType.DOUBLE, vo.rows(), vo.columns());
            ood = weights.oodTerm() == IniDefence.OodTerm.TOWARDS_STUDENT ? l1(vo, sOod, g) : negativeEntropy(vo, g);
            terms.add(new INDArray[] {zeros(v), g.muli(weights.gamma())});
        }
        double cosine = 0;
        if (weights.delta() != 0) {
            INDArray q = softmax(sId);
            INDArray g1 = studentLogits.parameterGradient(xi, klGradient(q, logSoftmax(sId), v)).divi(b);
            INDArray g2 = studentLogits.parameterGradient(xi, q.sub(y)).divi(b);
            double n1 = g1.norm2Number().doubleValue();
            double n2 = g2.norm2Number().doubleValue();
            if (n1 > 0 && n2 > 0) {
                cosine = g1.mul(g2).sumNumber().doubleValue() / (n1 * n2);
                // d cos / d G1
                INDArray r = g2.div(n1 * n2).subi(g1.mul(cosine / (n1 * n1)));
                terms.add(new INDArray[] {timesSoftmaxJacobian(q, directional(xi, r)).muli(-weights.delta() / b), zeros(vo)});
            }
        }
        double gradientSize = 0;
        if (weights.epsilon() != 0) {
            INDArray qo = softmax(sOod);
            INDArray g3 = studentLogits.parameterGradient(xo, klGradient(qo, logSoftmax(sOod), vo)).divi(bo);
            gradientSize = Transforms.abs(g3, true).sumNumber().doubleValue() / parameters;
            INDArray sign = Transforms.sign(g3, true);
            terms.add(new INDArray[] {zeros(v),
                timesSoftmaxJacobian(qo, directional(xo, sign)).muli(-weights.epsilon() / (bo * (double) parameters))});
        }
        double total = ce + weights.beta() * idDistance + weights.gamma() * ood + weights.delta() * cosine
                + weights.epsilon() * gradientSize;
        INDArray upId = zeros(v);
        INDArray upOod = zeros(vo);
        for (INDArray[] t : terms) {
            upId.addi(t[0]);
            upOod.addi(t[1]);
        }
        return new Evaluation(ce, idDistance, ood, cosine, gradientSize, total, upId, upOod, terms);
    }

    private static INDArray zeros(INDArray like) {
        return Nd4j.zeros(DataType.DOUBLE, like.rows(), like.columns());
    }

    /** Mean over [B, K] of {@code |s - (v - mean_k v)|} (the reference code's L1 on centred log-probabilities); its gradient in v into {@code grad}. */
    static double l1(INDArray v, INDArray s, INDArray grad) {
        long count = v.length();
        INDArray d = v.subColumnVector(v.mean(true, 1)).subi(s);
        double value = Transforms.abs(d, true).sumNumber().doubleValue() / count;
        INDArray sign = Transforms.sign(d, true);
        grad.assign(sign.subColumnVector(sign.mean(true, 1)).divi(count));
        return value;
    }

    /** Minus the mean entropy of softmax(v); its gradient {@code (1/B) p (log p + H)} into {@code grad}. */
    static double negativeEntropy(INDArray v, INDArray grad) {
        INDArray logp = logSoftmax(v);
        INDArray p = Transforms.exp(logp, true);
        INDArray h = p.mul(logp).sum(true, 1).negi();   // [B, 1]
        grad.assign(p.mul(logp.addColumnVector(h)).divi(v.rows()));
        return -h.sumNumber().doubleValue() / v.rows();
    }

    /** The gradient in the student's logits of {@code KL(softmax(s) || softmax(v))} per row: {@code M (log q - v)}. */
    static INDArray klGradient(INDArray q, INDArray logq, INDArray v) {
        return timesSoftmaxJacobian(q, logq.sub(v));
    }

    /** {@code M u = q * (u - <q, u>)} per row, {@code M = diag(q) - q q^T}. */
    static INDArray timesSoftmaxJacobian(INDArray q, INDArray u) {
        return q.mul(u.subColumnVector(q.mul(u).sum(true, 1)));
    }

    static INDArray softmax(INDArray z) {
        return Transforms.exp(logSoftmax(z), false);
    }

    static INDArray logSoftmax(INDArray z) {
        INDArray c = z.subColumnVector(z.max(true, 1));
        return c.subiColumnVector(Transforms.log(Transforms.exp(c, true).sum(true, 1), false));
    }

    /**
     * {@code J_n r} for every image: the student's logits differentiated along parameter direction
     * {@code r}, by a central difference at {@code theta +- t r} with {@code |t r| = fdStep * max(1, |theta|)}.
     * The parameters are restored exactly.
     */
    INDArray directional(INDArray x, INDArray r) {
        double rn = r.norm2Number().doubleValue();
        if (rn == 0) {
            return Nd4j.zeros(DataType.DOUBLE, x.size(0), studentLogits.numClasses());
        }
        INDArray theta = student.params().dup();
        double t = weights.finiteDifferenceStep() * Math.max(1, theta.norm2Number().doubleValue()) / rn;
        INDArray dir = r.reshape(theta.shape());
        try {
            student.setParams(theta.add(dir.mul(t)));
            INDArray plus = studentLogits.logits(x).castTo(DataType.DOUBLE).dup();
            student.setParams(theta.sub(dir.mul(t)));
            INDArray minus = studentLogits.logits(x).castTo(DataType.DOUBLE).dup();
            return plus.subi(minus).divi(2 * t);
        } finally {
            student.setParams(theta);
        }
    }

    /** One-hot labels as a double array. */
    static INDArray oneHot(int[] labels, int classes) {
        Matrix m = Matrix.oneHot(labels, classes);
        return Nd4j.create(m.data(), new long[] {m.rows(), m.cols()}, 'c').castTo(DataType.DOUBLE);
    }
}
