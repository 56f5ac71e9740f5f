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

import io.modelprint.ImageBatch;
import io.modelprint.LabeledImages;
import io.modelprint.Predictions;
import io.modelprint.kernel.Matrix;

/**
 * Images with training targets: one-hot true labels, a teacher's labels, or a teacher's soft
 * probabilities (for distillation).
 *
 * <pre>{@code
 * TrainingData d = TrainingData.of(ownerTrainSet);                 // true labels
 * TrainingData s = TrainingData.ofAnswers(images, victim.predict(images)); // victim's answers
 * }</pre>
 *
 * @param images  the inputs
 * @param targets one row per image: a distribution over the classes
 */
public record TrainingData(ImageBatch images, Matrix targets) {

    /** Validates. */
    public TrainingData {
        if (images == null || targets == null) {
            throw new IllegalArgumentException("training data needs images and targets");
        }
        if (images.isEmpty()) {
            throw new IllegalArgumentException("training data is empty: give at least one image");
        }
        if (targets.rows() != images.count()) {
            throw new IllegalArgumentException(images.count() + " images but " + targets.rows() + " targets");
        }
    }

    /** True labels as one-hot targets. */
    public static TrainingData of(LabeledImages data) {
        return new TrainingData(data.images(), Matrix.oneHot(data.labels(), data.numClasses()));
    }

    /**
     * A teacher's answers as targets: probabilities as they are (softmax of logits), labels as
     * one-hot rows.
     */
    public static TrainingData ofAnswers(ImageBatch images, Predictions answers) {
        if (answers.kind().hasScores()) {
            return new TrainingData(images, answers.toProbabilities().scores());
        }
        return new TrainingData(images, Matrix.oneHot(answers.labels(), answers.numClasses()));
    }

    /** Number of classes (columns of the targets). */
    public int numClasses() {
        return targets.cols();
    }

    /** Number of examples. */
    public int size() {
        return images.count();
    }
}
