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
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelprint.FingerprintVerifier;
import io.modelprint.Model;
import io.modelprint.TestModels;
import io.modelprint.Verdict;
import io.modelprint.VictimFingerprint;
import io.modelprint.store.FingerprintFileException.Problem;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds damaged fingerprint files to the reader: every one must either fail with a
 * {@link FingerprintFileException} or read back exactly the original, giving the same verdicts.
 */
class FingerprintFileFuzzTest {

    private static final Logger LOG = LoggerFactory.getLogger(FingerprintFileFuzzTest.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MUTATIONS_PER_FILE = 700;

    private enum Mutation { BYTE_FLIP, BIT_FLIP, TRUNCATION, INSERTION, DELETION, JSON_EDIT }

    @Test
    void damagedFilesFailCleanlyOrReadBackExactly() throws Exception {
        List<VictimFingerprint> originals = List.of(
                StoredFingerprints.small(StoredFingerprints.eightBitData(100, 7), 12, 3),   // u8 pixels
                StoredFingerprints.small(TestModels.data(100, 10, 8), 12, 2));              // f32le pixels
        Map<Problem, Integer> failures = new EnumMap<>(Problem.class);
        int exact = 0;
        int total = 0;
        SplittableRandom rng = new SplittableRandom(20240611);
        for (VictimFingerprint original : originals) {
            byte[] bytes = FingerprintFile.toBytes(original);
            FingerprintVerifier verifier = FingerprintVerifier.forFingerprint(original).build();
            List<Verdict> expected = verdicts(verifier, original);
            for (int i = 0; i < MUTATIONS_PER_FILE; i++) {
                Mutation kind = Mutation.values()[i % Mutation.values().length];
                byte[] mutated = mutate(kind, bytes, rng);
                total++;
                VictimFingerprint read;
                try {
                    read = FingerprintFile.fromBytes(mutated);
                } catch (FingerprintFileException e) {
                    failures.merge(e.problem(), 1, Integer::sum);
                    assertTrue(e.getMessage() != null && e.getMessage().contains("fingerprint"), e.getMessage());
                    continue;
                } catch (RuntimeException e) {
                    fail(kind + " mutation " + i + " gave " + e + " instead of a FingerprintFileException:\n"
                            + new String(mutated, StandardCharsets.UTF_8), e);
                    return;
                }
                exact++;
                assertEquals(original, read, kind + " mutation " + i + " read back a different fingerprint");
                assertEquals(verdictsWithoutCosts(expected), verdictsWithoutCosts(verdicts(verifier, read)),
                        kind + " mutation " + i + " changed a verdict");
            }
        }
        LOG.info("fingerprint file fuzz: {} mutated files, {} read back exactly, failures by problem: {}", total,
                exact, failures);
        assertTrue(total >= 1000, "at least 1000 mutated files");
        // the mutations reach every kind of damage the reader names
        for (Problem p : List.of(Problem.TRUNCATED, Problem.NOT_JSON, Problem.CHECKSUM_MISMATCH,
                Problem.NOT_A_FINGERPRINT)) {
            assertTrue(failures.getOrDefault(p, 0) > 0, "no mutation gave " + p + ": " + failures);
        }
    }

    /** Edits inside the content with the checksum recomputed: the reader's own checks must hold. */
    @Test
    void rehashedEditsFailAsInvalidContentOrReadAValidFingerprint() throws Exception {
        VictimFingerprint original = StoredFingerprints.small(StoredFingerprints.eightBitData(100, 7), 12, 3);
        ObjectNode doc = (ObjectNode) JSON.readTree(FingerprintFile.toBytes(original));
        SplittableRandom rng = new SplittableRandom(77);
        int invalid = 0;
        int valid = 0;
        for (int i = 0; i < 400; i++) {
            ObjectNode copy = doc.deepCopy();
            editRandomNode(copy.get("content"), rng);
            copy.put("sha256", Envelope.sha256(copy.get("content")));
            try {
                VictimFingerprint read = FingerprintFile.fromBytes(JSON.writeValueAsBytes(copy));
                valid++;
                // a valid read is a fingerprint the verifier accepts or rejects with a named error
                assertEquals(read.querySet().size(), read.victimAnswers().count());
            } catch (FingerprintFileException e) {
                assertTrue(e.problem() == Problem.INVALID_CONTENT || e.problem() == Problem.CHECKSUM_MISMATCH
                        || e.problem() == Problem.INCONSISTENT_PROVENANCE,
                        e.problem() + ": " + e.getMessage());
                invalid++;
            } catch (RuntimeException e) {
                fail("re-hashed edit " + i + " gave " + e + " instead of a FingerprintFileException", e);
            }
        }
        LOG.info("re-hashed content edits: {} rejected as invalid content, {} read as valid fingerprints", invalid, valid);
        assertTrue(invalid > 0);
    }

    /** Damage to a signed file read with the owner's key: it reads back exactly or fails, never verifies otherwise. */
    @Test
    void damagedSignedFilesNeverVerifyAsSomethingElse() throws Exception {
        VictimFingerprint original = StoredFingerprints.small(StoredFingerprints.eightBitData(100, 9), 12, 1);
        SigningKey key = SigningKey.hmacSha256(new byte[32]);
        VerificationKey check = VerificationKey.hmacSha256(new byte[32]);
        byte[] bytes = FingerprintFile.toBytes(original, key);
        SplittableRandom rng = new SplittableRandom(4242);
        Map<Problem, Integer> failures = new EnumMap<>(Problem.class);
        for (int i = 0; i < 400; i++) {
            Mutation kind = Mutation.values()[i % Mutation.values().length];
            byte[] mutated = mutate(kind, bytes, rng);
            try {
                assertEquals(original, FingerprintFile.fromBytes(mutated, check), kind + " mutation " + i);
            } catch (FingerprintFileException e) {
                failures.merge(e.problem(), 1, Integer::sum);
            } catch (RuntimeException e) {
                fail(kind + " mutation " + i + " of a signed file gave " + e, e);
            }
        }
        // a re-hashed edit passes the checksum: only the signature stands between it and a verdict
        ObjectNode doc = (ObjectNode) JSON.readTree(bytes);
        for (int i = 0; i < 100; i++) {
            ObjectNode copy = doc.deepCopy();
            editRandomNode(copy.get("content"), rng);
            copy.put("sha256", Envelope.sha256(copy.get("content")));
            byte[] edited = JSON.writeValueAsBytes(copy);
            try {
                assertEquals(original, FingerprintFile.fromBytes(edited, check), "re-hashed edit " + i);
            } catch (FingerprintFileException e) {
                failures.merge(e.problem(), 1, Integer::sum);
            }
        }
        LOG.info("signed file fuzz: failures by problem {}", failures);
        assertTrue(failures.getOrDefault(Problem.BAD_SIGNATURE, 0) > 0, failures.toString());
    }

    /** Paths of every kind and size: a regular file, sparse files up to 3 GB, a directory, a pipe, links to each. */
    @Test
    void pathsOfEveryKindAndSizeReadOrFailCleanly(@TempDir Path dir) throws Exception {
        VictimFingerprint original = StoredFingerprints.small(StoredFingerprints.eightBitData(100, 5), 12, 0);
        byte[] bytes = FingerprintFile.toBytes(original);
        List<Path> paths = new ArrayList<>();
        paths.add(Files.write(dir.resolve("good.json"), bytes));
        SplittableRandom rng = new SplittableRandom(99);
        for (int i = 0; i < 12; i++) {
            Path sparse = dir.resolve("sparse" + i);
            try (RandomAccessFile f = new RandomAccessFile(sparse.toFile(), "rw")) {
                f.write(bytes, 0, rng.nextInt(bytes.length));
                f.setLength(i < 6 ? rng.nextInt(1, 1 << 20) : ((long) rng.nextInt(1, 4) << 30) + rng.nextInt(1 << 30));
            }
            paths.add(sparse);
        }
        paths.add(Files.createDirectory(dir.resolve("directory")));
        Path fifo = dir.resolve("fifo");
        if (new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0) {
            paths.add(fifo);
        }
        paths.add(Path.of("/dev/zero"));
        paths.add(Path.of("/dev/null"));
        paths.add(dir.resolve("missing"));
        for (Path target : List.copyOf(paths)) {
            paths.add(Files.createSymbolicLink(dir.resolve("link-to-" + target.getFileName()), target));
        }
        for (Path p : paths) {
            try {
                assertEquals(original, FingerprintFile.read(p), p.toString());
            } catch (FingerprintFileException e) {
                assertTrue(e.getMessage().contains(p.toString()), e.getMessage());
            }
        }
        // writing to each (under the test's directory only: a bug must not cost the machine its /dev/null)
        // a regular file or a new path gets the fingerprint, nothing else is replaced
        for (Path p : paths.stream().filter(q -> q.startsWith(dir)).toList()) {
            boolean wasRegular = Files.isRegularFile(p);
            boolean existed = Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS);
            boolean wasLink = Files.isSymbolicLink(p);
            try {
                FingerprintFile.write(original, p, WriteOptions.protecting(dir.resolve("good.json")));
                assertTrue(wasRegular || !existed, "wrote over " + p);
                assertEquals(original, FingerprintFile.read(p));
                assertEquals(wasLink, Files.isSymbolicLink(p), "a link stays a link: " + p);
            } catch (FingerprintFileException e) {
                assertTrue(!wasRegular || e.problem() == Problem.OVERWRITES_INPUT, p + ": " + e.getMessage());
            }
        }
        assertArrayEquals(bytes, Files.readAllBytes(dir.resolve("good.json")), "the protected file is untouched");
    }

