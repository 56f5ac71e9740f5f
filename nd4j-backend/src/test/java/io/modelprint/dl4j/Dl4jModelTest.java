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

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.ImageBatch;
import io.modelprint.ImageShape;
import io.modelprint.LabeledImages;
import io.modelprint.OutputKind;
import io.modelprint.Predictions;
import io.modelprint.ProgressListener;
import io.modelprint.kernel.Matrix;
import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

class Dl4jModelTest {

    static final ImageShape SHAPE = new ImageShape(1, 28, 28);

    static ImageBatch images(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] px = new float[n * SHAPE.size()];
        for (int i = 0; i < px.length; i++) {
            px[i] = (float) rng.nextDouble();
        }
        return ImageBatch.of(SHAPE, px);
    }

    static void assertSoftmaxOf(Predictions logits, Predictions probabilities) {
        Matrix expected = logits.toProbabilities().scores();
        Matrix actual = probabilities.scores();
        for (int i = 0; i < expected.data().length; i++) {
            assertEquals(expected.data()[i], actual.data()[i], 1e-5, "entry " + i);
        }
    }

    @Test
    void logitsAreExactPreSoftmaxOutputsOfAMultiLayerNetwork() {
        MultiLayerNetwork net = Architecture.cnn(4, 8, 16).build(SHAPE, 10, 1);
        ImageBatch x = images(7, 2);
        Predictions logits = Dl4jModel.of("m", net, SHAPE).predict(x);
        Predictions probs = Dl4jModel.of("m", net, SHAPE, OutputKind.PROBABILITIES).predict(x);
        assertEquals(OutputKind.LOGITS, logits.kind());
        assertSoftmaxOf(logits, probs);
        assertArrayEquals(logits.labels(), Dl4jModel.of("m", net, SHAPE, OutputKind.LABELS).predict(x).labels());
        // logits are not log-probabilities: their rows do not log-sum-exp to zero
        double lse = 0;
        for (int c = 0; c < 10; c++) {
            lse += Math.exp(logits.scores().get(0, c));
        }
        assertNotEquals(0.0, Math.log(lse), 1e-3);
    }

    @Test
    void theLogitTwinFollowsTraining() {
        MultiLayerNetwork net = Architecture.mlp(16).build(SHAPE, 10, 3);
        Dl4jModel model = Dl4jModel.of("m", net, SHAPE);
        ImageBatch x = images(5, 4);
        Predictions before = model.predict(x);
        int[] labels = new int[64];
        Arrays.fill(labels, 3);
        Trainer.fit(net, TrainingData.of(new LabeledImages(images(64, 5), labels, 10)),
                new Trainer.Config(2, 16, 1e-2, 1), "t", ProgressListener.NONE);
        Predictions after = model.predict(x);
        assertNotEquals(before, after);
        assertSoftmaxOf(after, model.as(OutputKind.PROBABILITIES).predict(x));
        assertEquals(3, after.label(0), "training on one class moves the argmax there");
    }

    @Test
    void aBatchNormCnnAnswersWithItsRunningStatisticsAndSavesThem(@TempDir Path dir) throws Exception {
        MultiLayerNetwork net = Architecture.cnnBn(4, 8, 16).build(SHAPE, 10, 2);
        assertEquals("cnnbn-4-8-16", Architecture.parse("cnnbn-4-8-16").name());
        int[] labels = new int[48];
        Arrays.fill(labels, 7);
        Trainer.fit(net, TrainingData.of(new LabeledImages(images(48, 6), labels, 10)),
                new Trainer.Config(2, 16, 1e-2, 1), "t", ProgressListener.NONE);
        ImageBatch x = images(5, 7);
        Dl4jModel model = Dl4jModel.of("bn", net, SHAPE);
        Predictions logits = model.predict(x);
        assertSoftmaxOf(logits, model.as(OutputKind.PROBABILITIES).predict(x));
        // inference uses the running mean and variance: one image alone gets the answer it gets in a batch
        assertArrayEquals(Arrays.copyOf(logits.scores().data(), 10), model.predict(x.slice(0, 1)).scores().data(), 1e-5f);
        assertEquals(7, logits.label(0), "training on one class moves the argmax there");
        File file = dir.resolve("bn.zip").toFile();
        ModelSerializer.writeModel(net, file, false);
        Predictions restored = Dl4jModel.of("bn", ModelSerializer.restoreMultiLayerNetwork(file, false), SHAPE).predict(x);
        assertArrayEquals(logits.scores().data(), restored.scores().data(), 1e-6f);
    }

    @Test
    void aGraphAndAFlatInputNetworkWork() {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(1).graphBuilder()
                .addInputs("in")
                .addLayer("dense", new DenseLayer.Builder().nIn(784).nOut(12).activation(Activation.RELU).build(), "in")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(12).nOut(10)
                        .activation(Activation.SOFTMAX).build(), "dense")
                .setOutputs("out").build();
        ComputationGraph graph = new ComputationGraph(conf);
        graph.init();
        ImageBatch x = images(6, 7);
        Predictions logits = Dl4jModel.of("g", graph, SHAPE).predict(x);
        assertSoftmaxOf(logits, Dl4jModel.of("g", graph, SHAPE, OutputKind.PROBABILITIES).predict(x));

        MultiLayerConfiguration flat = new NeuralNetConfiguration.Builder().seed(1).list()
                .layer(new DenseLayer.Builder().nIn(784).nOut(12).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(12).nOut(10)
                        .activation(Activation.SOFTMAX).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(flat);
        net.init();
        Predictions p = Dl4jModel.of("flat", net, SHAPE).predict(x);
        assertEquals(6, p.count());
    }

    @Test
    void probabilitiesFromANonSoftmaxOutputAreRefused() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(1).list()
                .layer(new DenseLayer.Builder().nOut(8).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nOut(10)
                        .activation(Activation.IDENTITY).build())
                .setInputType(InputType.convolutional(28, 28, 1)).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Dl4jModel.of("id", net, SHAPE, OutputKind.PROBABILITIES));
        assertTrue(e.getMessage().contains("not softmax"), e.getMessage());
        assertEquals(10, Dl4jModel.of("id", net, SHAPE).predict(images(2, 1)).numClasses());
    }

    @Test
    void imagesOfAnotherShapeAreRefusedBeforeReachingDl4j() {
        MultiLayerNetwork net = Architecture.mlp(8).build(SHAPE, 10, 1);
        ImageBatch wrong = ImageBatch.of(new ImageShape(1, 32, 32), new float[32 * 32]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Dl4jModel.of("m", net, SHAPE).predict(wrong));
        assertTrue(e.getMessage().contains("1x28x28") && e.getMessage().contains("1x32x32"), e.getMessage());
    }

    @Test
    void architecturesParseTheirNamesAndRejectBadOnes() {
        assertEquals(Architecture.cnn(8, 16, 64), Architecture.parse("cnn-8-16-64"));
        assertEquals("mlp-512-128", Architecture.mlp(512, 128).name());
        assertThrows(IllegalArgumentException.class, () -> Architecture.parse("resnet-50"));
        assertThrows(IllegalArgumentException.class, () -> Architecture.cnn(8, 0, 64));
        IllegalArgumentException small = assertThrows(IllegalArgumentException.class,
                () -> Architecture.cnn(4, 8, 16).build(new ImageShape(1, 8, 8), 10, 1));
        assertTrue(small.getMessage().contains("12x12"), small.getMessage());
    }
}
