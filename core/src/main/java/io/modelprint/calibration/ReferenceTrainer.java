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
package io.modelprint.calibration;

import io.modelprint.LabeledImages;
import io.modelprint.Model;
import io.modelprint.ProgressListener;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Trains independent reference models on the owner's labelled data, so that a verifier given no
 * references can still calibrate its threshold for the victim at hand. References need no access
 * to the victim: they are what an honest third party could have trained on data like the owner's,
 * so any victim, an ONNX file or a remote API included, can be calibrated with them.
 *
 * <p>Implementations are found with {@link ServiceLoader}
 * ({@code META-INF/services/io.modelprint.calibration.ReferenceTrainer}); modelprint-nd4j brings
 * one that trains DL4J networks. Trained references should differ from each other the way
 * independent models do: architectures of several sizes, different subsets of the data, seeds and
 * training lengths, so that their accuracies spread and a competence-adjusted null can be fitted.
 *
 * <pre>{@code
 * Optional<ReferenceTrainer> trainer = ReferenceTrainer.find();
 * List<Model> refs = trainer.orElseThrow().train(ownerTrainingPart, 8, 3, ProgressListener.NONE);
 * }</pre>
 */
public interface ReferenceTrainer {

    /** One line on what it trains, for logs and provenance. */
    String description();

    /**
     * Trains {@code count} independent models of {@code data}'s task on its labels.
     *
     * @param data     labelled owner images (never the queries they will be compared on)
     * @param count    how many references
     * @param seed     the same seed gives the same models
     * @param progress receives progress (training is the slow part of fingerprinting)
     * @throws IllegalArgumentException if the data is too small or of a shape the trainer cannot handle
     */
    List<Model> train(LabeledImages data, int count, long seed, ProgressListener progress);

    /** The first trainer on the class path, if any. */
    static Optional<ReferenceTrainer> find() {
        return ServiceLoader.load(ReferenceTrainer.class, ReferenceTrainer.class.getClassLoader()).findFirst();
    }
}