    private static List<Verdict> verdicts(FingerprintVerifier verifier, VictimFingerprint fp) {
        List<Verdict> out = new ArrayList<>();
        for (Model suspect : List.of(StoredFingerprints.COPY, StoredFingerprints.STRANGER)) {
            out.add(verifier.verify(fp, suspect));
        }
        return out;
    }

    private static List<String> verdictsWithoutCosts(List<Verdict> verdicts) {
        return verdicts.stream().map(v -> v.suspect() + " " + v.distance() + " " + v.threshold() + " " + v.outcome()
                + " " + v.pValue() + " " + v.references()).toList();
    }

    private static byte[] mutate(Mutation kind, byte[] in, SplittableRandom rng) throws Exception {
        return switch (kind) {
            case BYTE_FLIP -> {
                byte[] b = in.clone();
                b[rng.nextInt(b.length)] = (byte) rng.nextInt(256);
                yield b;
            }
            case BIT_FLIP -> {
                byte[] b = in.clone();
                int at = rng.nextInt(b.length);
                b[at] ^= (byte) (1 << rng.nextInt(8));
                yield b;
            }
            case TRUNCATION -> Arrays.copyOf(in, rng.nextInt(in.length));
            case INSERTION -> {
                String[] pieces = {" ", "\n", "\"", "{", "}", "[", "]", ",", ":", "0", "-1", "null", "x", "\u00e9",
                        "\"a\":1,", "AAAA", "\\u0000"};
                byte[] ins = rng.nextInt(4) == 0 ? randomBytes(rng, 1 + rng.nextInt(8))
                        : pieces[rng.nextInt(pieces.length)].getBytes(StandardCharsets.UTF_8);
                int at = rng.nextInt(in.length + 1);
                byte[] b = new byte[in.length + ins.length];
                System.arraycopy(in, 0, b, 0, at);
                System.arraycopy(ins, 0, b, at, ins.length);
                System.arraycopy(in, at, b, at + ins.length, in.length - at);
                yield b;
            }
            case DELETION -> {
                int from = rng.nextInt(in.length);
                int to = Math.min(in.length, from + 1 + rng.nextInt(16));
                byte[] b = new byte[in.length - (to - from)];
                System.arraycopy(in, 0, b, 0, from);
                System.arraycopy(in, to, b, from, in.length - to);
                yield b;
            }
            case JSON_EDIT -> {
                JsonNode doc = JSON.readTree(in);
                editRandomNode(doc, rng);
                yield JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(doc);
            }
        };
    }

