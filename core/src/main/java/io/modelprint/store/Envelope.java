package io.modelprint.store;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Set;

/**
 * The outside of a fingerprint document: {@code format}, {@code version}, the {@code content}
 * and its SHA-256. Wraps content into document bytes, and parses and checks a document down to
 * its content, failing with the {@link Problem} that names what is wrong.
 */
final class Envelope {

    private static final Set<String> TOP_FIELDS = Set.of("format", "version", "content", "sha256");

    /** Strict JSON: duplicate keys and text after the document are damage, not data. */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final ObjectMapper PRETTY = MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT);

    private Envelope() {
    }

    /** The document holding {@code content}, as indented UTF-8 JSON. */
    static byte[] wrap(ObjectNode content) {
        ObjectNode doc = MAPPER.createObjectNode();
        doc.put("format", FingerprintFile.FORMAT);
        doc.put("version", FingerprintFile.VERSION);
        doc.set("content", content);
        doc.put("sha256", sha256(content));
        try {
            return PRETTY.writeValueAsBytes(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a fingerprint document: " + e.getMessage(), e);
        }
    }

    /** The checked content of the document in {@code bytes}. */
    static ObjectNode open(byte[] bytes, String source) {
        return check(parse(bytes, source), source);
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

    private static ObjectNode check(JsonNode doc, String source) {
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
        if (!version.canConvertToInt() || version.intValue() != FingerprintFile.VERSION) {
            throw new FingerprintFileException(Problem.UNSUPPORTED_VERSION, "fingerprint file " + source
                    + " has format version " + version + " but this modelprint reads version " + FingerprintFile.VERSION
                    + (version.canConvertToInt() && version.intValue() > FingerprintFile.VERSION
                    ? ": it was written by a newer modelprint; upgrade to read it" : ": it was damaged or edited"));
        }
        for (Iterator<String> it = doc.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!TOP_FIELDS.contains(name)) {
                throw new FingerprintFileException(Problem.NOT_A_FINGERPRINT, "fingerprint file " + source
                        + " has an unexpected top-level field \"" + name + "\" (expected " + TOP_FIELDS
                        + "): it was edited; restore it or fingerprint the victim again");
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
        return (ObjectNode) content;
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
