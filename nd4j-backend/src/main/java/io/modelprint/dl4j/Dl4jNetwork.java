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
import java.util.function.UnaryOperator;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One DL4J network, multi-layer or graph, with what the adapters need: inputs in the right
 * layout, probabilities, exact logits from a parameter-sharing twin, and the output layer's
 * configuration.
 */
abstract class Dl4jNetwork {

    final ImageShape shape;
    private final boolean flatInput;

    Dl4jNetwork(ImageShape shape, boolean flatInput) {
        this.shape = shape;
        this.flatInput = flatInput;
    }

    static Dl4jNetwork of(MultiLayerNetwork net, ImageShape shape) {
        if (net == null || shape == null) {
            throw new IllegalArgumentException("network and input shape must be given");
        }
        if (net.getLayers() == null || net.getLayers().length == 0) {
            throw new IllegalArgumentException("the network has no layers: call init() before wrapping it");
        }
        return new Multi(net, shape);
    }

    static Dl4jNetwork of(ComputationGraph graph, ImageShape shape) {
        if (graph == null || shape == null) {
            throw new IllegalArgumentException("graph and input shape must be given");
        }
        if (graph.getLayers() == null || graph.getLayers().length == 0) {
            throw new IllegalArgumentException("the graph has no layers: call init() before wrapping it");
        }
        return new Graph(graph, shape);
    }

    abstract Object raw();

    /** The configuration of the output layer (of the original network). */
    abstract Layer outputLayerConf();

    abstract INDArray probabilities(INDArray input);

    abstract INDArray logits(INDArray input);

    /** {@code J^T upstream} per image, with {@code J} the Jacobian of the logits; shaped like {@code input}. */
    abstract INDArray inputGradient(INDArray input, INDArray upstream);

    /** The pass-through loss of the gradient twin (built on first use). */
    abstract PassThroughLoss gradientLoss();

    /**
     * {@code J^T g(z)} per image where {@code z} are the logits of this input, in one forward and one
     * backward pass: the pass-through loss computes {@code g(z)} from the pre-activations it sees.
     */
    INDArray inputGradient(INDArray input, UnaryOperator<INDArray> upstreamOfLogits, int classes) {
        INDArray dummy = Nd4j.zeros(input.dataType(), input.size(0), classes);
        PassThroughLoss loss = gradientLoss();
        loss.upstreamOfPreOutput = upstreamOfLogits;
        try {
            return inputGradient(input, dummy);
        } finally {
            loss.upstreamOfPreOutput = null;
            loss.forget();
        }
    }

    int numClasses() {
        Layer l = outputLayerConf();
        if (l instanceof FeedForwardLayer ff && ff.getNOut() > 0) {
            return (int) ff.getNOut();
        }
        throw new IllegalArgumentException("cannot tell the class count of output layer " + l.getClass().getSimpleName());
    }

    IActivation outputActivation() {
        Layer l = outputLayerConf();
        if (l instanceof BaseLayer b) {
            return b.getActivationFn();
        }
        throw new IllegalArgumentException("the network must end in an output layer with an activation, got "
                + l.getClass().getSimpleName());
    }

    boolean hasSoftmaxOutput() {
        return outputActivation() instanceof ActivationSoftmax;
    }

    boolean hasIdentityOutput() {
        return outputActivation() instanceof ActivationIdentity;
    }

    INDArray toInput(ImageBatch batch) {
        float[] px = batch.pixels();
        long n = batch.count();
        if (flatInput) {
            return Nd4j.create(px, new long[] {n, shape.size()}, 'c');
        }
        return Nd4j.create(px, new long[] {n, shape.channels(), shape.height(), shape.width()}, 'c');
    }

    /** Checks the output layer and sets it to the identity activation in a configuration copy. */
    static void makeIdentityOutput(Layer outputConf) {
        if (!(outputConf instanceof BaseLayer b)) {
            throw new IllegalArgumentException("the network must end in an output layer with an activation, got "
                    + outputConf.getClass().getSimpleName());
        }
        b.setActivationFn(new ActivationIdentity());
    }

