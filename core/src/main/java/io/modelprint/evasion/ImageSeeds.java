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
package io.modelprint.evasion;

import io.modelprint.ImageBatch;
import java.util.SplittableRandom;

/**
 * Randomness drawn per image from the seed and the image's pixels: the same image always gets the
 * same noise, whatever the batch, its order or how often it is asked, so a caller cannot average
 * the noise away by asking again, and the same seed gives the same answers.
 */
final class ImageSeeds {

    private ImageSeeds() {
    }

    /** A generator for image {@code index} of {@code batch} under {@code seed}. */
    static SplittableRandom random(long seed, ImageBatch batch, int index) {
        float[] px = batch.pixels();
        int per = batch.shape().size();
        long h = seed * 0x9E3779B97F4A7C15L + per;
        for (int k = index * per, end = k + per; k < end; k++) {
            h = (h ^ Float.floatToIntBits(px[k])) * 0xBF58476D1CE4E5B9L;
            h ^= h >>> 31;
        }
        return new SplittableRandom(h);
    }
}
