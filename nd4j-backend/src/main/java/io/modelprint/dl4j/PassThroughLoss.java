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
package io.modelprint.dl4j;

import java.util.function.UnaryOperator;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.ILossFunction;

/**
 * A loss whose "labels" are the gradient of some outer loss with respect to the network's
 * pre-activation outputs: {@code L = sum(labels * z)}. Backpropagating it through a network with
 * an identity output activation gives the vector-Jacobian product {@code J^T labels}, which is how
 * {@link Dl4jModel} computes input gradients of arbitrary losses on logits with DL4J's own backprop.
 * Not meant for training.
 */
final class PassThroughLoss implements ILossFunction {

    private static final long serialVersionUID = 1L;

    /**
     * When set, the upstream gradient is computed from the pre-activations in the backward pass
     * itself instead of being read from the labels: one forward pass serves both.
     */
    transient UnaryOperator<INDArray> upstreamOfPreOutput;

    // the score and the gradient see the same pre-activations: compute the upstream once for both
    private transient INDArray lastPreOutput;
    private transient INDArray lastUpstream;

    private INDArray upstream(INDArray labels, INDArray preOutput) {
        if (upstreamOfPreOutput == null) {
            return labels;
        }
        if (preOutput != lastPreOutput || lastUpstream == null) {
            lastUpstream = upstreamOfPreOutput.apply(preOutput);
            lastPreOutput = preOutput;
        }
        return lastUpstream;
    }

    /** Drops the remembered upstream gradient. */
    void forget() {
        lastPreOutput = null;
        lastUpstream = null;
    }

    @Override
    public double computeScore(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask,
                               boolean average) {
        double s = computeScoreArray(labels, preOutput, activationFn, mask).sumNumber().doubleValue();
        return average ? s / labels.size(0) : s;
    }

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        INDArray out = activationFn.getActivation(preOutput.dup(), true);
        return out.muli(upstream(labels, preOutput)).sum(1);
    }

    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        return activationFn.backprop(preOutput.dup(), upstream(labels, preOutput).dup()).getFirst();
    }

    @Override
    public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput, IActivation activationFn,
                                                         INDArray mask, boolean average) {
        return new Pair<>(computeScore(labels, preOutput, activationFn, mask, average),
                computeGradient(labels, preOutput, activationFn, mask));
    }

    @Override
    public String name() {
        return "PassThroughLoss";
    }
}
