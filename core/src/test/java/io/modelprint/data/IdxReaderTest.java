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

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.modelprint.ImageBatch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {

    @TempDir
    Path dir;

    private Path file(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    @Test
    void plainAndCompressedFilesReadTheSame() throws Exception {
        byte[] raw = IdxFiles.images(5, 3, 4, 1);
        ImageBatch plain = IdxReader.readImages(file("a.idx", raw));
        ImageBatch gz = IdxReader.readImages(file("a.idx.gz", IdxFiles.gzip(raw)));
        assertEquals(plain, gz);
        assertEquals(5, plain.count());
        assertEquals((raw[16] & 0xff) / 255f, plain.pixels()[0]);
        byte[] labels = IdxFiles.labels(7, 2);
        assertArrayEquals(IdxReader.readLabels(file("l.idx", labels)),
                IdxReader.readLabels(file("l.idx.gz", IdxFiles.gzip(labels))));
    }

    private void assertFails(Path f, String words) {
        IOException e = assertThrows(IOException.class, () -> IdxReader.readImages(f), f.toString());
        assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains(words), e.getMessage());
    }

    @Test
    void damagedHeadersAndTruncatedDataAreNamed() throws Exception {
        assertFails(file("empty", new byte[0]), "ends before its 4-byte magic number");
        assertFails(file("labels", IdxFiles.labels(3, 1)), "is not an IDX image file: magic number 0x801");
        assertFails(file("cut-header", Arrays.copyOf(IdxFiles.images(2, 2, 2, 1), 10)), "ends inside its header");
        assertFails(file("negative", IdxFiles.header(0x803, -1, 28, 28)), "impossible shape -1 x 28 x 28");
        assertFails(file("wide", IdxFiles.header(0x803, 0, 65536, 65536)), "impossible shape 0 x 65536 x 65536");
        assertFails(file("huge", IdxFiles.header(0x803, 3_000_000, 28, 28)), "impossible shape 3000000 x 28 x 28");
        byte[] cut = Arrays.copyOf(IdxFiles.images(4, 28, 28, 1), 16 + 100);
        assertFails(file("cut", cut), "declares 3136 data bytes but holds 100");
        byte[] gz = IdxFiles.gzip(cut);
        assertFails(file("cut.gz", gz), "declares 3136 data bytes but holds 100");
        assertFails(file("bad.gz", Arrays.copyOf(IdxFiles.gzip(IdxFiles.images(4, 28, 28, 1)), 30)), "truncated");
        IOException labels = assertThrows(IOException.class,
                () -> IdxReader.readLabels(file("lab", IdxFiles.header(0x801, -3))));
        assertTrue(labels.getMessage().contains("declares -3 labels"), labels.getMessage());
    }

    // a header declaring 2 GB of data in a tiny file must not allocate 2 GB before finding it truncated
    @Test
    void aHeaderDeclaringFarMoreThanTheFileHoldsCostsWhatTheFileHolds() throws Exception {
        Path f = file("liar", IdxFiles.header(0x803, 2_000, 1_000, 1_000));
        IOException e = assertThrows(IOException.class, () -> IdxReader.readImages(f));
        assertTrue(e.getMessage().contains("declares 2000000000 data bytes but holds 0"), e.getMessage());
    }

    @Test
    void devicesPipesAndDirectoriesAreRefusedUnopened() throws Exception {
        assertFails(Path.of("/dev/zero"), "a device, pipe or socket, not an IDX file");
        assertFails(dir, "a directory");
        Path fifo = dir.resolve("pipe");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo");
        assertFails(fifo, "not an IDX file");
        assertThrows(IOException.class, () -> IdxReader.readImages(dir.resolve("missing")));
    }
}
