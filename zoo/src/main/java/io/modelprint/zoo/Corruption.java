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
import io.modelprint.ImageShape;
import io.modelprint.LabeledImages;
import java.util.SplittableRandom;

/**
 * The transfer task: Fashion-MNIST with each image corrupted by one of three corruptions, chosen
 * per image by a seed, as CIFAR-10-C corrupts CIFAR-10. Labels are unchanged.
 * <ul>
 *   <li>{@code NOISE}: Gaussian noise of standard deviation 0.2, clipped to [0, 1];</li>
 *   <li>{@code BLUR}: a 3x3 box blur;</li>
 *   <li>{@code CONTRAST}: pixels pulled halfway to the image mean.</li>
 * </ul>
 *
 * <pre>{@code
 * LabeledImages shifted = Corruption.corrupt(attackerData, 7);
 * }</pre>
 */
public enum Corruption {
    /** Additive Gaussian noise. */
    NOISE,
    /** Box blur. */
    BLUR,
    /** Reduced contrast. */
    CONTRAST;

    /** Every image corrupted by a corruption drawn from {@code seed}. */
    public static LabeledImages corrupt(LabeledImages data, long seed) {
        return new LabeledImages(corrupt(data.images(), seed), data.labels(), data.numClasses());
    }

    /** Every image corrupted by a corruption drawn from {@code seed} (the same draws as for labelled images). */
    public static ImageBatch corrupt(ImageBatch images, long seed) {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("no images to corrupt");
        }
        SplittableRandom rng = new SplittableRandom(seed);
        ImageShape shape = images.shape();
        int per = shape.size();
        float[] in = images.pixels();
        float[] out = new float[in.length];
        Corruption[] all = values();
        for (int n = 0; n < images.count(); n++) {
            all[rng.nextInt(all.length)].apply(in, out, n * per, shape, rng);
        }
        return ImageBatch.of(shape, out);
    }

    private void apply(float[] in, float[] out, int base, ImageShape shape, SplittableRandom rng) {
        int h = shape.height();
        int w = shape.width();
        int per = shape.size();
        switch (this) {
            case NOISE -> {
                for (int i = 0; i < per; i++) {
                    out[base + i] = clip(in[base + i] + 0.2 * rng.nextGaussian());
                }
            }
            case BLUR -> {
                for (int c = 0; c < shape.channels(); c++) {
                    int plane = base + c * h * w;
                    for (int y = 0; y < h; y++) {
                        for (int x = 0; x < w; x++) {
                            double sum = 0;
                            int count = 0;
                            for (int dy = -1; dy <= 1; dy++) {
                                for (int dx = -1; dx <= 1; dx++) {
                                    int yy = y + dy;
                                    int xx = x + dx;
                                    if (yy >= 0 && yy < h && xx >= 0 && xx < w) {
                                        sum += in[plane + yy * w + xx];
                                        count++;
                                    }
                                }
                            }
                            out[plane + y * w + x] = (float) (sum / count);
                        }
                    }
                }
            }
            case CONTRAST -> {
                double mean = 0;
                for (int i = 0; i < per; i++) {
                    mean += in[base + i];
                }
                mean /= per;
                for (int i = 0; i < per; i++) {
                    out[base + i] = clip(mean + 0.5 * (in[base + i] - mean));
                }
            }
            default -> throw new AssertionError(this);
        }
    }

    private static float clip(double v) {
        return (float) Math.max(0, Math.min(1, v));
    }
}
