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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Attack: fine-pruning. Copy the victim, zero the {@code rate} fraction of smallest-magnitude
 * weights in every layer (biases kept), then fine-tune on the attacker's data with the pruned
 * weights held at zero after every step.
 *
 * <pre>{@code
 * MultiLayerNetwork pruned = new Pruning(0.5, new Trainer.Config(1, 64, 1e-4, 3)).apply(victimNet, attackerData, ProgressListener.NONE);
 * }</pre>
 *
 * @param rate     fraction of weights removed per layer, in [0, 1)
 * @param training fine-tuning settings
 */
public record Pruning(double rate, Trainer.Config training) {

    /** Validates. */
    public Pruning {
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("pruning rate must be in [0, 1), got " + rate);
        }
        if (training == null) {
            throw new IllegalArgumentException("training settings must be given");
        }
    }

    /**
     * A pruned and fine-tuned copy; the victim is not changed.
     *
     * @throws IllegalArgumentException if the data is empty
     */
    public MultiLayerNetwork apply(MultiLayerNetwork victim, LabeledImages attackerData, ProgressListener progress) {
        if (attackerData == null || attackerData.size() == 0) {
            throw new IllegalArgumentException("pruning needs attacker data to fine-tune on, got none");
        }
        MultiLayerNetwork copy = victim.clone();
        List<INDArray> weights = new ArrayList<>();
        List<INDArray> masks = new ArrayList<>();
        for (Layer layer : copy.getLayers()) {
            INDArray w = layer.paramTable().get("W");
            if (w == null || w.length() == 0) {
                continue;
            }
            INDArray mask = magnitudeMask(w, rate);
            w.muli(mask);
            weights.add(w);
            masks.add(mask);
        }
        Trainer.fit(copy, TrainingData.of(attackerData), training, "fine-pruning " + rate, progress,
                new Trainer.StepHook() {
                    @Override
                    public void afterStep(MultiLayerNetwork net) {
                        for (int i = 0; i < weights.size(); i++) {
                            weights.get(i).muli(masks.get(i));
                        }
                    }
                });
        return copy;
    }

    /** 0 for the {@code floor(rate * n)} smallest |w| (and any tied with them), 1 elsewhere. */
    static INDArray magnitudeMask(INDArray w, double rate) {
        INDArray abs = Transforms.abs(w, true);
        float[] sorted = abs.dup().data().asFloat();
        int k = (int) Math.floor(rate * sorted.length);
        if (k == 0) {
            return abs.gte(-1).castTo(w.dataType());
        }
        Arrays.sort(sorted);
        // the k smallest go; ties with the k-th smallest go too, so at least k are removed
        float cut = sorted[k - 1];
        return abs.gt(cut).castTo(DataType.FLOAT).castTo(w.dataType());
    }

    /** Fraction of exactly-zero weights over the layers that have weights: the achieved sparsity. */
    public static double sparsity(MultiLayerNetwork net) {
        long zero = 0;
        long all = 0;
        for (Layer layer : net.getLayers()) {
            INDArray w = layer.paramTable().get("W");
            if (w != null) {
                zero += w.length() - w.neq(0).castTo(DataType.INT32).sumNumber().longValue();
                all += w.length();
            }
        }
        return all == 0 ? 0 : (double) zero / all;
    }
}
