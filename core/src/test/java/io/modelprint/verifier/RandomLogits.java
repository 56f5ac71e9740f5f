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
package io.modelprint.verifier;

import io.modelprint.OutputKind;
import io.modelprint.Predictions;
import io.modelprint.kernel.Matrix;
import java.util.SplittableRandom;

/** Seeded random logits for the distance laws' properties. */
final class RandomLogits {

    private RandomLogits() {
    }

    /** {@code n} rows of {@code classes} Gaussian logits of standard deviation {@code scale}. */
    static Predictions logits(int n, int classes, long seed, double scale) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] z = new float[n * classes];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) (scale * r.nextGaussian());
        }
        return Predictions.ofScores(OutputKind.LOGITS, Matrix.of(n, classes, z));
    }
}