    private static byte[] randomBytes(SplittableRandom rng, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) rng.nextInt(256);
        }
        return b;
    }

    /** Picks a random container in the tree and changes, removes or adds one of its values. */
    private static void editRandomNode(JsonNode root, SplittableRandom rng) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode target = containers.get(rng.nextInt(containers.size()));
        JsonNodeFactory f = JsonNodeFactory.instance;
        JsonNode[] replacements = {f.nullNode(), f.textNode(""), f.textNode("LABELS"), f.numberNode(0),
                f.numberNode(-1), f.numberNode(1), f.numberNode(Integer.MAX_VALUE), f.numberNode(1L << 40),
                f.numberNode(0.5), f.booleanNode(true), f.arrayNode(), f.objectNode(), f.textNode("AAAA"),
                f.textNode("not base64!"), f.textNode("1970-01-01T00:00:00Z")};
        JsonNode value = replacements[rng.nextInt(replacements.length)];
        if (target instanceof ObjectNode o) {
            List<String> names = new ArrayList<>();
            for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
                names.add(it.next());
            }
            int op = rng.nextInt(5);
            if (names.isEmpty() || op == 0) {
                o.set("extra" + rng.nextInt(3), value);
            } else if (op == 1) {
                o.remove(names.get(rng.nextInt(names.size())));
            } else {
                String name = names.get(rng.nextInt(names.size()));
                JsonNode old = o.get(name);
                o.set(name, old.isIntegralNumber() && rng.nextBoolean() ? f.numberNode(old.longValue() + 1) : value);
            }
        } else if (target instanceof ArrayNode a) {
            int op = rng.nextInt(3);
            if (a.isEmpty() || op == 0) {
                a.add(value);
            } else if (op == 1) {
                a.remove(rng.nextInt(a.size()));
            } else {
                a.set(rng.nextInt(a.size()), value);
            }
        }
    }

    private static void collect(JsonNode n, List<JsonNode> out) {
        if (n.isContainerNode()) {
            out.add(n);
            n.elements().forEachRemaining(c -> collect(c, out));
        }
    }
}
