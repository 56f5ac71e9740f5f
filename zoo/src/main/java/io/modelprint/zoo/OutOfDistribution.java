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
import java.util.SplittableRandom;

/**
 * Query images from another distribution than the victim's training data, made from the images
 * an attacker (or, for the InI defence, the owner) has, with no download: the analogues of Knockoff
 * Nets' natural images of another dataset on Fashion-MNIST.
 * <ul>
 *   <li>{@code CORRUPTED}: {@link Corruption}'s noise, blur or lowered contrast, per image (a mild shift);</li>
 *   <li>{@code TRANSFORMED}: each image rotated by 90, 180 or 270 degrees (180 for non-square
 *       images) and, for half of them, its intensities inverted ({@code 1 - x}): objects the
 *       victim never saw, at its image statistics' edges;</li>
 *   <li>{@code MIXTURES}: each image blended with another image of the batch,
 *       {@code lambda * a + (1 - lambda) * b}, {@code lambda} uniform in [0.2, 0.8]: the space
 *       between classes.</li>
 * </ul>
 * Each draws its choices from a seed: the same seed gives the same images.
 *
 * <pre>{@code
 * ImageBatch queries = OutOfDistribution.TRANSFORMED.apply(attackerImages, 7);
 * }</pre>
 */
public enum OutOfDistribution {
    /** Noise, blur or low contrast. */
    CORRUPTED,
    /** Rotated, half of them inverted. */
    TRANSFORMED,
    /** Pairwise blends. */
    MIXTURES;

    /**
     * The images of {@code source}, each changed as this kind says, in the same order.
     *
     * @throws IllegalArgumentException if there are no images, or fewer than 2 for mixtures
     */
    public ImageBatch apply(ImageBatch source, long seed) {
        if (source == null || source.isEmpty()) {
            throw new IllegalArgumentException("out-of-distribution queries are made from images, got none");
        }
        if (this == CORRUPTED) {
            return Corruption.corrupt(source, seed);
        }
        int n = source.count();
        if (this == MIXTURES && n < 2) {
            throw new IllegalArgumentException("mixtures blend two images, got " + n);
        }
        ImageShape shape = source.shape();
        int h = shape.height();
        int w = shape.width();
        int plane = h * w;
        int per = shape.size();
        float[] in = source.pixels();
        float[] out = new float[in.length];
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            int base = i * per;
            if (this == MIXTURES) {
                int j = rng.nextInt(n - 1);
                j = j >= i ? j + 1 : j;   // another image
                double lambda = 0.2 + 0.6 * rng.nextDouble();
                for (int p = 0; p < per; p++) {
                    out[base + p] = (float) (lambda * in[base + p] + (1 - lambda) * in[j * per + p]);
                }
                continue;
            }
            int quarterTurns = h == w ? 1 + rng.nextInt(3) : 2;
            boolean invert = rng.nextBoolean();
            for (int c = 0; c < shape.channels(); c++) {
                int off = base + c * plane;
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        // the source pixel that lands at (y, x) after the rotation
                        int sy;
                        int sx;
                        switch (quarterTurns) {
                            case 1 -> { sy = w - 1 - x; sx = y; }
                            case 2 -> { sy = h - 1 - y; sx = w - 1 - x; }
                            default -> { sy = x; sx = h - 1 - y; }
                        }
                        float v = in[off + sy * w + sx];
                        out[off + y * w + x] = invert ? 1f - v : v;
                    }
                }
            }
        }
        return ImageBatch.of(shape, out);
    }
}
