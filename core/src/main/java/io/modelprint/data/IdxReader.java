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
import java.util.zip.GZIPInputStream;

/**
 * Reads the IDX files of MNIST-style datasets (plain or gzip-compressed): unsigned-byte images
 * become {@link ImageBatch}es scaled to [0, 1], unsigned-byte labels become {@code int[]}.
 *
 * <p>The format: a magic number ({@code 0x00000803} for 3-D images, {@code 0x00000801} for
 * labels), one big-endian int per dimension, then the bytes.
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
        try (DataInputStream in = open(file)) {
            int magic = in.readInt();
            if (magic != IMAGES_MAGIC) {
                throw new IOException(file + " is not an IDX image file: magic number 0x"
                        + Integer.toHexString(magic) + ", expected 0x" + Integer.toHexString(IMAGES_MAGIC));
            }
            int n = in.readInt();
            int h = in.readInt();
            int w = in.readInt();
            if (n < 0 || h <= 0 || w <= 0 || (long) n * h * w > Integer.MAX_VALUE) {
                throw new IOException(file + " declares an impossible shape " + n + " x " + h + " x " + w);
            }
            byte[] raw = new byte[n * h * w];
            readFully(in, raw, file);
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
        try (DataInputStream in = open(file)) {
            int magic = in.readInt();
            if (magic != LABELS_MAGIC) {
                throw new IOException(file + " is not an IDX label file: magic number 0x"
                        + Integer.toHexString(magic) + ", expected 0x" + Integer.toHexString(LABELS_MAGIC));
            }
            int n = in.readInt();
            if (n < 0) {
                throw new IOException(file + " declares " + n + " labels");
            }
            byte[] raw = new byte[n];
            readFully(in, raw, file);
            int[] labels = new int[n];
            for (int i = 0; i < n; i++) {
                labels[i] = raw[i] & 0xff;
            }
            return labels;
        }
    }

    private static void readFully(DataInputStream in, byte[] buf, Path file) throws IOException {
        try {
            in.readFully(buf);
        } catch (EOFException e) {
            throw new IOException(file + " is truncated: it declares " + buf.length + " data bytes", e);
        }
    }

    private static DataInputStream open(Path file) throws IOException {
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
