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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelprint.VictimFingerprint;
import io.modelprint.store.FingerprintFileException.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signed fingerprint files: a forged or re-hashed file is rejected when a verification key is given. */
class FingerprintSignatureTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static VictimFingerprint fingerprint() {
        return StoredFingerprints.small(StoredFingerprints.eightBitData(100, 3), 20, 1);
    }

    @Test
    void ed25519SignedFilesReadWithThePublicKeyAndRefuseForgeries() throws Exception {
        SigningKey key = FingerprintKeys.generateEd25519(dir.resolve("owner.key.pem"), dir.resolve("owner.pub.pem"));
        VerificationKey pub = VerificationKey.read(dir.resolve("owner.pub.pem"));
        assertEquals(key.keyId(), pub.keyId());
        assertEquals(key, SigningKey.read(dir.resolve("owner.key.pem")));
        roundTripAndForgeries(key, pub);
    }

    @Test
    void hmacSignedFilesReadWithTheSameSecretAndRefuseForgeries() throws Exception {
        SigningKey key = FingerprintKeys.generateHmacSha256(dir.resolve("owner.hmac"));
        roundTripAndForgeries(SigningKey.read(dir.resolve("owner.hmac")), VerificationKey.read(dir.resolve("owner.hmac")));
        assertEquals(key.keyId(), VerificationKey.read(dir.resolve("owner.hmac")).keyId());
    }

    private void roundTripAndForgeries(SigningKey key, VerificationKey check) throws Exception {
        VictimFingerprint fp = fingerprint();
        Path file = dir.resolve(key.algorithm() + ".fp.json");
        FingerprintFile.write(fp, file, WriteOptions.defaults().signedWith(key));
        ObjectNode doc = (ObjectNode) JSON.readTree(file.toFile());
        assertEquals(FingerprintFile.SIGNED_VERSION, doc.get("version").asInt());
        assertEquals(key.algorithm(), doc.at("/signature/algorithm").asText());
        assertEquals(key.keyId(), doc.at("/signature/keyId").asText());
        assertEquals(fp, FingerprintFile.read(file, check));
        assertEquals(fp, FingerprintFile.read(file), "without a key a signed file reads like any other");

        // a forger edits the content and recomputes the checksum: only the signature catches it
        ObjectNode forged = doc.deepCopy();
        ObjectNode content = (ObjectNode) forged.get("content");
        ((ObjectNode) content.get("provenance")).put("victim", "someone else's model");
        forged.put("sha256", Envelope.sha256(content));
        FingerprintFileException e = assertThrows(FingerprintFileException.class,
                () -> FingerprintFile.fromBytes(JSON.writeValueAsBytes(forged), check));
        assertEquals(Problem.BAD_SIGNATURE, e.problem());
        assertTrue(e.getMessage().contains("does not verify with " + check), e.getMessage());
        FingerprintFile.fromBytes(JSON.writeValueAsBytes(forged));   // the checksum alone is fooled: hence signatures

        // ... or strips the signature and calls it version 1
        ObjectNode stripped = doc.deepCopy();
        stripped.remove("signature");
        stripped.put("version", FingerprintFile.VERSION);
        assertEquals(Problem.UNSIGNED, assertThrows(FingerprintFileException.class,
                () -> FingerprintFile.fromBytes(JSON.writeValueAsBytes(stripped), check)).problem());
        ObjectNode unsignedTwo = doc.deepCopy();
        unsignedTwo.remove("signature");
        assertEquals(Problem.NOT_A_FINGERPRINT, assertThrows(FingerprintFileException.class,
                () -> FingerprintFile.fromBytes(JSON.writeValueAsBytes(unsignedTwo), check)).problem());

        // ... or replaces the signature's bytes
        ObjectNode garbled = doc.deepCopy();
        ((ObjectNode) garbled.get("signature")).put("value", "AAAA");
        assertEquals(Problem.BAD_SIGNATURE, assertThrows(FingerprintFileException.class,
                () -> FingerprintFile.fromBytes(JSON.writeValueAsBytes(garbled), check)).problem());
        ((ObjectNode) garbled.get("signature")).put("value", "not base64!");
        assertEquals(Problem.BAD_SIGNATURE, assertThrows(FingerprintFileException.class,
                () -> FingerprintFile.fromBytes(JSON.writeValueAsBytes(garbled))).problem());

        // ... or signs it with a key of their own
        SigningKey thief = FingerprintKeys.generateEd25519(dir.resolve(key.algorithm() + "-thief.key"),
                dir.resolve(key.algorithm() + "-thief.pub"));
        FingerprintFileException other = assertThrows(FingerprintFileException.class,
                () -> FingerprintFile.fromBytes(FingerprintFile.toBytes(fp, thief), check));
        assertEquals(Problem.BAD_SIGNATURE, other.problem());
        assertTrue(other.getMessage().contains("signed with 'Ed25519' key '" + thief.keyId() + "', not with the given "
                + check), other.getMessage());

        FingerprintFile.write(fp, dir.resolve("plain.fp.json"));
        assertEquals(Problem.UNSIGNED, assertThrows(FingerprintFileException.class,
                () -> FingerprintFile.read(dir.resolve("plain.fp.json"), check)).problem());
    }

    @Test
    void versionOneFilesStillReadAndAreUnsigned() throws IOException {
        VerificationKey key = VerificationKey.hmacSha256(new byte[32]);
        try (InputStream in = getClass().getResourceAsStream(VersionOneFixtures.RESOURCES + "sac-m.fp.json")) {
            byte[] bytes = in.readAllBytes();
            assertEquals("sac-m", FingerprintFile.fromBytes(bytes).scheme());
            assertEquals(Problem.UNSIGNED, assertThrows(FingerprintFileException.class,
                    () -> FingerprintFile.fromBytes(bytes, key)).problem());
        }
    }

    @Test
    void keyFilesAreSecretNeverReplacedAndCheckedForWhatTheyHold() throws Exception {
        Path priv = dir.resolve("k.pem");
        Path pub = dir.resolve("k.pub");
        FingerprintKeys.generateEd25519(priv, pub);
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(priv)));
        }
        String before = Files.readString(priv);
        FingerprintFileException again = assertThrows(FingerprintFileException.class,
                () -> FingerprintKeys.generateEd25519(priv, dir.resolve("other.pub")));
        assertEquals(Problem.BAD_KEY, again.problem());
        assertTrue(again.getMessage().contains("already exists"), again.getMessage());
        assertEquals(before, Files.readString(priv));

        List<String[]> cases = List.of(
                new String[] {"public", "holds a PRIVATE KEY: verify with the public key file"},
                new String[] {"private", "a public key only verifies"},
                new String[] {"garbage", "holds no PEM block"},
                new String[] {"short-hmac", "at least 32 bytes"},
                new String[] {"lonely-private", "without its public key"});
        Files.writeString(dir.resolve("garbage"), "not a key");
        Files.writeString(dir.resolve("short-hmac"), "-----BEGIN MODELPRINT HMAC KEY-----\nAAAA\n-----END MODELPRINT HMAC KEY-----\n");
        Files.writeString(dir.resolve("lonely-private"), before.substring(0, before.indexOf("-----BEGIN PUBLIC KEY")));
        for (String[] c : cases) {
            FingerprintFileException e = assertThrows(FingerprintFileException.class, () -> {
                switch (c[0]) {
                    case "public" -> VerificationKey.read(priv);
                    case "private" -> SigningKey.read(pub);
                    case "short-hmac" -> VerificationKey.read(dir.resolve(c[0]));
                    default -> SigningKey.read(dir.resolve(c[0]));
                }
            }, c[0]);
            assertEquals(Problem.BAD_KEY, e.problem(), c[0]);
            assertTrue(e.getMessage().contains(c[1]), c[0] + " -> " + e.getMessage());
        }
        assertEquals(Problem.BAD_KEY, assertThrows(FingerprintFileException.class,
                () -> VerificationKey.read(Path.of("/dev/zero"))).problem());
    }

    @Test
    void keysMadeByOpensslSignAndVerify() throws Exception {
        Path priv = dir.resolve("openssl.key");
        Path pub = dir.resolve("openssl.pub");
        assumeTrue(run("openssl", "genpkey", "-algorithm", "ed25519", "-out", priv.toString()), "openssl");
        assumeTrue(run("openssl", "pkey", "-in", priv.toString(), "-pubout", "-out", pub.toString()));
        Files.writeString(priv, Files.readString(priv) + Files.readString(pub, StandardCharsets.US_ASCII));
        VictimFingerprint fp = fingerprint();
        byte[] signed = FingerprintFile.toBytes(fp, SigningKey.read(priv));
        assertEquals(fp, FingerprintFile.fromBytes(signed, VerificationKey.read(pub)));
    }

    private static boolean run(String... command) throws Exception {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
