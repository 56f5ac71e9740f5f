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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.ImageBatch;
import io.modelprint.ImageShape;
import io.modelprint.WhiteBoxModel;
import io.modelprint.kernel.Matrix;
import java.util.List;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** Input gradients from DL4J's backprop against central finite differences of the logits. */
class InputGradientTest {

    private static final ImageShape SHAPE = new ImageShape(1, 28, 28);

    private static ImageBatch interiorImages(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] px = new float[n * SHAPE.size()];
        for (int i = 0; i < px.length; i++) {
            px[i] = (float) (0.2 + 0.6 * rng.nextDouble());
        }
        return ImageBatch.of(SHAPE, px);
    }

    private static Matrix upstream(int n, int classes, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] g = new float[n * classes];
        for (int i = 0; i < g.length; i++) {
            g[i] = (float) rng.nextGaussian();
        }
        return Matrix.of(n, classes, g);
    }

    /** sum_c g[n][c] * z_c(x_n) for image n. */
    private static double weighted(Dl4jModel m, ImageBatch x, Matrix g, int n) {
        Matrix z = m.logits(x);
        double s = 0;
        for (int c = 0; c < z.cols(); c++) {
            s += (double) g.get(n, c) * z.get(n, c);
        }
        return s;
    }

    private static void assertMatchesFiniteDifferences(Dl4jModel model) {
        int n = 3;
        ImageBatch x = interiorImages(n, 11);
        Matrix g = upstream(n, 10, 12);
        float[] grad = model.inputGradient(x, g);
        assertEquals(n * SHAPE.size(), grad.length);
        SplittableRandom rng = new SplittableRandom(13);
        double h = 1e-2;
        double maxAbs = 0;
        for (int trial = 0; trial < 24; trial++) {
            int img = rng.nextInt(n);
            int p = rng.nextInt(SHAPE.size());
            float[] plus = x.pixels().clone();
            float[] minus = x.pixels().clone();
            plus[img * SHAPE.size() + p] += (float) h;
            minus[img * SHAPE.size() + p] -= (float) h;
            double fd = (weighted(model, ImageBatch.of(SHAPE, plus), g, img)
                    - weighted(model, ImageBatch.of(SHAPE, minus), g, img)) / (2 * h);
            double an = grad[img * SHAPE.size() + p];
            maxAbs = Math.max(maxAbs, Math.abs(an));
            assertEquals(fd, an, 2e-3 + 2e-2 * Math.abs(fd), "pixel " + p + " of image " + img);
        }
        assertTrue(maxAbs > 1e-4, "the gradient is not identically zero");
    }

    @Test
    void multiLayerCnnGradientsMatchFiniteDifferences() {
        // smooth activations and average pooling: finite differences have no kinks to cross
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(3).list()
                .layer(new ConvolutionLayer.Builder(5, 5).nOut(4).activation(Activation.TANH).build())
                .layer(new SubsamplingLayer.Builder(
                        SubsamplingLayer.PoolingType.AVG).kernelSize(2, 2).stride(2, 2).build())
                .layer(new DenseLayer.Builder().nOut(16).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(10).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(28, 28, 1)).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        assertMatchesFiniteDifferences(Dl4jModel.of("cnn", net, SHAPE));
    }

    @Test
    void reluMaxPoolCnnGradientsAgreeWithFiniteDifferencesAwayFromKinks() {
        Dl4jModel m = Dl4jModel.of("cnn", Architecture.cnn(4, 8, 16).build(SHAPE, 10, 3), SHAPE);
        ImageBatch x = interiorImages(2, 21);
        Matrix g = upstream(2, 10, 22);
        float[] grad = m.inputGradient(x, g);
        SplittableRandom rng = new SplittableRandom(23);
        int agree = 0;
        for (int trial = 0; trial < 40; trial++) {
            int p = rng.nextInt(SHAPE.size());
            float[] plus = x.pixels().clone();
            float[] minus = x.pixels().clone();
            plus[p] += 1e-3f;
            minus[p] -= 1e-3f;
            double fd = (weighted(m, ImageBatch.of(SHAPE, plus), g, 0) - weighted(m, ImageBatch.of(SHAPE, minus), g, 0)) / 2e-3;
            if (Math.abs(fd - grad[p]) <= 2e-3 + 2e-2 * Math.abs(fd)) {
                agree++;
            }
        }
        // a max-pooling switch or a ReLU kink inside [x - h, x + h] breaks a few finite differences
        assertTrue(agree >= 36, agree + " of 40 pixels agree");
    }

    @Test
    void multiLayerMlpGradientsMatchFiniteDifferences() {
        assertMatchesFiniteDifferences(Dl4jModel.of("mlp", Architecture.mlp(32).build(SHAPE, 10, 4), SHAPE));
    }

    @Test
    void computationGraphGradientsMatchFiniteDifferences() {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(5).graphBuilder()
                .addInputs("in")
                .setInputTypes(InputType.convolutional(28, 28, 1))
                .addLayer("conv", new ConvolutionLayer.Builder(5, 5).nOut(4).activation(Activation.TANH).build(), "in")
                .addLayer("dense", new DenseLayer.Builder().nOut(16).activation(Activation.TANH).build(), "conv")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(10)
                        .activation(Activation.SOFTMAX).build(), "dense")
                .setOutputs("out").build();
        ComputationGraph graph = new ComputationGraph(conf);
        graph.init();
        assertMatchesFiniteDifferences(Dl4jModel.of("graph", graph, SHAPE));
    }

    @Test
    void theOnePassGradientOfALossOnLogitsEqualsTheTwoPassOne() {
        for (Dl4jModel m : List.of(Dl4jModel.of("cnn", Architecture.cnn(4, 8, 16).build(SHAPE, 10, 3), SHAPE),
                Dl4jModel.of("mlp", Architecture.mlp(32).build(SHAPE, 10, 4), SHAPE))) {
            ImageBatch x = interiorImages(4, 31);
            // a loss that depends on the logits: softmax cross-entropy towards class 2
            WhiteBoxModel.LogitLoss loss = z -> {
                float[] g = new float[z.rows() * z.cols()];
                for (int r = 0; r < z.rows(); r++) {
                    double max = Double.NEGATIVE_INFINITY;
                    for (int c = 0; c < z.cols(); c++) {
                        max = Math.max(max, z.get(r, c));
                    }
                    double sum = 0;
                    for (int c = 0; c < z.cols(); c++) {
                        sum += Math.exp(z.get(r, c) - max);
                    }
                    for (int c = 0; c < z.cols(); c++) {
                        g[r * z.cols() + c] = (float) (Math.exp(z.get(r, c) - max) / sum - (c == 2 ? 1 : 0));
                    }
                }
                return Matrix.of(z.rows(), z.cols(), g);
            };
            float[] onePass = m.inputGradient(x, loss);
            float[] twoPass = m.inputGradient(x, loss.gradient(m.logits(x)));
            for (int i = 0; i < onePass.length; i++) {
                assertEquals(twoPass[i], onePass[i], 1e-5, m.name() + " entry " + i);
            }
        }
    }

    @Test
    void anUpstreamGradientOfTheWrongShapeIsRejected() {
        Dl4jModel m = Dl4jModel.of("mlp", Architecture.mlp(8).build(SHAPE, 10, 1), SHAPE);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> m.inputGradient(interiorImages(2, 1), Matrix.zeros(2, 9)));
        assertTrue(e.getMessage().contains("2 x 10") && e.getMessage().contains("2 x 9"), e.getMessage());
    }
}
