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
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;

/** Logits, parameter gradients and steps on a softmax regression, where all three are known in closed form. */
class LogitTrainingTest {

    private static final ImageShape SHAPE = new ImageShape(1, 2, 2);

    private static MultiLayerNetwork softmaxRegression(long seed, boolean sgd) {
        MultiLayerConfiguration c = Architecture.softmaxRegression().configuration(SHAPE, 3, seed);
        if (sgd) {
            ((BaseLayer) c.getConf(0).getLayer()).setIUpdater(new Sgd(0.5));
        }
        MultiLayerNetwork net = new MultiLayerNetwork(c);
        net.init();
        return net;
    }

    private static final float[] PIXELS = {0.1f, 0.9f, 0.3f, 0.5f, 1f, 0f, 0.2f, 0.7f};
    private static final INDArray UPSTREAM = Nd4j.create(new float[] {0.3f, -0.1f, 0.5f, -0.2f, 0.4f, 0.05f}, new long[] {2, 3}, 'c');

    @Test
    void softmaxRegressionIsNamedAndParsedAndLinear() {
        assertEquals("softmax-regression", Architecture.softmaxRegression().name());
        assertEquals(Architecture.softmaxRegression(), Architecture.parse("softmax-regression"));
        assertThrows(IllegalArgumentException.class, () -> Architecture.parse("softmax-3"));
        MultiLayerNetwork net = softmaxRegression(1, false);
        assertEquals(1, net.getnLayers());
        LogitTraining t = LogitTraining.of(net, SHAPE);
        INDArray x = t.input(ImageBatch.of(SHAPE, PIXELS));
        INDArray w = net.getLayer(0).getParam("W");
        INDArray b = net.getLayer(0).getParam("b");
        INDArray expected = Nd4j.create(PIXELS, new long[] {2, 4}, 'c').mmul(w).addRowVector(b);
        assertTrue(expected.equalsWithEps(t.logits(x), 1e-5), t.logits(x) + " vs " + expected);
    }

    @Test
    void theParameterGradientIsXTransposedTimesTheUpstream() {
        MultiLayerNetwork net = softmaxRegression(2, false);
        LogitTraining t = LogitTraining.of(net, SHAPE);
        INDArray x = t.input(ImageBatch.of(SHAPE, PIXELS));
        INDArray g = t.parameterGradient(x, UPSTREAM);
        MultiLayerNetwork layout = softmaxRegression(2, false);
        layout.getLayer(0).setParam("W", Nd4j.create(PIXELS, new long[] {2, 4}, 'c').transpose().mmul(UPSTREAM));
        layout.getLayer(0).setParam("b", UPSTREAM.sum(0).reshape(1, 3));
        assertTrue(layout.params().equalsWithEps(g.reshape(layout.params().shape()), 1e-5), g + " vs " + layout.params());
    }

    @Test
    void aStepWithPlainSgdMovesTheSharedParametersByMinusRateTimesTheGradient() {
        MultiLayerNetwork net = softmaxRegression(3, true);
        LogitTraining t = LogitTraining.of(net, SHAPE);
        INDArray x = t.input(ImageBatch.of(SHAPE, PIXELS));
        INDArray before = net.params().dup();
        INDArray g = t.parameterGradient(x, UPSTREAM);
        t.step(x, UPSTREAM, 0.5);
        INDArray moved = net.params().sub(before);
        assertTrue(moved.equalsWithEps(g.mul(-0.5).reshape(moved.shape()), 1e-5), moved + " vs " + g.mul(-0.5));
    }

    @Test
    void badUpstreamGradientsAreRejectedWithTheShapes() {
        LogitTraining t = LogitTraining.of(softmaxRegression(4, false), SHAPE);
        INDArray x = t.input(ImageBatch.of(SHAPE, PIXELS));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> t.parameterGradient(x, Nd4j.zeros(2, 4)));
        assertTrue(e.getMessage().contains("[2, 3]") && e.getMessage().contains("[2, 4]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> t.step(x, UPSTREAM, 0));
        assertThrows(IllegalArgumentException.class, () -> t.input(ImageBatch.of(new ImageShape(1, 3, 3), new float[9])));
    }
}
