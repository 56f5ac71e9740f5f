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

import io.modelprint.ImageShape;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * A small image classifier architecture, named so that a zoo can key models by it:
 * {@code mlp-256} (one hidden layer of 256), {@code mlp-512-128}, {@code cnn-8-16-64}
 * (5x5 convolutions of 8 and 16 channels, each followed by 2x2 max pooling, then a dense layer of
 * 64), {@code cnnbn-16-32-128} (3x3 same-padded convolutions of 16 and 32 channels, each
 * followed by batch normalisation, ReLU and 2x2 max pooling, then a dense layer of 128), or
 * {@code softmax-regression} (no hidden layer: {@code softmax(W x + b)} on the pixels, the
 * victim of Tram&egrave;r et al.'s equation-solving attack). Every network ends in a dense softmax
 * layer trained with cross-entropy, uses ReLU, Xavier initialisation and Adam.
 *
 * <pre>{@code
 * Architecture a = Architecture.parse("cnn-8-16-64");
 * MultiLayerNetwork net = a.build(new ImageShape(1, 28, 28), 10, 42);
 * }</pre>
 *
 * @param kind   multi-layer perceptron or convolutional network
 * @param widths hidden widths: dense layers for an MLP; conv1, conv2 and dense for a CNN
 */
public record Architecture(Kind kind, int[] widths) {

    /**
     * The two families.
     *
     * <pre>{@code
     * if (architecture.kind() == Architecture.Kind.CNN) { ... fewer epochs ... }
     * }</pre>
     */
    public enum Kind {
        /** Dense layers only. */
        MLP,
        /** Two convolution and pooling blocks, then one dense layer. */
        CNN,
        /** Two blocks of 3x3 convolution, batch normalisation, ReLU and pooling, then one dense layer. */
        CNNBN,
        /** No hidden layer: the softmax output layer on the flattened pixels. */
        SOFTMAX_REGRESSION;

        /** Whether the kind has convolutions (CNNs learn in fewer epochs and cost more per image). */
        public boolean convolutional() {
            return this == CNN || this == CNNBN;
        }
    }

    /** The name of {@link #softmaxRegression()}. */
    public static final String SOFTMAX_REGRESSION_NAME = "softmax-regression";

    /** Default Adam learning rate of new networks. */
    public static final double DEFAULT_LEARNING_RATE = 1e-3;

    /** Validates the widths. */
    public Architecture {
        if (kind == null || widths == null) {
            throw new IllegalArgumentException("architecture kind and widths must be given");
        }
        widths = widths.clone();
        if (kind.convolutional() && widths.length != 3) {
            throw new IllegalArgumentException("a CNN takes 3 widths (conv1, conv2, dense), got " + Arrays.toString(widths));
        }
        if (kind == Kind.MLP && widths.length < 1) {
            throw new IllegalArgumentException("an MLP needs at least one hidden layer");
        }
        if (kind == Kind.SOFTMAX_REGRESSION && widths.length != 0) {
            throw new IllegalArgumentException("a softmax regression has no hidden layer, got widths " + Arrays.toString(widths));
        }
        for (int w : widths) {
            if (w < 1) {
                throw new IllegalArgumentException("layer widths must be positive, got " + Arrays.toString(widths));
            }
        }
    }

    /** The hidden widths (a copy). */
    @Override
    public int[] widths() {
        return widths.clone();
    }

    /** An MLP with these hidden widths. */
    public static Architecture mlp(int... hidden) {
        return new Architecture(Kind.MLP, hidden);
    }

    /** A CNN with two conv blocks of {@code conv1} and {@code conv2} channels and a dense layer. */
    public static Architecture cnn(int conv1, int conv2, int dense) {
        return new Architecture(Kind.CNN, new int[] {conv1, conv2, dense});
    }

    /** Softmax regression: {@code softmax(W x + b)} on the flattened image, no hidden layer. */
    public static Architecture softmaxRegression() {
        return new Architecture(Kind.SOFTMAX_REGRESSION, new int[0]);
    }

    /**
     * A CNN with batch normalisation: two blocks of a 3x3 same-padded convolution of {@code conv1}
     * (then {@code conv2}) channels, batch normalisation, ReLU and 2x2 max pooling, then a dense layer.
     */
    public static Architecture cnnBn(int conv1, int conv2, int dense) {
        return new Architecture(Kind.CNNBN, new int[] {conv1, conv2, dense});
    }

    /**
     * Parses a {@link #name()}, such as {@code mlp-256}, {@code cnn-8-16-64}, {@code cnnbn-16-32-128} or {@code softmax-regression}.
     *
     * @throws IllegalArgumentException if the name is not of that form
     */
    public static Architecture parse(String name) {
        String lower = name.trim().toLowerCase(Locale.ROOT);
        if (lower.equals(SOFTMAX_REGRESSION_NAME)) {
            return softmaxRegression();
        }
        String[] parts = lower.split("-");
        try {
            Kind k = Kind.valueOf(parts[0].toUpperCase(Locale.ROOT));
            int[] w = Arrays.stream(parts, 1, parts.length).mapToInt(Integer::parseInt).toArray();
            return new Architecture(k, w);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + name + "' is not an architecture name such as mlp-256, cnn-8-16-64, "
                    + "cnnbn-16-32-128 or softmax-regression", e);
        }
    }

    /** The name, such as {@code cnn-8-16-64} or {@code softmax-regression}. */
    public String name() {
        if (kind == Kind.SOFTMAX_REGRESSION) {
            return SOFTMAX_REGRESSION_NAME;
        }
        return kind.name().toLowerCase(Locale.ROOT) + "-"
                + Arrays.stream(widths).mapToObj(Integer::toString).collect(Collectors.joining("-"));
    }

    /** The configuration for images of {@code shape} and {@code numClasses} classes, initialised from {@code seed}. */
    public MultiLayerConfiguration configuration(ImageShape shape, int numClasses, long seed) {
        if (numClasses < 2) {
            throw new IllegalArgumentException("a classifier needs at least 2 classes, got " + numClasses);
        }
        if (kind.convolutional() && (shape.height() < 12 || shape.width() < 12)) {
            throw new IllegalArgumentException("architecture " + name() + " needs images of at least 12x12 "
                    + "(two convolutions and two 2x2 poolings), got " + shape.height() + "x" + shape.width());
        }
        var b = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(new Adam(DEFAULT_LEARNING_RATE))
                .weightInit(WeightInit.XAVIER)
                .list();
        int layer = 0;
        if (kind == Kind.CNN) {
            b.layer(layer++, new ConvolutionLayer.Builder(5, 5).nOut(widths[0]).activation(Activation.RELU).build());
            b.layer(layer++, new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build());
            b.layer(layer++, new ConvolutionLayer.Builder(5, 5).nOut(widths[1]).activation(Activation.RELU).build());
            b.layer(layer++, new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build());
            b.layer(layer++, new DenseLayer.Builder().nOut(widths[2]).activation(Activation.RELU).build());
        } else if (kind == Kind.CNNBN) {
            for (int c = 0; c < 2; c++) {
                // no bias in the convolution: batch normalisation's shift replaces it
                b.layer(layer++, new ConvolutionLayer.Builder(3, 3).nOut(widths[c]).convolutionMode(ConvolutionMode.Same)
                        .hasBias(false).activation(Activation.IDENTITY).build());
                b.layer(layer++, new BatchNormalization.Builder().build());
                b.layer(layer++, new ActivationLayer.Builder().activation(Activation.RELU).build());
                b.layer(layer++, new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build());
            }
            b.layer(layer++, new DenseLayer.Builder().nOut(widths[2]).activation(Activation.RELU).build());
        } else if (kind == Kind.MLP) {
            for (int w : widths) {
                b.layer(layer++, new DenseLayer.Builder().nOut(w).activation(Activation.RELU).build());
            }
        }
        b.layer(layer, new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                .nOut(numClasses).activation(Activation.SOFTMAX).build());
        b.setInputType(InputType.convolutional(shape.height(), shape.width(), shape.channels()));
        return b.build();
    }

    /** A new, initialised network. */
    public MultiLayerNetwork build(ImageShape shape, int numClasses, long seed) {
        MultiLayerNetwork net = new MultiLayerNetwork(configuration(shape, numClasses, seed));
        net.init();
        return net;
    }

    /**
     * Runs {@code training} with the network's output activation set to {@code softmax(z / T)},
     * then puts the plain softmax back (for knowledge distillation).
     */
    public static void withOutputTemperature(MultiLayerNetwork net, double temperature, Runnable training) {
        var confs = net.getLayerWiseConfigurations().getConfs();
        var out = (BaseLayer) confs.get(confs.size() - 1).getLayer();
        var original = out.getActivationFn();
        if (!(original instanceof ActivationSoftmax)) {
            throw new IllegalArgumentException("distillation needs a softmax output layer, got " + original);
        }
        out.setActivationFn(new SoftmaxWithTemperature(temperature));
        try {
            training.run();
        } finally {
            out.setActivationFn(original);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Architecture a && a.kind == kind && Arrays.equals(a.widths, widths);
    }

    @Override
    public int hashCode() {
        return 31 * kind.hashCode() + Arrays.hashCode(widths);
    }

    @Override
    public String toString() {
        return name();
    }
}
