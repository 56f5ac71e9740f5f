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

import io.modelprint.AbstractModel;
import io.modelprint.ImageBatch;
import io.modelprint.ImageShape;
import io.modelprint.Model;
import io.modelprint.OutputKind;
import io.modelprint.Predictions;
import io.modelprint.WhiteBoxModel;
import io.modelprint.kernel.Matrix;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A DL4J {@link MultiLayerNetwork} or {@link ComputationGraph} as a {@link Model}.
 *
 * <p>The network must end in one output layer (an {@code OutputLayer} or {@code LossLayer}) with
 * a softmax or an identity activation. Logits are read from a twin of the network that shares its
 * parameters but has an identity output activation, so they are exact, not {@code log(p)}.
 * The adapter always reads the network's current parameters; keep training it and the model
 * follows.
 *
 * <p>Images go in as {@code [N, C, H, W]}, or flattened to {@code [N, C*H*W]} when the first
 * layer is a dense layer without a preprocessor.
 *
 * <p>It is a {@link WhiteBoxModel}: {@link #logits} and {@link #inputGradient} use DL4J's own
 * backpropagation (through a twin whose output layer has an identity activation and a loss whose
 * gradient is the given upstream gradient). Networks with dropout or batch normalisation get
 * gradients in training mode.
 *
 * <pre>{@code
 * Model victim = Dl4jModel.of("victim", network, new ImageShape(1, 28, 28));           // logits
 * Model api = Dl4jModel.of("api", network, new ImageShape(1, 28, 28), OutputKind.PROBABILITIES);
 * }</pre>
 */
public final class Dl4jModel extends AbstractModel implements WhiteBoxModel {

    private final Dl4jNetwork network;

    private Dl4jModel(String name, Dl4jNetwork network, ImageShape shape, OutputKind kind) {
        super(name, shape, network.numClasses(), kind);
        if (kind == OutputKind.PROBABILITIES && !network.hasSoftmaxOutput()) {
            throw new IllegalArgumentException("model " + name + " ends in a " + network.outputActivation()
                    + " activation, not softmax: its outputs are not probabilities; use OutputKind.LOGITS");
        }
        this.network = network;
    }

    /** A network answering logits. */
    public static Dl4jModel of(String name, MultiLayerNetwork network, ImageShape shape) {
        return of(name, network, shape, OutputKind.LOGITS);
    }

    /** A network answering {@code kind}. */
    public static Dl4jModel of(String name, MultiLayerNetwork network, ImageShape shape, OutputKind kind) {
        return new Dl4jModel(name, Dl4jNetwork.of(network, shape), shape, kind);
    }

    /** A graph answering logits. */
    public static Dl4jModel of(String name, ComputationGraph graph, ImageShape shape) {
        return of(name, graph, shape, OutputKind.LOGITS);
    }

    /** A graph answering {@code kind}. */
    public static Dl4jModel of(String name, ComputationGraph graph, ImageShape shape, OutputKind kind) {
        return new Dl4jModel(name, Dl4jNetwork.of(graph, shape), shape, kind);
    }

    /** The same network answering another kind of output (sharing parameters and nothing else). */
    public Dl4jModel as(OutputKind kind) {
        return new Dl4jModel(name(), network, inputShape(), kind);
    }

    /** The wrapped network: a {@link MultiLayerNetwork} or a {@link ComputationGraph}. */
    public Object network() {
        return network.raw();
    }

    @Override
    protected Predictions answer(ImageBatch batch) {
        INDArray input = network.toInput(batch);
        INDArray out;
        synchronized (network.raw()) {
            out = outputKind() == OutputKind.LOGITS ? network.logits(input) : network.probabilities(input);
        }
        Matrix scores = toMatrix(out);
        if (outputKind() == OutputKind.LABELS) {
            return Predictions.ofScores(OutputKind.LOGITS, scores).toLabels();
        }
        return Predictions.ofScores(outputKind(), scores);
    }

    @Override
    public Matrix logits(ImageBatch batch) {
        checkBatch(batch);
        INDArray input = network.toInput(batch);
        synchronized (network.raw()) {
            return toMatrix(network.logits(input));
        }
    }

    @Override
    public float[] inputGradient(ImageBatch batch, Matrix upstream) {
        checkBatch(batch);
        if (upstream.rows() != batch.count() || upstream.cols() != numClasses()) {
            throw new IllegalArgumentException("model " + name() + ": the upstream gradient must be " + batch.count()
                    + " x " + numClasses() + ", got " + upstream.rows() + " x " + upstream.cols());
        }
        INDArray input = network.toInput(batch);
        INDArray g = Nd4j.create(upstream.data(), new long[] {upstream.rows(), upstream.cols()}, 'c');
        INDArray dx;
        synchronized (network.raw()) {
            dx = network.inputGradient(input, g);
        }
        return dx.castTo(DataType.FLOAT).dup('c').data().asFloat();
    }

    @Override
    public float[] inputGradient(ImageBatch batch, LogitLoss loss) {
        checkBatch(batch);
        INDArray input = network.toInput(batch);
        INDArray dx;
        synchronized (network.raw()) {
            dx = network.inputGradient(input, z -> {
                Matrix g = loss.gradient(toMatrix(z));
                if (g.rows() != z.rows() || g.cols() != z.columns()) {
                    throw new IllegalArgumentException("model " + name() + ": the loss gradient must be " + z.rows()
                            + " x " + z.columns() + ", got " + g.rows() + " x " + g.cols());
                }
                return Nd4j.create(g.data(), new long[] {g.rows(), g.cols()}, 'c').castTo(z.dataType());
            }, numClasses());
        }
        return dx.castTo(DataType.FLOAT).dup('c').data().asFloat();
    }

    static Matrix toMatrix(INDArray out) {
        INDArray f = out.castTo(DataType.FLOAT).dup('c');
        return Matrix.of(f.rows(), f.columns(), f.data().asFloat());
    }

    Dl4jNetwork handle() {
        return network;
    }
}
