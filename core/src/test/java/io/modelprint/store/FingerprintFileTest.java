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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelprint.FingerprintVerifier;
import io.modelprint.Model;
import io.modelprint.Models;
import io.modelprint.TestModels;
import io.modelprint.Verdict;
import io.modelprint.VictimFingerprint;
import io.modelprint.store.FingerprintFileException.Problem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FingerprintFileTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aStoredFingerprintGivesTheSameVerdictsAsTheLiveVictim() {
        FingerprintVerifier verifier = StoredFingerprints.verifier(StoredFingerprints.eightBitData(300, 42), 100, 6);
        VictimFingerprint live = verifier.fingerprint(StoredFingerprints.VICTIM);
        Path file = dir.resolve("victim.fp.json");
        FingerprintFile.write(live, file);
        VictimFingerprint stored = FingerprintFile.read(file);
        assertEquals(live, stored);

        FingerprintVerifier fromFile = FingerprintVerifier.forFingerprint(stored).build();
        for (Model suspect : List.of(StoredFingerprints.COPY, StoredFingerprints.STRANGER,
                Models.probabilitiesOnly(StoredFingerprints.COPY), Models.labelsOnly(StoredFingerprints.STRANGER))) {
            Verdict a = verifier.verify(live, suspect);
            Verdict b = fromFile.verify(stored, suspect);
            assertEquals(a.distance(), b.distance(), 0, suspect.name());
            assertEquals(a.threshold(), b.threshold());
            assertEquals(a.outcome(), b.outcome());
            assertEquals(a.pValue(), b.pValue());
            assertEquals(a.references(), b.references());
            assertEquals(a.representation(), b.representation());
            assertEquals(a.explanation(), b.explanation());
        }
        assertTrue(fromFile.verify(stored, StoredFingerprints.COPY).stolen());
        assertFalse(fromFile.verify(stored, StoredFingerprints.STRANGER).stolen());
    }

    @Test
    void eightBitImagesAreStoredAsBytesAndOthersAsFloats() throws Exception {
        VictimFingerprint u8 = StoredFingerprints.small(StoredFingerprints.eightBitData(100, 1), 20, 0);
        VictimFingerprint f32 = StoredFingerprints.small(TestModels.data(100, 10, 1), 20, 0);
        JsonNode a = JSON.readTree(FingerprintFile.toBytes(u8));
        JsonNode b = JSON.readTree(FingerprintFile.toBytes(f32));
        assertEquals("u8", a.at("/content/querySet/encoding").asText());
        assertEquals("f32le", b.at("/content/querySet/encoding").asText());
        assertEquals(20 * TestModels.SHAPE.size(), Base64.getDecoder().decode(a.at("/content/querySet/pixels").asText()).length);
        assertEquals(u8, FingerprintFile.fromBytes(FingerprintFile.toBytes(u8)));
        assertEquals(f32, FingerprintFile.fromBytes(FingerprintFile.toBytes(f32)));
        assertEquals(FingerprintFile.FORMAT, a.get("format").asText());
        assertEquals(FingerprintFile.VERSION, a.get("version").asInt());
        assertEquals(u8.provenance().libraryVersion(), a.at("/content/provenance/libraryVersion").asText());
    }

    @Test
    void aChangedValueIsACheckSumMismatch() throws Exception {
        VictimFingerprint fp = StoredFingerprints.small(StoredFingerprints.eightBitData(100, 1), 20, 2);
        ObjectNode doc = (ObjectNode) JSON.readTree(FingerprintFile.toBytes(fp));
        ((ObjectNode) doc.at("/content/provenance")).put("seed", 4);
        FingerprintFileException e = assertThrows(FingerprintFileException.class,
                () -> FingerprintFile.fromBytes(JSON.writeValueAsBytes(doc)));
        assertEquals(Problem.CHECKSUM_MISMATCH, e.problem());
        assertTrue(e.getMessage().contains("altered after it was written"), e.getMessage());
    }

    @Test
    void aTruncatedFileSaysSo() throws Exception {
        VictimFingerprint fp = StoredFingerprints.small(StoredFingerprints.eightBitData(100, 1), 20, 2);
        byte[] bytes = FingerprintFile.toBytes(fp);
        Path file = dir.resolve("cut.json");
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
        FingerprintFileException e = assertThrows(FingerprintFileException.class, () -> FingerprintFile.read(file));
        assertEquals(Problem.TRUNCATED, e.problem());
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("cut short"), e.getMessage());
        Files.write(file, new byte[0]);
        assertEquals(Problem.TRUNCATED, assertThrows(FingerprintFileException.class,
                () -> FingerprintFile.read(file)).problem());
    }

    @Test
    void otherDocumentsAndVersionsAreNamed() throws Exception {
        VictimFingerprint fp = StoredFingerprints.small(StoredFingerprints.eightBitData(100, 1), 20, 0);
        ObjectNode doc = (ObjectNode) JSON.readTree(FingerprintFile.toBytes(fp));
        doc.put("version", FingerprintFile.SIGNED_VERSION + 1);
        FingerprintFileException newer = assertThrows(FingerprintFileException.class,
                () -> FingerprintFile.fromBytes(JSON.writeValueAsBytes(doc)));
        assertEquals(Problem.UNSUPPORTED_VERSION, newer.problem());
        assertTrue(newer.getMessage().contains("newer modelprint"), newer.getMessage());
        assertEquals(Problem.NOT_A_FINGERPRINT, assertThrows(FingerprintFileException.class,
                () -> FingerprintFile.fromBytes("{\"hello\": 1}".getBytes(StandardCharsets.UTF_8))).problem());
        assertEquals(Problem.NOT_JSON, assertThrows(FingerprintFileException.class,
                () -> FingerprintFile.fromBytes("modelprint".getBytes(StandardCharsets.UTF_8))).problem());
        assertEquals(Problem.UNREADABLE, assertThrows(FingerprintFileException.class,
                () -> FingerprintFile.read(dir.resolve("missing.json"))).problem());
    }

    @Test
    void validChecksumOverInvalidContentIsInvalidContent() throws Exception {
        VictimFingerprint fp = StoredFingerprints.small(StoredFingerprints.eightBitData(100, 1), 20, 0);
        ObjectNode doc = (ObjectNode) JSON.readTree(FingerprintFile.toBytes(fp));
        ObjectNode content = (ObjectNode) doc.get("content");
        ((ObjectNode) content.get("querySet")).put("count", 21);
        doc.put("sha256", Envelope.sha256(content));
        FingerprintFileException e = assertThrows(FingerprintFileException.class,
                () -> FingerprintFile.fromBytes(JSON.writeValueAsBytes(doc)));
        assertEquals(Problem.INVALID_CONTENT, e.problem());
        assertTrue(e.getMessage().contains("querySet.pixels holds " + 20 * TestModels.SHAPE.size()
                + " bytes but the declared shape needs " + 21 * TestModels.SHAPE.size()),
                e.getMessage());
    }

    @Test
    void writingReplacesAnOldFileAndLeavesNoTemporaryFile() throws Exception {
        VictimFingerprint a = StoredFingerprints.small(StoredFingerprints.eightBitData(100, 1), 20, 0);
        VictimFingerprint b = StoredFingerprints.small(StoredFingerprints.eightBitData(100, 2), 20, 0);
        Path file = dir.resolve("sub").resolve("fp.json");
        FingerprintFile.write(a, file);
        FingerprintFile.write(b, file);
        assertEquals(b, FingerprintFile.read(file));
        try (var files = Files.list(file.getParent())) {
            assertEquals(List.of("fp.json"), files.map(p -> p.getFileName().toString()).toList());
        }
        assertArrayEquals(FingerprintFile.toBytes(b), Files.readAllBytes(file));
    }
}
