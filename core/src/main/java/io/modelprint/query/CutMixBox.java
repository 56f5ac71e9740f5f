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
package io.modelprint.query;

import io.modelprint.ImageShape;

/**
 * A CutMix box: rows {@code [y1, y2)} and columns {@code [x1, x2)} of an image, and the one place
 * where a patch is pasted from one image into another (SAC-m's queries, conferrable's mixed
 * candidates). May be empty when clipped at the border.
 *
 * <pre>{@code
 * CutMixBox box = new CutMixBox(0, 4, 23, 27);
 * box.paste(source, 7, target, 0, shape);   // image 7's pixels inside the box, into image 0
 * }</pre>
 *
 * @param y1 first row
 * @param y2 row after the last
 * @param x1 first column
 * @param x2 column after the last
 */
public record CutMixBox(int y1, int y2, int x1, int x2) {

    /** Number of pixels inside, per channel. */
    public int area() {
        return Math.max(0, y2 - y1) * Math.max(0, x2 - x1);
    }

    /**
     * Copies the pixels inside the box, every channel, from image {@code from} of {@code source}
     * into image {@code to} of {@code target} (both NCHW arrays of images of {@code shape}).
     */
    public void paste(float[] source, int from, float[] target, int to, ImageShape shape) {
        int per = shape.size();
        int plane = shape.height() * shape.width();
        for (int ch = 0; ch < shape.channels(); ch++) {
            for (int y = y1; y < y2; y++) {
                int off = ch * plane + y * shape.width() + x1;
                System.arraycopy(source, from * per + off, target, to * per + off, x2 - x1);
            }
        }
    }

    @Override
    public String toString() {
        return y1 + ":" + y2 + "," + x1 + ":" + x2;
    }
}