    /** Identity output with the pass-through loss, so that backprop of "labels" g gives J^T g. */
    static PassThroughLoss makeGradientOutput(Layer outputConf) {
        makeIdentityOutput(outputConf);
        if (!(outputConf instanceof BaseOutputLayer o)) {
            throw new IllegalArgumentException("input gradients need an output layer with a loss function (OutputLayer), got "
                    + outputConf.getClass().getSimpleName());
        }
        PassThroughLoss loss = new PassThroughLoss();
        o.setLossFn(loss);
        return loss;
    }

    static boolean isFlat(Layer first, InputPreProcessor pre) {
        return pre == null && first instanceof DenseLayer;
    }

    static final class Multi extends Dl4jNetwork {
        private final MultiLayerNetwork net;
        private MultiLayerNetwork logitTwin;
        private MultiLayerNetwork gradientTwin;
        private PassThroughLoss gradientLoss;

        @Override
        PassThroughLoss gradientLoss() {
            gradientTwin();
            return gradientLoss;
        }

        Multi(MultiLayerNetwork net, ImageShape shape) {
            super(shape, isFlat(net.getLayerWiseConfigurations().getConf(0).getLayer(),
                    net.getLayerWiseConfigurations().getInputPreProcess(0)));
            this.net = net;
        }

        @Override
        Object raw() {
            return net;
        }

        @Override
        Layer outputLayerConf() {
            MultiLayerConfiguration c = net.getLayerWiseConfigurations();
            return c.getConf(c.getConfs().size() - 1).getLayer();
        }

        @Override
        INDArray probabilities(INDArray input) {
            return net.output(input, false);
        }

        @Override
        INDArray logits(INDArray input) {
            if (hasIdentityOutput()) {
                return net.output(input, false);
            }
            return twin().output(input, false);
        }

        MultiLayerNetwork twin() {
            if (logitTwin == null || logitTwin.params() != net.params()) {
                MultiLayerConfiguration c = net.getLayerWiseConfigurations().clone();
                makeIdentityOutput(c.getConf(c.getConfs().size() - 1).getLayer());
                MultiLayerNetwork t = new MultiLayerNetwork(c);
                t.init(net.params(), false); // shares the parameter buffer: always current
                logitTwin = t;
            }
            return logitTwin;
        }

        private MultiLayerNetwork gradientTwin() {
            if (gradientTwin == null || gradientTwin.params() != net.params()) {
                MultiLayerConfiguration c = net.getLayerWiseConfigurations().clone();
                gradientLoss = makeGradientOutput(c.getConf(c.getConfs().size() - 1).getLayer());
                c.setTrainingWorkspaceMode(WorkspaceMode.NONE);
                MultiLayerNetwork t = new MultiLayerNetwork(c);
                t.init(net.params(), false);
                gradientTwin = t;
            }
            return gradientTwin;
        }

        @Override
        INDArray inputGradient(INDArray input, INDArray upstream) {
            return gradientTwin().calculateGradients(input, upstream, null, null).getSecond();
        }

        /** {@code sum_n J_n^T upstream_n}, with {@code J_n} the Jacobian of image n's logits in the parameters. */
        INDArray parameterGradient(INDArray input, INDArray upstream) {
            return gradientTwin().calculateGradients(input, upstream, null, null).getFirst().gradient().dup();
        }

        /**
         * One step of the network's updater along {@code sum_n J_n^T upstream_n}. The twin trains the
         * shared parameters; DL4J divides a minibatch's gradient by its size, which the factor undoes.
         */
        void step(INDArray input, INDArray upstream, double learningRate) {
            MultiLayerNetwork t = gradientTwin();
            t.setLearningRate(learningRate);
            t.fit(input, upstream.mul(input.size(0)));
        }

        MultiLayerNetwork network() {
            return net;
        }
    }

    /** Copies the gradient at a graph's input vertex at the end of backprop, before the graph clears it. */
    private static final class InputEpsilon extends BaseTrainingListener {
        private final String input;
        INDArray captured;

        InputEpsilon(String input) {
            this.input = input;
        }

