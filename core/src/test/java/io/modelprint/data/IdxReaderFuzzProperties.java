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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.ImageBatch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Damaged IDX files, generated: every read either gives images (or labels) of the declared
 * shape, or fails with an {@link IOException} that names the file, never another exception.
 */
class IdxReaderFuzzProperties {

    private static Path dir;

    @BeforeContainer
    static void makeDir() throws IOException {
        dir = Files.createTempDirectory("idx-fuzz");
    }

    @AfterContainer
    static void removeDir() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }

    @Property(tries = 300)
    void mutatedFilesReadOrFailWithANamedIOException(
            @ForAll @IntRange(min = 0, max = 6) int n, @ForAll @IntRange(min = 1, max = 5) int side,
            @ForAll boolean labels, @ForAll boolean compressed,
            @ForAll @IntRange(min = 0, max = 200) int cutAt, @ForAll @Size(max = 6) int[] flips,
            @ForAll byte flipTo) throws IOException {
        byte[] raw = labels ? IdxFiles.labels(n, side) : IdxFiles.images(n, side, side, side);
        byte[] bytes = compressed ? IdxFiles.gzip(raw) : raw;
        bytes = Arrays.copyOf(bytes, Math.min(bytes.length, cutAt));
        for (int f : flips) {
            if (bytes.length > 0) {
                bytes[Math.floorMod(f, bytes.length)] = flipTo;
            }
        }
        Path file = Files.write(dir.resolve("f" + System.nanoTime()), bytes);
        try {
            if (labels) {
                int[] read = IdxReader.readLabels(file);
                assertTrue(Arrays.stream(read).allMatch(l -> l >= 0 && l < 256));
            } else {
                ImageBatch read = IdxReader.readImages(file);
                for (float v : read.pixels()) {
                    assertTrue(v >= 0 && v <= 1);
                }
            }
        } catch (IOException e) {
            assertTrue(e.getMessage() != null && e.getMessage().contains(file.toString()), e.getMessage());
        } finally {
            Files.delete(file);
        }
    }

    @Property(tries = 200)
    void randomBytesNeverEscapeAsAnotherException(@ForAll @Size(max = 64) byte[] bytes, @ForAll boolean labels)
            throws IOException {
        Path file = Files.write(dir.resolve("r" + System.nanoTime()), bytes);
        try {
            if (labels) {
                assertTrue(Arrays.stream(IdxReader.readLabels(file)).allMatch(l -> l >= 0 && l < 256));
            } else {
                ImageBatch read = IdxReader.readImages(file);
                assertEquals((long) read.count() * read.shape().size(), read.pixels().length);
            }
        } catch (IOException e) {
            assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        } finally {
            Files.delete(file);
        }
    }
}
