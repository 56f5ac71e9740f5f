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