        @Override
        public void onBackwardPass(Model model) {
            INDArray eps = ((ComputationGraph) model).getVertex(input).getEpsilon();
            captured = eps == null ? null : eps.dup();
        }
    }

    private static final class Graph extends Dl4jNetwork {
        private final ComputationGraph graph;
        private ComputationGraph logitTwin;
        private ComputationGraph gradientTwin;
        private PassThroughLoss gradientLoss;

        @Override
        PassThroughLoss gradientLoss() {
            gradientTwin();
            return gradientLoss;
        }
        private final InputEpsilon inputEpsilon;

        Graph(ComputationGraph graph, ImageShape shape) {
            super(shape, firstIsFlat(graph.getConfiguration()));
            ComputationGraphConfiguration c = graph.getConfiguration();
            if (c.getNetworkInputs().size() != 1 || c.getNetworkOutputs().size() != 1) {
                throw new IllegalArgumentException("a graph model needs exactly one input and one output, got "
                        + c.getNetworkInputs() + " and " + c.getNetworkOutputs());
            }
            this.graph = graph;
            this.inputEpsilon = new InputEpsilon(c.getNetworkInputs().get(0));
        }

        private static boolean firstIsFlat(ComputationGraphConfiguration c) {
            String in = c.getNetworkInputs().get(0);
            for (var e : c.getVertexInputs().entrySet()) {
                if (e.getValue().contains(in)) {
                    GraphVertex v = c.getVertices().get(e.getKey());
                    if (v instanceof LayerVertex lv) {
                        return isFlat(lv.getLayerConf().getLayer(), lv.getPreProcessor());
                    }
                }
            }
            return false;
        }

        @Override
        Object raw() {
            return graph;
        }

        private static Layer outputOf(ComputationGraphConfiguration c) {
            GraphVertex v = c.getVertices().get(c.getNetworkOutputs().get(0));
            if (!(v instanceof LayerVertex lv)) {
                throw new IllegalArgumentException("the graph's output " + c.getNetworkOutputs().get(0)
                        + " is not a layer");
            }
            return lv.getLayerConf().getLayer();
        }

        @Override
        Layer outputLayerConf() {
            return outputOf(graph.getConfiguration());
        }

        @Override
        INDArray probabilities(INDArray input) {
            return graph.outputSingle(false, input);
        }

        @Override
        INDArray logits(INDArray input) {
            if (hasIdentityOutput()) {
                return graph.outputSingle(false, input);
            }
            return twin().outputSingle(false, input);
        }

        ComputationGraph twin() {
            if (logitTwin == null || logitTwin.params() != graph.params()) {
                ComputationGraphConfiguration c = graph.getConfiguration().clone();
                makeIdentityOutput(outputOf(c));
                ComputationGraph t = new ComputationGraph(c);
                t.init(graph.params(), false);
                logitTwin = t;
            }
            return logitTwin;
        }

        private ComputationGraph gradientTwin() {
            if (gradientTwin == null || gradientTwin.params() != graph.params()) {
                ComputationGraphConfiguration c = graph.getConfiguration().clone();
                gradientLoss = makeGradientOutput(outputOf(c));
                // without workspaces the input vertex's epsilon stays valid after backprop
                c.setTrainingWorkspaceMode(WorkspaceMode.NONE);
                c.setInferenceWorkspaceMode(WorkspaceMode.NONE);
                ComputationGraph t = new ComputationGraph(c);
                t.init(graph.params(), false);
                // the graph clears its epsilons when backprop ends; a listener sees them just before
                t.setListeners(inputEpsilon);
                gradientTwin = t;
            }
            return gradientTwin;
        }

        @Override
        INDArray inputGradient(INDArray input, INDArray upstream) {
            gradientTwin();
            inputEpsilon.captured = null;
            gradientTwin.setInputs(input);
            gradientTwin.setLabels(upstream);
            gradientTwin.computeGradientAndScore();
            gradientTwin.clear();
            if (inputEpsilon.captured == null) {
                throw new IllegalStateException("DL4J computed no gradient for the graph's input");
            }
            return inputEpsilon.captured;
        }
    }
}
