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

import io.modelprint.kernel.Matrix;

/**
 * A model whose insides the caller can see: the owner's own model. Besides answering queries it
 * gives its logits and gradients with respect to its input, which adversarial query builders
 * such as IPGuard need. Suspects never need to be white boxes.
 *
 * <pre>{@code
 * WhiteBoxModel victim = Dl4jModel.of("victim", network, shape);
 * Matrix z = victim.logits(batch);                  // N x classes
 * float[] dx = victim.inputGradient(batch, dLdz);   // N x pixels, the layout of batch.pixels()
 * }</pre>
 */
public interface WhiteBoxModel extends Model {

    /**
     * The logits (pre-softmax scores) for every image of {@code batch}; not counted as queries.
     *
     * @throws IllegalArgumentException if the images have another shape
     */
    Matrix logits(ImageBatch batch);

    /**
     * The vector-Jacobian product: for each image {@code n}, the gradient with respect to its
     * pixels of {@code sum_c upstream[n][c] * z_c(x_n)}, where {@code z} are the logits. With
     * {@code upstream} the gradient of a loss with respect to the logits, this is the gradient of
     * that loss with respect to the input.
     *
     * @param batch    the images
     * @param upstream one row per image, one column per class
     * @return {@code batch.count() * shape.size()} values in the layout of {@link ImageBatch#pixels()}
     * @throws IllegalArgumentException if the shapes do not fit
     */
    float[] inputGradient(ImageBatch batch, Matrix upstream);

    /**
     * A loss on logits, given as its gradient: from the logits of a batch ({@code N x classes}) to
     * the gradient of the loss with respect to them. It must be a pure function of the logits:
     * an adapter may call it more than once per pass.
     */
    @FunctionalInterface
    interface LogitLoss {

        /** The gradient of the loss with respect to {@code logits}. */
        Matrix gradient(Matrix logits);
    }

    /**
     * The gradient of {@code loss} with respect to the input, where the loss depends on the
     * logits of this very batch. Adapters that can do it in one forward and one backward pass
     * override this; the default runs {@link #logits} then {@link #inputGradient(ImageBatch, Matrix)}.
     */
    default float[] inputGradient(ImageBatch batch, LogitLoss loss) {
        return inputGradient(batch, loss.gradient(logits(batch)));
    }
}
