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

import io.modelprint.dl4j.Trainer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Projected gradient descent adversarial training (Madry et al.): every minibatch is replaced by
 * its worst case within an L-infinity ball of radius {@code epsilon}, found by {@code steps}
 * signed-gradient steps of size {@code stepSize} on the network's own loss, clipped to [0, 1].
 *
 * <pre>{@code
 * Pgd pgd = new Pgd(4.0 / 256, 1.0 / 256, 5);
 * }</pre>
 *
 * @param epsilon  radius of the ball, in pixel units (SAC's benchmark: 4/256)
 * @param stepSize size of each step
 * @param steps    number of steps, at least 1
 */
public record Pgd(double epsilon, double stepSize, int steps) implements Trainer.StepHook {

    /** Validates. */
    public Pgd {
        if (!(epsilon > 0 && epsilon < 1) || !(stepSize > 0) || steps < 1) {
            throw new IllegalArgumentException("PGD needs 0 < epsilon < 1, stepSize > 0 and steps >= 1, got "
                    + epsilon + ", " + stepSize + ", " + steps);
        }
    }

    /** The recipe of the zoo's adversarially trained students: radius {@code epsilon}, steps of half of it, 3 steps. */
    public static Pgd of(double epsilon) {
        return new Pgd(epsilon, epsilon / 2, 3);
    }

    @Override
    public INDArray beforeStep(MultiLayerNetwork net, INDArray features, INDArray labels) {
        INDArray adv = features.dup();
        INDArray lower = Transforms.max(features.sub(epsilon), 0.0, false);
        INDArray upper = Transforms.min(features.add(epsilon), 1.0, false);
        for (int s = 0; s < steps; s++) {
            INDArray grad = net.calculateGradients(adv, labels, null, null).getSecond();
            adv.addi(Transforms.sign(grad, false).muli(stepSize));
            adv = Transforms.min(Transforms.max(adv, lower, false), upper, false);
        }
        return adv;
    }
}
