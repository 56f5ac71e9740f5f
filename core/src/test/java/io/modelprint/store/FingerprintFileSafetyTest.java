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
package io.modelprint.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelprint.ImageBatch;
import io.modelprint.ImageShape;
import io.modelprint.Predictions;
import io.modelprint.Provenance;
import io.modelprint.QuerySet;
import io.modelprint.VictimFingerprint;
import io.modelprint.store.FingerprintFileException.Problem;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The defects of issue 14 in fingerprint files, each reproduced: files too large to read back,
 * devices and huge files read whole, writes that destroyed whatever was at the path, provenance
 * that contradicts the queries.
 */
class FingerprintFileSafetyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static VictimFingerprint small() {
        return StoredFingerprints.small(StoredFingerprints.eightBitData(100, 1), 20, 1);
    }

    /** A fingerprint of {@code n} random 8-bit 28x28 queries with label answers, made without a model. */
    private static VictimFingerprint labelled(int n) {
        ImageShape shape = new ImageShape(1, 28, 28);
        SplittableRandom rng = new SplittableRandom(n);
        float[] px = new float[n * shape.size()];
        for (int i = 0; i < px.length; i++) {
            px[i] = rng.nextInt(256) / 255f;
        }
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = rng.nextInt(10);
        }
        QuerySet q = QuerySet.of(ImageBatch.of(shape, px), "test-queries", Map.of(), 1);
        Provenance p = new Provenance("test-scheme", Map.of(), 1, q.sha256(), "victim", "test", Instant.EPOCH);
        return new VictimFingerprint(p, q, Predictions.ofLabels(labels, 10), List.of(), Duration.ZERO, Duration.ZERO);
    }

    // issue 14, defect 6: Jackson's 20,000,000-character string limit failed reading at about 19,000 8-bit queries
    @Test
    void aFingerprintBeyondJacksonsDefaultStringLimitReadsBack() {
        VictimFingerprint big = labelled(20_000);   // 15.7 MB of pixels, 20.9 million base64 characters
        Path file = dir.resolve("big.fp.json");
        FingerprintFile.write(big, file);
        assertEquals(big, FingerprintFile.read(file));
    }

    @Test
    void theWriterRefusesWhatTheReaderCouldNotReadBack() {
        VictimFingerprint fp = small();
        FingerprintFileException estimate = assertThrows(FingerprintFileException.class,
                () -> FingerprintFile.toBytes(fp, null, 1_000));
        assertEquals(Problem.TOO_LARGE, estimate.problem());
        assertTrue(estimate.getMessage().contains("20 queries of shape") && estimate.getMessage().contains(
                "more than the 1000 bytes a fingerprint file may hold"), estimate.getMessage());
        int actual = FingerprintFile.toBytes(fp).length;
        FingerprintFileException exact = assertThrows(FingerprintFileException.class,
                () -> FingerprintFile.toBytes(fp, null, actual - 1));
        assertTrue(exact.getMessage().contains("would be " + actual + " bytes"), exact.getMessage());
        assertEquals(fp, FingerprintFile.fromBytes(FingerprintFile.toBytes(fp, null, actual), "<bytes>", null, actual));
        assertEquals(Problem.TOO_LARGE, assertThrows(FingerprintFileException.class,
                () -> FingerprintFile.fromBytes(FingerprintFile.toBytes(fp), "<bytes>", null, actual - 1)).problem());
        assertEquals(512L << 20, FingerprintFile.MAX_DOCUMENT_BYTES);
    }

    // issue 14, defect 1: /dev/zero and a 3 GB sparse file were read whole and ended in OutOfMemoryError
    @Test
    void devicesPipesDirectoriesAndHugeFilesAreRefusedBeforeReading() throws Exception {
        assertRefused(Path.of("/dev/zero"), Problem.NOT_A_REGULAR_FILE, "a device, pipe or socket");
        assertRefused(dir, Problem.NOT_A_REGULAR_FILE, "a directory");
        Path fifo = dir.resolve("pipe");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo");
        assertRefused(fifo, Problem.NOT_A_REGULAR_FILE, "not a regular file");

        Path sparse = dir.resolve("sparse.fp.json");
        try (RandomAccessFile f = new RandomAccessFile(sparse.toFile(), "rw")) {
            f.setLength(3L << 30);
        }
        assertRefused(sparse, Problem.TOO_LARGE, "3221225472 bytes, more than the 536870912 bytes");

        Path small = dir.resolve("small.fp.json");
        Files.write(small, FingerprintFile.toBytes(small()));
        FingerprintFileException e = assertThrows(FingerprintFileException.class,
                () -> FingerprintFile.readBounded(small, 100));
        assertEquals(Problem.TOO_LARGE, e.problem());
    }

    private static void assertRefused(Path file, Problem problem, String words) {
        FingerprintFileException e = assertThrows(FingerprintFileException.class, () -> FingerprintFile.read(file));
        assertEquals(problem, e.problem(), e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains(words), e.getMessage());
    }

    @Test
    void deepNestingIsRefusedAsDamageNotAStackOverflow() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        FingerprintFileException e = assertThrows(FingerprintFileException.class,
                () -> FingerprintFile.fromBytes(deep.getBytes(StandardCharsets.UTF_8)));
        assertEquals(Problem.NOT_JSON, e.problem());
        String inContent = "{\"format\":\"modelprint-fingerprint\",\"version\":1,\"content\":" + "{\"a\":".repeat(40)
                + "1" + "}".repeat(40) + ",\"sha256\":\"x\"}";
        assertEquals(Problem.NOT_JSON, assertThrows(FingerprintFileException.class,
                () -> FingerprintFile.fromBytes(inContent.getBytes(StandardCharsets.UTF_8))).problem());
    }

    // issue 14, defect 10: provenance parameters that contradict the stored queries were accepted
    @Test
    void aProvenanceThatContradictsTheQuerySetIsRefused() throws Exception {
        Map<String, Consumer<ObjectNode>> edits = Map.of(
                "provenance.parameters.queries is '300' but querySet.parameters.queries is '20'",
                c -> ((ObjectNode) c.at("/provenance/parameters")).put("queries", "300"),
                "parameters.queries is '300' but 20 images are stored",
                c -> {
                    ((ObjectNode) c.at("/provenance/parameters")).put("queries", "300");
                    ((ObjectNode) c.at("/querySet/parameters")).put("queries", "300");
                },
                "scheme sac-m builds its queries with 'cutmix' but querySet.builder is 'boundary'",
                c -> ((ObjectNode) c.get("querySet")).put("builder", "boundary"),
                "provenance.parameters.cutRatio is '0.3' but querySet.parameters.cutRatio is '0.2'",
                c -> ((ObjectNode) c.at("/provenance/parameters")).put("cutRatio", "0.3"),
                "scheme sac-m refuses the recorded parameters",
                c -> ((ObjectNode) c.at("/provenance/parameters")).put("bogus", "1"),
                "scheme akh builds its queries with 'misclassified' but querySet.builder is 'cutmix'",
                c -> {
                    ObjectNode p = ((ObjectNode) c.get("provenance")).put("scheme", "akh");
                    ((ObjectNode) p.get("parameters")).removeAll().put("queries", "20");
                });
        for (Map.Entry<String, Consumer<ObjectNode>> edit : edits.entrySet()) {
            ObjectNode doc = (ObjectNode) JSON.readTree(FingerprintFile.toBytes(small()));
            ObjectNode content = (ObjectNode) doc.get("content");
            edit.getValue().accept(content);
            doc.put("sha256", Envelope.sha256(content));
            FingerprintFileException e = assertThrows(FingerprintFileException.class,
                    () -> FingerprintFile.fromBytes(JSON.writeValueAsBytes(doc)), edit.getKey());
            assertEquals(Problem.INCONSISTENT_PROVENANCE, e.problem(), e.getMessage());
            assertTrue(e.getMessage().contains(edit.getKey()), edit.getKey() + " -> " + e.getMessage());
        }
    }

    // issue 14, defect 7: a symlink at --out was replaced instead of its target
    @Test
    void aSymbolicLinkIsFollowedAndKept() throws Exception {
        Path real = dir.resolve("real.fp.json");
        Files.writeString(real, "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.fp.json"), real);
        VictimFingerprint fp = small();
        FingerprintFile.write(fp, link);
        assertTrue(Files.isSymbolicLink(link), "the link is still a link");
        assertArrayEquals(FingerprintFile.toBytes(fp), Files.readAllBytes(real), "its target holds the fingerprint");

        Path dangling = Files.createSymbolicLink(dir.resolve("dangling.fp.json"), dir.resolve("missing"));
        FingerprintFileException e = assertThrows(FingerprintFileException.class, () -> FingerprintFile.write(fp, dangling));
        assertEquals(Problem.NOT_A_REGULAR_FILE, e.problem());
        assertTrue(e.getMessage().contains("symbolic link to a missing file"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("missing")));
    }

    // issue 14, defect 7: a device file at --out was destroyed (replaced by a regular file)
    @Test
    void aDevicePipeOrDirectoryIsNeverReplaced() throws Exception {
        VictimFingerprint fp = small();
        Path fifo = dir.resolve("pipe");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo");
        FingerprintFileException e = assertThrows(FingerprintFileException.class, () -> FingerprintFile.write(fp, fifo));
        assertEquals(Problem.NOT_A_REGULAR_FILE, e.problem());
        assertTrue(e.getMessage().contains("a device, pipe or socket, not a regular file, and would be destroyed"),
                e.getMessage());
        assertTrue(Files.readAttributes(fifo, java.nio.file.attribute.BasicFileAttributes.class).isOther(),
                "the pipe is still a pipe");
        Path sub = Files.createDirectory(dir.resolve("sub"));
        assertEquals(Problem.NOT_A_REGULAR_FILE, assertThrows(FingerprintFileException.class,
                () -> FingerprintFile.write(fp, sub)).problem());
        assertTrue(Files.isDirectory(sub));
        try (var files = Files.list(dir)) {
            assertEquals(0, files.filter(p -> p.getFileName().toString().endsWith(".tmp")).count(), "no temporary file left");
        }
    }

    // issue 14, defect 7: the written file always ended up mode 0600
    @Test
    void aReplacedFileKeepsItsModeAndANewOneGetsTheUmaskDefault() throws Exception {
        assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix"));
        VictimFingerprint fp = small();
        Path old = dir.resolve("old.fp.json");
        Files.writeString(old, "old");
        Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rw-r-----"));
        FingerprintFile.write(fp, old);
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(old)));
        assertEquals(fp, FingerprintFile.read(old));

        Path plain = Files.createFile(dir.resolve("plain"));   // what this process's umask gives a new file
        Path fresh = dir.resolve("fresh.fp.json");
        FingerprintFile.write(fp, fresh);
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(fresh));
    }

    // issue 14, defect 7: --out equal to --model silently overwrote the owner's model
    @Test
    void protectedInputsAreNeverOverwrittenWhateverThePath() throws Exception {
        Path model = dir.resolve("victim.zip");
        Files.writeString(model, "the owner's model");
        VictimFingerprint fp = small();
        Path hardLink = Files.createLink(dir.resolve("hard.zip"), model);
        Path symLink = Files.createSymbolicLink(dir.resolve("sym.zip"), model);
        for (Path out : List.of(model, dir.resolve(".").resolve("victim.zip"), hardLink, symLink)) {
            FingerprintFileException e = assertThrows(FingerprintFileException.class,
                    () -> FingerprintFile.write(fp, out, WriteOptions.protecting(model)), out.toString());
            assertEquals(Problem.OVERWRITES_INPUT, e.problem());
            assertTrue(e.getMessage().contains(out.toString()) && e.getMessage().contains("an input of this run"),
                    e.getMessage());
        }
        assertEquals("the owner's model", Files.readString(model));
        Path elsewhere = dir.resolve("victim.fp.json");
        FingerprintFile.write(fp, elsewhere, WriteOptions.protecting(model, dir.resolve("not-there")));
        assertEquals(fp, FingerprintFile.read(elsewhere));
    }
}
