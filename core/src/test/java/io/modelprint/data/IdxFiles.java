package io.modelprint.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.zip.GZIPOutputStream;

/** Small IDX files made in memory for the reader's tests. */
final class IdxFiles {

    private IdxFiles() {
    }

    static byte[] images(int n, int h, int w, long seed) {
        ByteBuffer b = ByteBuffer.allocate(16 + n * h * w);
        b.putInt(0x00000803).putInt(n).putInt(h).putInt(w);
        java.util.SplittableRandom rng = new java.util.SplittableRandom(seed);
        for (int i = 0; i < n * h * w; i++) {
            b.put((byte) rng.nextInt(256));
        }
        return b.array();
    }

    static byte[] labels(int n, long seed) {
        ByteBuffer b = ByteBuffer.allocate(8 + n);
        b.putInt(0x00000801).putInt(n);
        java.util.SplittableRandom rng = new java.util.SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            b.put((byte) rng.nextInt(10));
        }
        return b.array();
    }

    static byte[] header(int magic, int... dims) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length);
        b.putInt(magic);
        for (int d : dims) {
            b.putInt(d);
        }
        return b.array();
    }

    static byte[] gzip(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
