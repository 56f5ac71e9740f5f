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
 * The shape of one input image: channels, height and width (layout CHW).
 *
 * <pre>{@code
 * ImageShape fashionMnist = new ImageShape(1, 28, 28);
 * int values = fashionMnist.size(); // 784
 * }</pre>
 *
 * @param channels colour channels (1 for grey images)
 * @param height   rows of pixels
 * @param width    columns of pixels
 */
public record ImageShape(int channels, int height, int width) {

    /** Checks that every dimension is positive. */
    public ImageShape {
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("image dimensions must be positive, got channels="
                    + channels + " height=" + height + " width=" + width);
        }
    }

    /** Values in one image: {@code channels * height * width}. */
    public int size() {
        return Math.multiplyExact(Math.multiplyExact(channels, height), width);
    }

    /** The same image with height and width swapped. */
    public ImageShape transposed() {
        return new ImageShape(channels, width, height);
    }

    @Override
    public String toString() {
        return channels + "x" + height + "x" + width;
    }
}
