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

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.BaseActivationFunction;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@code softmax(z / T)}: the output activation a student is trained with in knowledge
 * distillation. Set on a network's output layer only while training, then put back to a plain
 * softmax, so saved networks never contain it.
 */
final class SoftmaxWithTemperature extends BaseActivationFunction {

    private static final long serialVersionUID = 1L;
    private final double temperature;

    SoftmaxWithTemperature(double temperature) {
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("temperature must be > 0, got " + temperature);
        }
        this.temperature = temperature;
    }

    @Override
    public INDArray getActivation(INDArray in, boolean training) {
        return new ActivationSoftmax().getActivation(in.divi(temperature), training);
    }

    @Override
    public Pair<INDArray, INDArray> backprop(INDArray in, INDArray epsilon) {
        Pair<INDArray, INDArray> p = new ActivationSoftmax().backprop(in.div(temperature), epsilon);
        return new Pair<>(p.getFirst().divi(temperature), null);
    }

    @Override
    public String toString() {
        return "softmax(z/" + temperature + ")";
    }
}
