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
package io.modelprint.inference;

import io.modelprint.LabeledImages;
import io.modelprint.Model;
import io.modelprint.ProgressListener;

/**
 * Embeds samples as distances to a model's decision boundaries, in order and in chunks, stopping
 * before a batch would pass the allowance: the rows it returns are those of the samples whose
 * embedding finished, always a prefix of the input.
 */
@FunctionalInterface
interface Embedder {

    /**
     * Embeds {@code samples} on {@code model} within the allowance.
     *
     * @param model       the model to walk on
     * @param samples     the samples with their true labels
     * @param sampleSeeds one seed per sample: the same seed gives the same random directions
     * @param allowance   the queries this embedding may spend
     * @param progress    told after each finished chunk
     * @param task        the progress task's name
     */
    Embedded embed(Model model, LabeledImages samples, long[] sampleSeeds, QueryAllowance allowance,
                   ProgressListener progress, String task);

    /**
     * The embeddings of the first {@code features.length} samples.
     *
     * @param features one row per finished sample
     * @param queries  the images sent, finished or not
     */
    record Embedded(double[][] features, long queries) {
    }
}
