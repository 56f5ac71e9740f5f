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

/**
 * A classifier seen as a black box: it answers a batch of images with one output per image.
 *
 * <p>This is all a fingerprint needs from a suspect. Adapters wrap real models: DL4J networks
 * ({@code modelprint-nd4j}), ONNX files, remote prediction APIs, or any function
 * ({@link Models#of}). Extend {@link AbstractModel} rather than implementing this directly: it
 * validates inputs and answers and counts queries, so every adapter behaves the same.
 *
 * <pre>{@code
 * Model suspect = Models.of("api", new ImageShape(1, 28, 28), 10, OutputKind.PROBABILITIES, batch -> callApi(batch));
 * Predictions p = suspect.predict(queries);
 * long spent = suspect.queryCount();
 * }</pre>
 */
public interface Model {

    /** A name for logs and reports. */
    String name();

    /** The shape of the images this model takes. */
    ImageShape inputShape();

    /** Number of classes it predicts. */
    int numClasses();

    /** What it answers: logits, probabilities or labels only. */
    OutputKind outputKind();

    /**
     * Answers every image of {@code batch}, in order.
     *
     * @throws IllegalArgumentException if the batch is empty or its images have another shape
     * @throws ModelException           if the model fails or answers something malformed
     */
    Predictions predict(ImageBatch batch);

    /** How many images this model has answered so far (the cost of querying a paid API). */
    long queryCount();
}
