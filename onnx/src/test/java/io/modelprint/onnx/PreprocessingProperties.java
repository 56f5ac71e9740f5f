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
package io.modelprint.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Preprocessing is {@code (x * scale - mean[c]) / std[c]} in the declared layout, and no work at all when it is none. */
class PreprocessingProperties {

    @Test
    void noPreprocessingHandsThePixelsOnUncopied() {
        float[] px = {0, 0.5f, 1, 0.25f};
        assertSame(px, Preprocessing.none().apply(px, 1, 1, 2, 2));
    }

    @Property(tries = 100)
    void everyValueIsTheFormulaInTheDeclaredLayout(@ForAll @IntRange(min = 1, max = 3) int c,
                                                   @ForAll @IntRange(min = 1, max = 3) int count,
                                                   @ForAll @DoubleRange(min = 0.5, max = 300) double scale,
                                                   @ForAll @DoubleRange(min = -2, max = 2) double mean,
                                                   @ForAll @DoubleRange(min = 0.1, max = 80) double std,
                                                   @ForAll boolean nhwc, @ForAll long seed) {
        int h = 3;
        int w = 2;
        double[] means = new double[c];
        double[] stds = new double[c];
        for (int k = 0; k < c; k++) {
            means[k] = mean + k;
            stds[k] = std * (k + 1);
        }
        Preprocessing pre = Preprocessing.of(scale, means, stds, nhwc ? Preprocessing.Layout.NHWC : Preprocessing.Layout.NCHW);
        SplittableRandom rng = new SplittableRandom(seed);
        float[] px = new float[count * c * h * w];
        for (int i = 0; i < px.length; i++) {
            px[i] = (float) rng.nextDouble();
        }
        float[] out = pre.apply(px, count, c, h, w);
        for (int n = 0; n < count; n++) {
            for (int k = 0; k < c; k++) {
                for (int p = 0; p < h * w; p++) {
                    double expected = (px[n * c * h * w + k * h * w + p] * scale - means[k]) / stds[k];
                    int at = nhwc ? n * c * h * w + p * c + k : n * c * h * w + k * h * w + p;
                    assertEquals(expected, out[at], 1e-5 * Math.max(1, Math.abs(expected)));
                }
            }
        }
    }
}
