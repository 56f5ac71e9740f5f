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

import io.modelprint.ImageBatch;
import io.modelprint.ImageShape;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A DL4J network trained on a loss that the caller writes on its logits: the logits of a batch,
 * the parameter gradient {@code sum_n J_n^T u_n} of any upstream gradient {@code u} on them, and
 * one optimiser step along it. This is how training recipes whose loss DL4J has no layer for (the
 * InI defence's terms) use DL4J's own backpropagation and updaters: the caller differentiates its
 * loss with respect to the logits, DL4J does the rest. Logits and gradients come from a twin of
 * the network that shares its parameters and has an identity output activation, so training here
 * changes the network itself.
 *
 * <p>DL4J computes first derivatives only (no gradients of gradients): a loss that depends on
 * another network's parameter gradient must differentiate that part itself.
 *
 * <pre>{@code
 * LogitTraining t = LogitTraining.of(net, new ImageShape(1, 28, 28));
 * INDArray x = t.input(batch);
 * INDArray z = t.logits(x);
 * INDArray dLdz = myLossGradient(z);          // [N, classes]
 * INDArray g = t.parameterGradient(x, dLdz);  // laid out like net.params()
 * t.step(x, dLdz, 1e-3);                      // one Adam step on the loss
 * }</pre>
 */
public final class LogitTraining {

    private final Dl4jNetwork.Multi network;

    private LogitTraining(Dl4jNetwork.Multi network) {
        this.network = network;
    }

    /**
     * The network, taking images of {@code shape}.
     *
     * @throws IllegalArgumentException if the network is not initialised or does not end in an output layer
     */
    public static LogitTraining of(MultiLayerNetwork net, ImageShape shape) {
        Dl4jNetwork.Multi m = (Dl4jNetwork.Multi) Dl4jNetwork.of(net, shape);
        m.outputActivation();   // fails early with a clear message on a network without an output layer
        return new LogitTraining(m);
    }

    /** The network's input array for {@code batch} (NCHW, or flat for a dense first layer). */
    public INDArray input(ImageBatch batch) {
        if (batch == null || batch.isEmpty() || !batch.shape().equals(network.shape)) {
            throw new IllegalArgumentException("the network takes a non-empty batch of " + network.shape + " images, got "
                    + (batch == null ? "none" : batch.count() + " of " + batch.shape()));
        }
        return network.toInput(batch);
    }

    /** Number of classes. */
    public int numClasses() {
        return network.numClasses();
    }

    /** The logits {@code [N, classes]} of {@code input}, in inference mode. */
    public INDArray logits(INDArray input) {
        return network.logits(input);
    }

    /**
     * {@code sum_n J_n^T upstream_n}: the gradient in the parameters of any loss whose gradient in
     * the logits is {@code upstream}, laid out like {@link MultiLayerNetwork#params()}.
     *
     * @throws IllegalArgumentException if {@code upstream} is not {@code [N, classes]}
     */
    public INDArray parameterGradient(INDArray input, INDArray upstream) {
        checkUpstream(input, upstream);
        return network.parameterGradient(input, upstream.castTo(input.dataType()));
    }

    /**
     * One step of the network's updater (Adam for {@link Architecture}'s networks) at
     * {@code learningRate}, along the gradient of a loss whose gradient in the logits is
     * {@code upstream}: with plain SGD the parameters move by {@code -learningRate * sum_n J_n^T upstream_n}.
     *
     * @throws IllegalArgumentException if {@code upstream} is not {@code [N, classes]} or the rate is not positive
     */
    public void step(INDArray input, INDArray upstream, double learningRate) {
        checkUpstream(input, upstream);
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be finite and > 0, got " + learningRate);
        }
        network.step(input, upstream.castTo(input.dataType()), learningRate);
    }

    private void checkUpstream(INDArray input, INDArray upstream) {
        if (upstream == null || upstream.rank() != 2 || upstream.size(0) != input.size(0)
                || upstream.size(1) != network.numClasses()) {
            throw new IllegalArgumentException("the upstream gradient must be [" + input.size(0) + ", "
                    + network.numClasses() + "] (one row of d loss / d logits per image), got "
                    + (upstream == null ? "none" : java.util.Arrays.toString(upstream.shape())));
        }
    }
}
