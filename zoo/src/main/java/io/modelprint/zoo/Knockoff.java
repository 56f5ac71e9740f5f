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

import io.modelprint.ImageBatch;
import io.modelprint.Model;
import io.modelprint.OutputKind;
import io.modelprint.ProgressListener;
import io.modelprint.dl4j.Architecture;
import io.modelprint.dl4j.Trainer;

/**
 * Attack: Knockoff Nets (Orekondy et al., CVPR 2019). The attacker queries the victim's API with
 * images from another distribution than the victim's data ({@link OutOfDistribution}: corrupted,
 * rotated and inverted, or blended Fashion-MNIST images) and trains a student from scratch on the
 * answers: the probability vectors as soft targets (cross-entropy), or the top-1 labels. It uses
 * the victim's answers only ({@link Model#predict}), so it runs on any black box: a DL4J network,
 * an ONNX file, an HTTP API. One query per image; the seed of the training settings also draws the
 * out-of-distribution transform.
 *
 * <pre>{@code
 * StolenModel s = Knockoff.probabilities(Architecture.mlp(256), new Trainer.Config(5, 64, 1e-3, 7), OutOfDistribution.TRANSFORMED)
 *         .apply(Models.probabilitiesOnly(victim), attackerImages, listener);
 * }</pre>
 *
 * @param student  the student's architecture
 * @param training the student's training settings; the seed also initialises it and draws the transform
 * @param answers  {@code PROBABILITIES} or {@code LABELS}
 * @param queries  how the attacker's images are moved off the victim's distribution
 */
public record Knockoff(Architecture student, Trainer.Config training, OutputKind answers, OutOfDistribution queries) {

    /** Validates. */
    public Knockoff {
        if (student == null || training == null || answers == null || queries == null) {
            throw new IllegalArgumentException("student architecture, training settings, answer kind and query "
                    + "distribution must be given");
        }
        if (answers == OutputKind.LOGITS) {
            throw new IllegalArgumentException("Knockoff uses what a prediction API gives: PROBABILITIES or LABELS, got LOGITS");
        }
    }

    /** Knockoff from probability vectors. */
    public static Knockoff probabilities(Architecture student, Trainer.Config training, OutOfDistribution queries) {
        return new Knockoff(student, training, OutputKind.PROBABILITIES, queries);
    }

    /** Knockoff from top-1 labels. */
    public static Knockoff labels(Architecture student, Trainer.Config training, OutOfDistribution queries) {
        return new Knockoff(student, training, OutputKind.LABELS, queries);
    }

    /**
     * The student, and the images sent to {@code victimApi} (one per attacker image).
     *
     * @throws IllegalArgumentException if there are no images, or the API answers labels but probabilities are needed
     */
    public StolenModel apply(Model victimApi, ImageBatch attackerImages, ProgressListener progress) {
        Model api = StolenModel.counting(victimApi);
        ImageBatch shifted = queries.apply(attackerImages, training.seed());
        Extraction extraction = answers == OutputKind.LABELS ? Extraction.labels(student, training)
                : Extraction.probabilities(student, training, 1, 1);
        return new StolenModel(extraction.apply(api, shifted, progress), api.queryCount());
    }
}
