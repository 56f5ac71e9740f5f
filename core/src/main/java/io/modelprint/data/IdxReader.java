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
package io.modelprint.data;

import io.modelprint.ImageBatch;
import io.modelprint.ImageShape;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.zip.GZIPInputStream;

/**
 * Reads the IDX files of MNIST-style datasets (plain or gzip-compressed): unsigned-byte images
 * become {@link ImageBatch}es scaled to [0, 1], unsigned-byte labels become {@code int[]}.
 *
 * <p>The format: a magic number ({@code 0x00000803} for 3-D images, {@code 0x00000801} for
 * labels), one big-endian int per dimension, then the bytes.
 *
 * <p>Damaged or hostile files fail with an {@link IOException} naming the file and what is wrong,
 * never with another exception: a path that is not a regular file (a device, a pipe) is refused
 * before it is opened, a shape of more than 2^31 values is refused, and data is read as it comes,
 * so a header that declares more than the file holds (or a compressed file that inflates to less)
 * is reported as truncated without allocating what the header declared.
 *
 * <pre>{@code
 * ImageBatch images = IdxReader.readImages(dir.resolve("t10k-images-idx3-ubyte.gz"));
 * int[] labels = IdxReader.readLabels(dir.resolve("t10k-labels-idx1-ubyte.gz"));
 * }</pre>
 */
public final class IdxReader {

    private static final int IMAGES_MAGIC = 0x00000803;
    private static final int LABELS_MAGIC = 0x00000801;

    private IdxReader() {
    }

    /**
     * Reads an IDX image file: N x H x W unsigned bytes, one channel.
     *
     * @throws IOException if the file cannot be read, is not an IDX image file, or is truncated
     */
    public static ImageBatch readImages(Path file) throws IOException {
        try {
            return images(file);
        } catch (IOException e) {
            throw named(file, e);
        }
    }

    private static ImageBatch images(Path file) throws IOException {
        try (DataInputStream in = open(file)) {
            int magic = header(in, file);
            if (magic != IMAGES_MAGIC) {
                throw new IOException(file + " is not an IDX image file: magic number 0x"
                        + Integer.toHexString(magic) + ", expected 0x" + Integer.toHexString(IMAGES_MAGIC));
            }
            int n = dimension(in, file);
            int h = dimension(in, file);
            int w = dimension(in, file);
            if (n < 0 || h <= 0 || w <= 0 || (long) h * w > Integer.MAX_VALUE || (long) n * h * w > Integer.MAX_VALUE) {
                throw new IOException(file + " declares an impossible shape " + n + " x " + h + " x " + w);
            }
            byte[] raw = readData(in, n * h * w, file);
            float[] pixels = new float[raw.length];
            for (int i = 0; i < raw.length; i++) {
                pixels[i] = (raw[i] & 0xff) / 255f;
            }
            return ImageBatch.of(new ImageShape(1, h, w), pixels);
        }
    }

    /**
     * Reads an IDX label file: N unsigned bytes.
     *
     * @throws IOException if the file cannot be read, is not an IDX label file, or is truncated
     */
    public static int[] readLabels(Path file) throws IOException {
        try {
            return labels(file);
        } catch (IOException e) {
            throw named(file, e);
        }
    }

    // a gzip stream's own failures ("invalid stored block lengths") do not say which file
    private static IOException named(Path file, IOException e) {
        return String.valueOf(e.getMessage()).contains(file.toString()) ? e
                : new IOException(file + " cannot be read as an IDX file: " + e, e);
    }

    private static int[] labels(Path file) throws IOException {
        try (DataInputStream in = open(file)) {
            int magic = header(in, file);
            if (magic != LABELS_MAGIC) {
                throw new IOException(file + " is not an IDX label file: magic number 0x"
                        + Integer.toHexString(magic) + ", expected 0x" + Integer.toHexString(LABELS_MAGIC));
            }
            int n = dimension(in, file);
            if (n < 0) {
                throw new IOException(file + " declares " + n + " labels");
            }
            byte[] raw = readData(in, n, file);
            int[] labels = new int[n];
            for (int i = 0; i < n; i++) {
                labels[i] = raw[i] & 0xff;
            }
            return labels;
        }
    }

    private static int header(DataInputStream in, Path file) throws IOException {
        try {
            return in.readInt();
        } catch (EOFException e) {
            throw new IOException(file + " is too short for an IDX file: it ends before its 4-byte magic number", e);
        }
    }

    private static int dimension(DataInputStream in, Path file) throws IOException {
        try {
            return in.readInt();
        } catch (EOFException e) {
            throw new IOException(file + " is truncated: it ends inside its header", e);
        }
    }

    // read as it comes: a header may declare far more than the file holds
    private static byte[] readData(DataInputStream in, int declared, Path file) throws IOException {
        byte[] raw = in.readNBytes(declared);
        if (raw.length < declared) {
            throw new IOException(file + " is truncated: it declares " + declared + " data bytes but holds "
                    + raw.length);
        }
        return raw;
    }

    private static DataInputStream open(Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        if (!a.isRegularFile()) {
            throw new IOException(file + " is " + (a.isDirectory() ? "a directory" : "a device, pipe or socket")
                    + ", not an IDX file");
        }
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            raw.mark(2);
            int b1 = raw.read();
            int b2 = raw.read();
            raw.reset();
            // gzip streams start with 0x1f 0x8b
            InputStream in = b1 == 0x1f && b2 == 0x8b ? new BufferedInputStream(new GZIPInputStream(raw, 1 << 16)) : raw;
            return new DataInputStream(in);
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }
}
