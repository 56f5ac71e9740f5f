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

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelprint.store.FingerprintFileException.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Set;

/**
 * The outside of a fingerprint document: {@code format}, {@code version}, the {@code content},
 * its SHA-256 and, in signed files (version 2), a {@code signature} over the format, version and
 * checksum. Wraps content into document bytes, and parses and checks a document down to its
 * content, failing with the {@link Problem} that names what is wrong.
 */
final class Envelope {

    private static final Set<String> TOP_FIELDS = Set.of("format", "version", "content", "sha256");
    private static final Set<String> SIGNED_TOP_FIELDS = Set.of("format", "version", "content", "sha256", "signature");

    // a fingerprint document nests 5 deep: anything much deeper is not one, and is refused before it costs stack
    private static final int MAX_NESTING = 32;

    /**
     * Strict JSON: duplicate keys and text after the document are damage, not data. Jackson's
     * default limit on one string (20,000,000 characters) is raised to the largest document written,
     * so that every file the writer accepts reads back.
     */
    static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxStringLength((int) FingerprintFile.MAX_DOCUMENT_BYTES)
                            .maxDocumentLength(FingerprintFile.MAX_DOCUMENT_BYTES)
                            .maxNestingDepth(MAX_NESTING)
                            .build())
                    .build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final ObjectMapper PRETTY = MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT);

    private Envelope() {
    }

    /**
     * The document holding {@code content}, as indented UTF-8 JSON: version 1, or version 2 with a
     * signature when {@code key} is not null.
     */
    static byte[] wrap(ObjectNode content, SigningKey key) {
        ObjectNode doc = MAPPER.createObjectNode();
        int version = key == null ? FingerprintFile.VERSION : FingerprintFile.SIGNED_VERSION;
        doc.put("format", FingerprintFile.FORMAT);
        doc.put("version", version);
        doc.set("content", content);
        String sha = sha256(content);
        doc.put("sha256", sha);
        if (key != null) {
            ObjectNode sig = doc.putObject("signature");
            sig.put("algorithm", key.algorithm());
            sig.put("keyId", key.keyId());
            sig.put("value", Base64.getEncoder().encodeToString(key.sign(signedMessage(version, sha))));
        }
        try {
            return PRETTY.writeValueAsBytes(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a fingerprint document: " + e.getMessage(), e);
        }
    }

    // what a signature covers: the checksum binds the content, the format and version bind how to read it
    private static byte[] signedMessage(int version, String sha256) {
        return (FingerprintFile.FORMAT + "\n" + version + "\n" + sha256).getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * The checked content of the document in {@code bytes}; when {@code key} is not null, only if the
     * document carries a valid signature by that key.
     */
    static ObjectNode open(byte[] bytes, String source, VerificationKey key) {
        return check(parse(bytes, source), source, key);
    }

    private static JsonNode parse(byte[] bytes, String source) {
        if (bytes.length == 0) {
            throw new FingerprintFileException(Problem.TRUNCATED, "fingerprint file " + source
                    + " is empty: it was cut short while writing or copying; restore it or fingerprint the victim again");
        }
        try {
            JsonNode doc = MAPPER.readTree(bytes);
            if (doc == null || doc.isMissingNode()) {
                throw new FingerprintFileException(Problem.TRUNCATED, "fingerprint file " + source
                        + " holds no JSON document (only white space): restore it or fingerprint the victim again");
            }
            return doc;
        } catch (StreamConstraintsException e) {
            throw new FingerprintFileException(Problem.NOT_JSON, "fingerprint file " + source
                    + " is not a fingerprint document: " + e.getOriginalMessage()
                    + "; it was damaged or is another kind of file", e);
        } catch (JsonEOFException e) {
            throw new FingerprintFileException(Problem.TRUNCATED, "fingerprint file " + source
                    + " ends before its JSON document does (" + bytes.length
                    + " bytes): it was cut short while writing or copying; restore it or fingerprint the victim again",
                    e);
        } catch (StreamReadException e) {
            throw new FingerprintFileException(Problem.NOT_JSON, "fingerprint file " + source
                    + " is not well-formed JSON: " + e.getOriginalMessage() + " at " + location(e)
                    + "; it was damaged: restore it or fingerprint the victim again", e);
        } catch (IOException e) {
            throw new FingerprintFileException(Problem.NOT_JSON, "fingerprint file " + source
                    + " cannot be parsed as JSON: " + e.getMessage(), e);
        }
    }

    private static String location(StreamReadException e) {
        return e.getLocation() == null ? "an unknown position"
                : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }

    private static ObjectNode check(JsonNode doc, String source, VerificationKey key) {
        if (!doc.isObject() || !FingerprintFile.FORMAT.equals(doc.path("format").asText(null)) || !doc.path("format").isTextual()) {
            throw new FingerprintFileException(Problem.NOT_A_FINGERPRINT, "file " + source
                    + " is JSON but not a modelprint fingerprint: it lacks \"format\": \"" + FingerprintFile.FORMAT
                    + "\"; pass a file written by FingerprintFile.write or the modelprint fingerprint command");
        }
        JsonNode version = doc.get("version");
        if (version == null || !version.isIntegralNumber()) {
            throw new FingerprintFileException(Problem.NOT_A_FINGERPRINT, "fingerprint file " + source
                    + " has no integer \"version\" field (found " + version + "): it was damaged or edited");
        }
        if (!version.canConvertToInt() || version.intValue() < FingerprintFile.VERSION
                || version.intValue() > FingerprintFile.SIGNED_VERSION) {
            throw new FingerprintFileException(Problem.UNSUPPORTED_VERSION, "fingerprint file " + source
                    + " has format version " + version + " but this modelprint reads versions " + FingerprintFile.VERSION
                    + " and " + FingerprintFile.SIGNED_VERSION + " (signed)"
                    + (version.canConvertToInt() && version.intValue() > FingerprintFile.SIGNED_VERSION
                    ? ": it was written by a newer modelprint; upgrade to read it" : ": it was damaged or edited"));
        }
        boolean signed = version.intValue() == FingerprintFile.SIGNED_VERSION;
        Set<String> fields = signed ? SIGNED_TOP_FIELDS : TOP_FIELDS;
        for (Iterator<String> it = doc.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!fields.contains(name)) {
                throw new FingerprintFileException(Problem.NOT_A_FINGERPRINT, "fingerprint file " + source
                        + " has an unexpected top-level field \"" + name + "\" (expected " + fields
                        + " in version " + version + "): it was edited; restore it or fingerprint the victim again");
            }
        }
        JsonNode content = doc.get("content");
        JsonNode sha = doc.get("sha256");
        if (content == null || !content.isObject() || sha == null || !sha.isTextual()) {
            throw new FingerprintFileException(Problem.NOT_A_FINGERPRINT, "fingerprint file " + source
                    + " lacks its \"content\" object or its \"sha256\" text: it was damaged or edited");
        }
        String actual = sha256(content);
        if (!actual.equals(sha.asText())) {
            throw new FingerprintFileException(Problem.CHECKSUM_MISMATCH, "fingerprint file " + source
                    + " was altered after it was written: its content hashes to " + actual + " but the file says "
                    + sha.asText() + "; restore it from a backup or fingerprint the victim again");
        }
        JsonNode signature = doc.get("signature");
        if (signed) {
            checkSignature(signature, actual, source, key);
        } else if (key != null) {
            throw new FingerprintFileException(Problem.UNSIGNED, "fingerprint file " + source + " is not signed, but "
                    + "a " + key + " was given to check it: it was written without a signing key, or its signature "
                    + "was removed; sign it again from a copy you trust, or fingerprint the victim again");
        }
        return (ObjectNode) content;
    }

    private static void checkSignature(JsonNode sig, String sha, String source, VerificationKey key) {
        if (sig == null || !sig.isObject() || sig.size() != 3 || !sig.path("algorithm").isTextual()
                || !sig.path("keyId").isTextual() || !sig.path("value").isTextual()) {
            throw new FingerprintFileException(Problem.NOT_A_FINGERPRINT, "fingerprint file " + source
                    + " is of version " + FingerprintFile.SIGNED_VERSION + " (signed) but lacks a signature object with "
                    + "text fields algorithm, keyId and value: it was damaged or edited");
        }
        byte[] value;
        try {
            value = Base64.getDecoder().decode(sig.get("value").asText());
        } catch (IllegalArgumentException e) {
            throw new FingerprintFileException(Problem.BAD_SIGNATURE, "fingerprint file " + source
                    + " has a signature that is not base64: it was damaged or edited", e);
        }
        if (key == null) {
            return;   // a signature is checked when the caller gives a key: nothing to check it with here
        }
        String algorithm = sig.get("algorithm").asText();
        String keyId = sig.get("keyId").asText();
        if (!algorithm.equals(key.algorithm()) || !keyId.equals(key.keyId())) {
            throw new FingerprintFileException(Problem.BAD_SIGNATURE, "fingerprint file " + source + " says it is "
                    + "signed with " + abbreviated(algorithm) + " key " + abbreviated(keyId) + ", not with the given "
                    + key + ": check it with the key that signed it; if that is this key, the file is forged");
        }
        if (!key.verify(signedMessage(FingerprintFile.SIGNED_VERSION, sha), value)) {
            throw new FingerprintFileException(Problem.BAD_SIGNATURE, "fingerprint file " + source + " has a "
                    + algorithm + " signature that does not verify with " + key + ": the file was changed after it "
                    + "was signed (its checksum was recomputed) or forged; do not trust it, restore it from a copy "
                    + "you trust or fingerprint the victim again");
        }
    }

    private static String abbreviated(String s) {
        return s.length() <= 64 ? "'" + s + "'" : "'" + s.substring(0, 64) + "...'";
    }

    /** SHA-256 (hex) of {@code content} serialised as compact JSON. */
    static String sha256(JsonNode content) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(MAPPER.writeValueAsBytes(content)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise fingerprint content: " + e.getMessage(), e);
        }
    }
}
