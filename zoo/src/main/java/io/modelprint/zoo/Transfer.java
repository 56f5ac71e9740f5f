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

import io.modelprint.LabeledImages;
import io.modelprint.ProgressListener;
import io.modelprint.dl4j.Trainer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Attack: transfer learning. Keep the victim's feature layers, put a freshly initialised output
 * layer on top and train it on another task: by default the corrupted Fashion-MNIST task
 * ({@link Corruption}), the analogue of transferring a CIFAR-10 model to CIFAR-10-C. The feature
 * layers stay frozen, or, with {@code featureLearningRate}, are trained too after a linear probe
 * (one epoch of the head alone, then every layer at that rate: "LP-FT"); the task must have the
 * victim's class count.
 *
 * <pre>{@code
 * MultiLayerNetwork moved = new Transfer(new Trainer.Config(2, 64, 1e-2, 5)).apply(victimNet, Corruption.corrupt(attackerData, 5), ProgressListener.NONE);
 * MultiLayerNetwork tuned = new Transfer(new Trainer.Config(3, 64, 1e-2, 5), 1e-4).apply(victimNet, task, listener);
 * }</pre>
 *
 * @param training            training settings of the new head; the seed also initialises it. A fresh head
 *                            needs a higher learning rate than fine-tuning: on an MLP victim, 64 steps at 1e-3
 *                            reach 30% accuracy on the corrupted task, at 1e-2 74%
 * @param featureLearningRate Adam learning rate of every layer after the first epoch, or NaN to keep the
 *                            features frozen throughout
 */
public record Transfer(Trainer.Config training, double featureLearningRate) {

    /** Validates. */
    public Transfer {
        if (training == null) {
            throw new IllegalArgumentException("training settings must be given");
        }
        if (!Double.isNaN(featureLearningRate) && (!(featureLearningRate > 0) || Double.isInfinite(featureLearningRate))) {
            throw new IllegalArgumentException("the features' learning rate is finite and > 0 (NaN: frozen), got "
                    + featureLearningRate);
        }
        if (!Double.isNaN(featureLearningRate) && training.epochs() < 2) {
            throw new IllegalArgumentException("transfer with trainable features needs at least 2 epochs (one for the "
                    + "head alone), got " + training.epochs());
        }
    }

    /** Transfer with frozen features. */
    public Transfer(Trainer.Config training) {
        this(training, Double.NaN);
    }

    /**
     * The victim's features with a new head trained on {@code targetTask}.
     *
     * @throws IllegalArgumentException if the task is empty or has another class count than the victim
     */
    public MultiLayerNetwork apply(MultiLayerNetwork victim, LabeledImages targetTask, ProgressListener progress) {
        if (targetTask == null || targetTask.size() == 0) {
            throw new IllegalArgumentException("transfer needs data of the target task, got none");
        }
        long classes = victim.getOutputLayer().getParam("b").length();
        if (targetTask.numClasses() != classes) {
            throw new IllegalArgumentException("the target task has " + targetTask.numClasses()
                    + " classes but the victim's head has " + classes + ": this recipe keeps the head's shape");
        }
        if (Double.isNaN(featureLearningRate)) {
            return new FineTuning(training, true).withFreshHead().apply(victim, targetTask, progress);
        }
        MultiLayerNetwork probed = new FineTuning(training.withEpochs(1), true).withFreshHead()
                .apply(victim, targetTask, progress);
        Trainer.Config rest = training.withEpochs(training.epochs() - 1).withLearningRate(featureLearningRate)
                .withSeed(training.seed() + 1);
        return new FineTuning(rest).apply(probed, targetTask, progress);
    }
}
