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
package io.modelprint;

import java.util.function.Function;

/**
 * Factories for models made from functions, and views of a model that reveal less, as a
 * restrictive prediction API would.
 *
 * <pre>{@code
 * Model m = Models.of("f", shape, 10, OutputKind.LOGITS, batch -> Predictions.ofScores(OutputKind.LOGITS, f(batch)));
 * Model api = Models.probabilitiesOnly(m);   // answers softmax(logits)
 * Model hard = Models.labelsOnly(m);         // answers top-1 labels
 * }</pre>
 */
public final class Models {

    private Models() {
    }

    /** A model backed by a function from a batch to its answers. */
    public static Model of(String name, ImageShape shape, int numClasses, OutputKind kind,
                           Function<ImageBatch, Predictions> answer) {
        if (answer == null) {
            throw new IllegalArgumentException("model " + name + ": the answer function is null");
        }
        return new AbstractModel(name, shape, numClasses, kind) {
            @Override
            protected Predictions answer(ImageBatch batch) {
                return answer.apply(batch);
            }
        };
    }

    /**
     * {@code model} behind an API that returns probabilities: softmax of its logits, or its own
     * probabilities.
     *
     * @throws IllegalArgumentException if {@code model} answers labels only
     */
    public static Model probabilitiesOnly(Model model) {
        if (!model.outputKind().hasScores()) {
            throw new IllegalArgumentException("model " + model.name()
                    + " answers labels only: probabilities cannot be recovered from labels");
        }
        return of(model.name(), model.inputShape(), model.numClasses(), OutputKind.PROBABILITIES,
                batch -> model.predict(batch).toProbabilities());
    }

    /** {@code model} behind an API that returns only the top-1 label. */
    public static Model labelsOnly(Model model) {
        return of(model.name(), model.inputShape(), model.numClasses(), OutputKind.LABELS,
                batch -> {
                    return model.predict(batch).toLabels();
                });
    }
}
