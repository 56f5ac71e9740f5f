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

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A batch of images of one shape, stored as one {@code float[]} in NCHW order with pixel values
 * in [0, 1]: what a {@link Model} answers and what a query set is made of.
 *
 * <p>Construction checks the length and that every value is finite and inside [0, 1], so a
 * model never sees a malformed batch. The array is not copied: do not change it after wrapping.
 *
 * <pre>{@code
 * ImageBatch two = ImageBatch.of(new ImageShape(1, 28, 28), new float[2 * 784]);
 * ImageBatch first = two.slice(0, 1);
 * }</pre>
 */
public final class ImageBatch {

    private final ImageShape shape;
    private final int count;
    private final float[] pixels;

    private ImageBatch(ImageShape shape, float[] pixels) {
        if (shape == null) {
            throw new IllegalArgumentException("image shape is null");
        }
        if (pixels == null) {
            throw new IllegalArgumentException("pixel array is null");
        }
        int per = shape.size();
        if (pixels.length % per != 0) {
            throw new IllegalArgumentException(pixels.length + " values do not make whole images of shape "
                    + shape + " (" + per + " values each)");
        }
        for (int i = 0; i < pixels.length; i++) {
            float v = pixels[i];
            if (!(v >= 0f && v <= 1f)) {
                throw new IllegalArgumentException("pixel " + (i % per) + " of image " + (i / per) + " is " + v
                        + ": pixel values must be finite and in [0, 1]; scale 8-bit images by 1/255");
            }
        }
        this.shape = shape;
        this.count = pixels.length / per;
        this.pixels = pixels;
    }

    /**
     * Wraps {@code pixels} (NCHW, values in [0, 1]; not copied).
     *
     * @throws IllegalArgumentException if the length is not a whole number of images or a value
     *                                  is outside [0, 1]
     */
    public static ImageBatch of(ImageShape shape, float[] pixels) {
        return new ImageBatch(shape, pixels);
    }

    /** The shape of each image. */
    public ImageShape shape() {
        return shape;
    }

    /** Number of images. */
    public int count() {
        return count;
    }

    /** Whether the batch holds no image. */
    public boolean isEmpty() {
        return count == 0;
    }

    /** The backing array (NCHW). Read it, do not change it. */
    public float[] pixels() {
        return pixels;
    }

    /** A copy of the pixels of image {@code index}. */
    public float[] image(int index) {
        Objects.checkIndex(index, count);
        int per = shape.size();
        return Arrays.copyOfRange(pixels, index * per, (index + 1) * per);
    }

    /** Images {@code from} (inclusive) to {@code to} (exclusive), copied. */
    public ImageBatch slice(int from, int to) {
        Objects.checkFromToIndex(from, to, count);
        int per = shape.size();
        return new ImageBatch(shape, Arrays.copyOfRange(pixels, from * per, to * per));
    }

    /** The images at {@code indices}, in that order, copied. */
    public ImageBatch select(int[] indices) {
        int per = shape.size();
        float[] out = new float[Math.multiplyExact(indices.length, per)];
        for (int i = 0; i < indices.length; i++) {
            Objects.checkIndex(indices[i], count);
            System.arraycopy(pixels, indices[i] * per, out, i * per, per);
        }
        return new ImageBatch(shape, out);
    }

    /** This batch followed by {@code other}, which must have the same shape. */
    public ImageBatch concat(ImageBatch other) {
        if (!shape.equals(other.shape)) {
            throw new IllegalArgumentException("cannot join images of shape " + shape + " and " + other.shape);
        }
        float[] out = Arrays.copyOf(pixels, pixels.length + other.pixels.length);
        System.arraycopy(other.pixels, 0, out, pixels.length, other.pixels.length);
        return new ImageBatch(shape, out);
    }

    /** Each image with its height and width swapped (a transpose of every channel). */
    public ImageBatch transposed() {
        int c = shape.channels();
        int h = shape.height();
        int w = shape.width();
        int per = shape.size();
        float[] out = new float[pixels.length];
        for (int n = 0; n < count; n++) {
            for (int ch = 0; ch < c; ch++) {
                int base = n * per + ch * h * w;
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        out[base + x * h + y] = pixels[base + y * w + x];
                    }
                }
            }
        }
        return new ImageBatch(shape.transposed(), out);
    }

    /** SHA-256 of the shape and the pixels, as hex: identifies a query set in provenance. */
    public String sha256() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            ByteBuffer head = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
            head.putInt(count).putInt(shape.channels()).putInt(shape.height()).putInt(shape.width());
            md.update(head.array());
            ByteBuffer buf = ByteBuffer.allocate(4 * 4096).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < pixels.length; i++) {
                if (!buf.hasRemaining()) {
                    md.update(buf.array(), 0, buf.position());
                    buf.clear();
                }
                buf.putFloat(pixels[i]);
            }
            md.update(buf.array(), 0, buf.position());
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImageBatch b && b.shape.equals(shape) && Arrays.equals(b.pixels, pixels);
    }

    @Override
    public int hashCode() {
        return 31 * shape.hashCode() + Arrays.hashCode(pixels);
    }

    @Override
    public String toString() {
        return "ImageBatch[" + count + " x " + shape + "]";
    }
}
