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

import io.modelprint.AbstractModel;
import io.modelprint.ImageBatch;
import io.modelprint.LabeledImages;
import io.modelprint.OutputKind;
import io.modelprint.Predictions;
import io.modelprint.TestModels;
import io.modelprint.WhiteBoxModel;
import io.modelprint.kernel.Matrix;

/**
 * A tiny white-box model that remembers its training data, as overfitted networks do: a linear
 * classifier {@code W x} plus, for each training sample {@code (x_i, y_i)}, a bump
 * {@code height * exp(-|x - x_i|^2 / width)} on class {@code y_i}. Its boundary lies farther
 * from its training samples than from others, which is what Dataset Inference detects.
 */
final class MemorizingModel extends AbstractModel implements WhiteBoxModel {

    private final double[] w;
    private final float[] memory;
    private final int[] memoryLabels;
    private final double height;
    private final double width;

    /**
     * @param w      {@code classes x pixels} weights, row-major
     * @param memory the remembered samples (may be empty: a plain linear model)
     */
    MemorizingModel(String name, int classes, double[] w, LabeledImages memory, double height, double width,
                    OutputKind kind) {
        super(name, TestModels.SHAPE, classes, kind);
        this.w = w.clone();
        this.memory = memory == null ? new float[0] : memory.images().pixels();
        this.memoryLabels = memory == null ? new int[0] : memory.labels();
        this.height = height;
        this.width = width;
    }

    @Override
    protected Predictions answer(ImageBatch batch) {
        Predictions logits = Predictions.ofScores(OutputKind.LOGITS, logits(batch));
        return switch (outputKind()) {
            case LOGITS -> logits;
            case PROBABILITIES -> logits.toProbabilities();
            case LABELS -> logits.toLabels();
        };
    }

    @Override
    public Matrix logits(ImageBatch batch) {
        checkBatch(batch);
        int d = inputShape().size();
        int classes = numClasses();
        float[] px = batch.pixels();
        float[] z = new float[batch.count() * classes];
        for (int n = 0; n < batch.count(); n++) {
            for (int c = 0; c < classes; c++) {
                double s = 0;
                for (int k = 0; k < d; k++) {
                    s += w[c * d + k] * px[n * d + k];
                }
                z[n * classes + c] = (float) s;
            }
            for (int i = 0; i < memoryLabels.length; i++) {
                z[n * classes + memoryLabels[i]] += (float) (height * Math.exp(-squaredDistance(px, n, i, d) / width));
            }
        }
        return Matrix.of(batch.count(), classes, z);
    }

    @Override
    public float[] inputGradient(ImageBatch batch, Matrix upstream) {
        checkBatch(batch);
        int d = inputShape().size();
        int classes = numClasses();
        float[] px = batch.pixels();
        float[] g = new float[batch.count() * d];
        for (int n = 0; n < batch.count(); n++) {
            for (int c = 0; c < classes; c++) {
                double u = upstream.get(n, c);
                for (int k = 0; k < d; k++) {
                    g[n * d + k] += (float) (u * w[c * d + k]);
                }
            }
            for (int i = 0; i < memoryLabels.length; i++) {
                double bump = height * Math.exp(-squaredDistance(px, n, i, d) / width);
                double u = upstream.get(n, memoryLabels[i]) * bump * -2 / width;
                for (int k = 0; k < d; k++) {
                    g[n * d + k] += (float) (u * (px[n * d + k] - memory[i * d + k]));
                }
            }
        }
        return g;
    }

    private double squaredDistance(float[] px, int n, int i, int d) {
        double s = 0;
        for (int k = 0; k < d; k++) {
            double t = px[n * d + k] - memory[i * d + k];
            s += t * t;
        }
        return s;
    }
}
