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
import io.modelprint.dl4j.TrainingData;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.transferlearning.FineTuneConfiguration;
import org.deeplearning4j.nn.transferlearning.TransferLearning;
import org.nd4j.linalg.learning.config.Nesterovs;

/**
 * Attack: copy the victim's weights and fine-tune them on the attacker's own labelled data,
 * either all layers or only the last one (the others frozen), with Adam (the victim's updater)
 * or SGD with Nesterov momentum, keeping the victim's output layer or re-initialising it first.
 *
 * <pre>{@code
 * MultiLayerNetwork stolen = new FineTuning(new Trainer.Config(2, 64, 1e-4, 7), false)
 *         .apply(victimNet, attackerData, ProgressListener.NONE);
 * MultiLayerNetwork sgd = new FineTuning(new Trainer.Config(3, 64, 0.01, 7)).withSgd().apply(victimNet, attackerData, listener);
 * MultiLayerNetwork head = new FineTuning(new Trainer.Config(3, 64, 1e-2, 7), true).withFreshHead().apply(victimNet, attackerData, listener);
 * }</pre>
 *
 * @param training      epochs, batch size, learning rate and seed (the seed also initialises a fresh head)
 * @param lastLayerOnly whether only the output layer is trained
 * @param freshHead     whether the output layer is re-initialised before training
 * @param sgd           whether the trained layers use SGD with Nesterov momentum
 *                      ({@link RecipeParameter.Sgd#MOMENTUM}) instead of Adam
 */
public record FineTuning(Trainer.Config training, boolean lastLayerOnly, boolean freshHead, boolean sgd) {

    /** Validates. */
    public FineTuning {
        if (training == null) {
            throw new IllegalArgumentException("training settings must be given");
        }
    }

    /** Fine-tuning with Adam, of all layers or of the last, keeping the victim's head. */
    public FineTuning(Trainer.Config training, boolean lastLayerOnly) {
        this(training, lastLayerOnly, false, false);
    }

    /** Fine-tuning of all layers with Adam. */
    public FineTuning(Trainer.Config training) {
        this(training, false);
    }

    /** The same fine-tuning with SGD and Nesterov momentum. */
    public FineTuning withSgd() {
        return new FineTuning(training, lastLayerOnly, freshHead, true);
    }

    /** The same fine-tuning after re-initialising the output layer. */
    public FineTuning withFreshHead() {
        return new FineTuning(training, lastLayerOnly, true, sgd);
    }

    /**
     * A fine-tuned copy; the victim network is not changed.
     *
     * @throws IllegalArgumentException if the data is empty or has another class count
     */
    public MultiLayerNetwork apply(MultiLayerNetwork victim, LabeledImages attackerData, ProgressListener progress) {
        if (attackerData == null || attackerData.size() == 0) {
            throw new IllegalArgumentException("fine-tuning needs attacker data, got none");
        }
        MultiLayerNetwork copy = victim.clone();
        if (freshHead) {
            replaceHead(copy, training.seed());
        }
        String task = "fine-tuning " + (lastLayerOnly ? "the last layer" : "all layers") + (freshHead ? " (fresh head)" : "")
                + (sgd ? " with SGD" : "");
        if (!lastLayerOnly) {
            MultiLayerNetwork trained = sgd ? withUpdater(copy, -1) : copy;
            Trainer.fit(trained, TrainingData.of(attackerData), training, task, progress);
            return sgd ? plain(victim, trained) : trained;
        }
        int last = copy.getnLayers() - 1;
        MultiLayerNetwork frozen = withUpdater(copy, last - 1);
        Trainer.fit(frozen, TrainingData.of(attackerData), training, task, progress);
        return plain(victim, frozen);
    }

    /**
     * A network whose layers up to {@code frozenUpTo} (none for -1) are frozen and whose others
     * train with this recipe's updater.
     */
    private MultiLayerNetwork withUpdater(MultiLayerNetwork net, int frozenUpTo) {
        TransferLearning.Builder b = new TransferLearning.Builder(net);
        if (sgd) {
            b.fineTuneConfiguration(new FineTuneConfiguration.Builder()
                    .updater(new Nesterovs(training.learningRate(), RecipeParameter.Sgd.MOMENTUM)).build());
        }
        if (frozenUpTo >= 0) {
            b.setFeatureExtractor(frozenUpTo);
        }
        return b.build();
    }

    /** An unfrozen network of the victim's configuration with {@code trained}'s parameters, so it saves and loads like any other. */
    private static MultiLayerNetwork plain(MultiLayerNetwork victim, MultiLayerNetwork trained) {
        MultiLayerNetwork plain = new MultiLayerNetwork(victim.getLayerWiseConfigurations().clone());
        plain.init(trained.params().dup(), false);
        return plain;
    }

    /**
     * Replaces {@code net}'s output layer parameters in place by those of a fresh network of the
     * same configuration initialised from {@code seed}.
     */
    static void replaceHead(MultiLayerNetwork net, long seed) {
        MultiLayerConfiguration conf = net.getLayerWiseConfigurations().clone();
        conf.getConfs().forEach(c -> c.setSeed(seed));
        MultiLayerNetwork fresh = new MultiLayerNetwork(conf);
        fresh.init();
        int last = net.getnLayers() - 1;
        for (String p : new String[] {"W", "b"}) {
            net.getLayer(last).setParam(p, fresh.getLayer(last).getParam(p).dup());
        }
    }
}
