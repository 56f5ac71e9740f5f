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
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelprint.ImageBatch;
import io.modelprint.ImageShape;
import io.modelprint.OutputKind;
import io.modelprint.Predictions;
import io.modelprint.Provenance;
import io.modelprint.QuerySet;
import io.modelprint.VictimFingerprint;
import io.modelprint.kernel.Matrix;
import io.modelprint.store.FingerprintFileException.Problem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a {@link VictimFingerprint} to a versioned JSON document and reads it back, so that
 * suspects can be verified long after the victim was fingerprinted, without the victim.
 *
 * <p>The document (format {@value #FORMAT}, version {@value #VERSION}):
 * <pre>
 * {
 *   "format"  : "modelprint-fingerprint",
 *   "version" : 1,
 *   "content" : {
 *     "provenance"    : { "scheme", "parameters": {name: value}, "seed", "querySetSha256",
 *                         "victim", "libraryVersion", "createdAt": ISO-8601 instant },
 *     "querySet"      : { "builder", "parameters", "seed", "sha256", "shape": [channels, height, width],
 *                         "count", "encoding": "u8" | "f32le", "pixels": base64 },
 *     "victimAnswers" : answers,
 *     "references"    : [ { "name", "answers": answers } ],
 *     "timings"       : { "querySetBuildNanos", "fingerprintNanos" }
 *   },
 *   "sha256"  : hex SHA-256 of the content
 * }
 * answers = { "kind": "LOGITS" | "PROBABILITIES", "classes", "count", "scores": base64 }
 *         | { "kind": "LABELS", "classes", "count", "labels": [int, ...] }
 * </pre>
 * Pixels are stored NCHW. Encoding {@code u8} (one byte {@code k} per pixel, read back as
 * {@code k / 255f}) is used when every pixel is exactly such a value, as for 8-bit image data
 * and CutMix mixtures of it; otherwise {@code f32le}, the IEEE-754 floats in little-endian byte
 * order. Scores are always {@code f32le}. Either way the images and answers read back bit for
 * bit, so a stored fingerprint gives the same verdicts as the live one.
 *
 * <p>The checksum is SHA-256 over the content re-serialised as compact JSON, fields in file
 * order. It detects damage and careless edits, not a forger (anyone can recompute it): keep
 * fingerprints where only the owner can write them. Numbers in the content are integers only,
 * so the re-serialisation is exact.
 *
 * <p>Every failure to read is a {@link FingerprintFileException} whose
 * {@link FingerprintFileException#problem()} names what was wrong.
 *
 * <pre>{@code
 * FingerprintFile.write(verifier.fingerprint(victim), Path.of("victim.fp.json"));
 * VictimFingerprint fp = FingerprintFile.read(Path.of("victim.fp.json"));
 * Verdict v = FingerprintVerifier.forFingerprint(fp).build().verify(fp, suspect);
 * }</pre>
 */
public final class FingerprintFile {

    /** The value of the document's {@code format} field. */
    public static final String FORMAT = "modelprint-fingerprint";

    /** The format version written, and the newest read. */
    public static final int VERSION = 1;

    private static final Logger LOG = LoggerFactory.getLogger(FingerprintFile.class);
    private static final Set<String> TOP_FIELDS = Set.of("format", "version", "content", "sha256");
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final ObjectMapper PRETTY = MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT);

    private FingerprintFile() {
    }

    /**
     * Writes {@code fingerprint} to {@code file}, replacing it. The file is written beside its
     * destination first and moved into place, so a crash never leaves half a fingerprint.
     *
     * @throws FingerprintFileException ({@code UNREADABLE}) if the file cannot be written
     */
    public static void write(VictimFingerprint fingerprint, Path file) {
        byte[] bytes = toBytes(fingerprint);
        Path target = file.toAbsolutePath();
        try {
            Path dir = target.getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            Path tmp = Files.createTempFile(dir, target.getFileName().toString(), ".tmp");
            try {
                Files.write(tmp, bytes);
                try {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new FingerprintFileException(Problem.UNREADABLE, "cannot write fingerprint file " + file + ": " + e
                    + "; check that the directory exists and is writable", e);
        }
        LOG.debug("wrote fingerprint of {} ({} bytes) to {}", fingerprint.provenance().victim(), bytes.length, file);
    }

    /** The document for {@code fingerprint}, as UTF-8 JSON bytes. */
    public static byte[] toBytes(VictimFingerprint fingerprint) {
        ObjectNode content = encodeContent(fingerprint);
        ObjectNode doc = MAPPER.createObjectNode();
        doc.put("format", FORMAT);
        doc.put("version", VERSION);
        doc.set("content", content);
        doc.put("sha256", sha256(content));
        try {
            return PRETTY.writeValueAsBytes(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a fingerprint document: " + e.getMessage(), e);
        }
    }

    /**
     * Reads the fingerprint in {@code file}.
     *
     * @throws FingerprintFileException if the file is missing, damaged, altered or invalid; its
     *                                  problem says which
     */
    public static VictimFingerprint read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new FingerprintFileException(Problem.UNREADABLE, "cannot read fingerprint file " + file + ": " + e
                    + "; check the path and its permissions", e);
        }
        return fromBytes(bytes, file.toString());
    }

    /**
     * Reads a fingerprint document from its bytes.
     *
     * @throws FingerprintFileException if the document is damaged, altered or invalid
     */
    public static VictimFingerprint fromBytes(byte[] bytes) {
        return fromBytes(bytes, "<bytes>");
    }

    private static VictimFingerprint fromBytes(byte[] bytes, String source) {
        JsonNode doc = parse(bytes, source);
        ObjectNode content = checkEnvelope(doc, source);
        try {
            return decodeContent(content);
        } catch (IllegalArgumentException | ArithmeticException | DateTimeException e) {
            throw new FingerprintFileException(Problem.INVALID_CONTENT, "fingerprint file " + source
                    + " has a valid checksum but invalid content: " + e.getMessage()
                    + "; it was not written by modelprint, or was edited and re-hashed: fingerprint the victim again",
                    e);
        }
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

    private static ObjectNode checkEnvelope(JsonNode doc, String source) {
        if (!doc.isObject() || !FORMAT.equals(doc.path("format").asText(null)) || !doc.path("format").isTextual()) {
            throw new FingerprintFileException(Problem.NOT_A_FINGERPRINT, "file " + source
                    + " is JSON but not a modelprint fingerprint: it lacks \"format\": \"" + FORMAT
                    + "\"; pass a file written by FingerprintFile.write or the modelprint fingerprint command");
        }
        JsonNode version = doc.get("version");
        if (version == null || !version.isIntegralNumber()) {
            throw new FingerprintFileException(Problem.NOT_A_FINGERPRINT, "fingerprint file " + source
                    + " has no integer \"version\" field (found " + version + "): it was damaged or edited");
        }
        if (!version.canConvertToInt() || version.intValue() != VERSION) {
            throw new FingerprintFileException(Problem.UNSUPPORTED_VERSION, "fingerprint file " + source
                    + " has format version " + version + " but this modelprint reads version " + VERSION
                    + (version.canConvertToInt() && version.intValue() > VERSION
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

    // ---- writing ----

    private static ObjectNode encodeContent(VictimFingerprint fp) {
        ObjectNode c = MAPPER.createObjectNode();
        Provenance p = fp.provenance();
        ObjectNode prov = c.putObject("provenance");
        prov.put("scheme", p.scheme());
        putStrings(prov.putObject("parameters"), p.parameters());
        prov.put("seed", p.seed());
        prov.put("querySetSha256", p.querySetSha256());
        prov.put("victim", p.victim());
        prov.put("libraryVersion", p.libraryVersion());
        prov.put("createdAt", p.createdAt() == null ? null : p.createdAt().toString());

        QuerySet q = fp.querySet();
        ObjectNode qs = c.putObject("querySet");
        qs.put("builder", q.builder());
        putStrings(qs.putObject("parameters"), q.parameters());
        qs.put("seed", q.seed());
        qs.put("sha256", q.sha256());
        ImageShape s = q.inputs().shape();
        qs.putArray("shape").add(s.channels()).add(s.height()).add(s.width());
        qs.put("count", q.size());
        boolean u8 = isEightBit(q.inputs().pixels());
        qs.put("encoding", u8 ? "u8" : "f32le");
        qs.put("pixels", Base64.getEncoder().encodeToString(u8 ? toBytes(q.inputs().pixels())
                : toLittleEndian(q.inputs().pixels())));

        c.set("victimAnswers", encodeAnswers(fp.victimAnswers()));
        ArrayNode refs = c.putArray("references");
        for (VictimFingerprint.ReferenceAnswers r : fp.references()) {
            ObjectNode o = refs.addObject();
            o.put("name", r.name());
            o.set("answers", encodeAnswers(r.answers()));
        }
        ObjectNode t = c.putObject("timings");
        t.put("querySetBuildNanos", fp.querySetBuildTime().toNanos());
        t.put("fingerprintNanos", fp.fingerprintTime().toNanos());
        return c;
    }

    private static void putStrings(ObjectNode node, Map<String, String> values) {
        values.forEach(node::put);
    }

    private static ObjectNode encodeAnswers(Predictions a) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("kind", a.kind().name());
        o.put("classes", a.numClasses());
        o.put("count", a.count());
        if (a.kind().hasScores()) {
            o.put("scores", Base64.getEncoder().encodeToString(toLittleEndian(a.scores().data())));
        } else {
            ArrayNode labels = o.putArray("labels");
            for (int l : a.labels()) {
                labels.add(l);
            }
        }
        return o;
    }

    private static float eightBit(int k) {
        return k / 255f;
    }

    private static boolean isEightBit(float[] pixels) {
        for (float v : pixels) {
            int k = Math.round(v * 255f);
            if (Float.floatToRawIntBits(eightBit(k)) != Float.floatToRawIntBits(v)) {
                return false;
            }
        }
        return true;
    }

    private static byte[] toBytes(float[] pixels) {
        byte[] out = new byte[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            out[i] = (byte) Math.round(pixels[i] * 255f);
        }
        return out;
    }

    private static byte[] toLittleEndian(float[] values) {
        ByteBuffer b = ByteBuffer.allocate(Math.multiplyExact(values.length, Float.BYTES)).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        return b.array();
    }

    // ---- reading: every check throws IllegalArgumentException, turned into INVALID_CONTENT ----

    private static VictimFingerprint decodeContent(ObjectNode c) {
        JsonNode prov = object(c, "provenance");
        String createdAt = optionalText(prov, "createdAt");
        Provenance provenance = new Provenance(text(prov, "scheme"), strings(prov, "parameters"),
                integer(prov, "seed"), text(prov, "querySetSha256"), optionalText(prov, "victim"),
                optionalText(prov, "libraryVersion"), createdAt == null ? null : Instant.parse(createdAt));
        if (provenance.scheme().isBlank()) {
            throw new IllegalArgumentException("provenance.scheme is blank");
        }

        JsonNode qs = object(c, "querySet");
        JsonNode shapeNode = qs.get("shape");
        if (shapeNode == null || !shapeNode.isArray() || shapeNode.size() != 3) {
            throw new IllegalArgumentException("querySet.shape must be [channels, height, width], got " + shapeNode);
        }
        ImageShape shape = new ImageShape(intIn(shapeNode.get(0), "querySet.shape[0]"),
                intIn(shapeNode.get(1), "querySet.shape[1]"), intIn(shapeNode.get(2), "querySet.shape[2]"));
        int count = intIn(qs.get("count"), "querySet.count");
        long values = Math.multiplyExact((long) count, shape.size());
        String encoding = text(qs, "encoding");
        byte[] raw = base64(qs, "pixels");
        float[] pixels = switch (encoding) {
            case "u8" -> {
                requireLength("querySet.pixels", raw.length, values, "u8");
                float[] px = new float[raw.length];
                for (int i = 0; i < raw.length; i++) {
                    px[i] = eightBit(raw[i] & 0xff);
                }
                yield px;
            }
            case "f32le" -> {
                requireLength("querySet.pixels", raw.length, Math.multiplyExact(values, Float.BYTES), "f32le");
                yield fromLittleEndian(raw);
            }
            default -> throw new IllegalArgumentException("querySet.encoding is '" + encoding
                    + "', expected u8 or f32le");
        };
        QuerySet querySet = QuerySet.of(ImageBatch.of(shape, pixels), text(qs, "builder"), strings(qs, "parameters"),
                integer(qs, "seed"));
        String storedSha = text(qs, "sha256");
        if (!storedSha.equals(querySet.sha256())) {
            throw new IllegalArgumentException("the query images hash to " + querySet.sha256() + " but querySet.sha256 is "
                    + storedSha);
        }

        Predictions victim = decodeAnswers(object(c, "victimAnswers"), "victimAnswers");
        JsonNode refsNode = c.get("references");
        if (refsNode == null || !refsNode.isArray()) {
            throw new IllegalArgumentException("references must be an array, got " + refsNode);
        }
        List<VictimFingerprint.ReferenceAnswers> refs = new ArrayList<>();
        for (int i = 0; i < refsNode.size(); i++) {
            JsonNode r = refsNode.get(i);
            if (!r.isObject()) {
                throw new IllegalArgumentException("references[" + i + "] must be an object, got " + r);
            }
            refs.add(new VictimFingerprint.ReferenceAnswers(text(r, "name"),
                    decodeAnswers(object(r, "answers"), "references[" + i + "].answers")));
        }
        JsonNode t = object(c, "timings");
        Duration build = Duration.ofNanos(nonNegative(integer(t, "querySetBuildNanos"), "timings.querySetBuildNanos"));
        Duration fingerprint = Duration.ofNanos(nonNegative(integer(t, "fingerprintNanos"), "timings.fingerprintNanos"));
        if (c.size() != 5) {
            throw new IllegalArgumentException("content has unexpected fields besides provenance, querySet, "
                    + "victimAnswers, references and timings");
        }
        return new VictimFingerprint(provenance, querySet, victim, refs, build, fingerprint);
    }

    private static Predictions decodeAnswers(JsonNode a, String where) {
        String kindName = text(a, "kind");
        OutputKind kind;
        try {
            kind = OutputKind.valueOf(kindName);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ".kind is '" + kindName + "', expected LOGITS, PROBABILITIES or LABELS");
        }
        int classes = intIn(a.get("classes"), where + ".classes");
        int count = intIn(a.get("count"), where + ".count");
        if (kind.hasScores()) {
            byte[] raw = base64(a, "scores");
            requireLength(where + ".scores", raw.length,
                    Math.multiplyExact(Math.multiplyExact((long) count, classes), Float.BYTES), "f32le");
            return Predictions.ofScores(kind, Matrix.of(count, classes, fromLittleEndian(raw)));
        }
        JsonNode labels = a.get("labels");
        if (labels == null || !labels.isArray() || labels.size() != count) {
            throw new IllegalArgumentException(where + ".labels must be an array of " + count + " labels");
        }
        int[] l = new int[count];
        for (int i = 0; i < count; i++) {
            JsonNode v = labels.get(i);
            if (!v.isIntegralNumber() || !v.canConvertToInt()) {
                throw new IllegalArgumentException(where + ".labels[" + i + "] is " + v + ", not an integer");
            }
            l[i] = v.intValue();
        }
        return Predictions.ofLabels(l, classes);
    }

    private static JsonNode object(JsonNode parent, String field) {
        JsonNode n = parent.get(field);
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("field '" + field + "' must be an object, got " + n);
        }
        return n;
    }

    private static String text(JsonNode parent, String field) {
        JsonNode n = parent.get(field);
        if (n == null || !n.isTextual()) {
            throw new IllegalArgumentException("field '" + field + "' must be text, got " + n);
        }
        return n.asText();
    }

    // null in the file stands for a value the fingerprint did not have
    private static String optionalText(JsonNode parent, String field) {
        JsonNode n = parent.get(field);
        return n != null && n.isNull() ? null : text(parent, field);
    }

    private static long integer(JsonNode parent, String field) {
        JsonNode n = parent.get(field);
        if (n == null || !n.isIntegralNumber() || !n.canConvertToLong()) {
            throw new IllegalArgumentException("field '" + field + "' must be a 64-bit integer, got " + n);
        }
        return n.longValue();
    }

    private static int intIn(JsonNode n, String where) {
        if (n == null || !n.isIntegralNumber() || !n.canConvertToInt() || n.intValue() < 1) {
            throw new IllegalArgumentException(where + " must be a positive integer, got " + n);
        }
        return n.intValue();
    }

    private static long nonNegative(long v, String where) {
        if (v < 0) {
            throw new IllegalArgumentException(where + " is negative: " + v);
        }
        return v;
    }

    private static Map<String, String> strings(JsonNode parent, String field) {
        JsonNode n = object(parent, field);
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                throw new IllegalArgumentException(field + "." + e.getKey() + " must be text, got " + e.getValue());
            }
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }

    private static byte[] base64(JsonNode parent, String field) {
        String s = text(parent, field);
        try {
            return Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field '" + field + "' is not valid base64: " + e.getMessage());
        }
    }

    private static void requireLength(String where, long actual, long expected, String encoding) {
        if (actual != expected) {
            throw new IllegalArgumentException(where + " holds " + actual + " bytes but the declared shape needs "
                    + expected + " (" + encoding + ")");
        }
    }

    private static float[] fromLittleEndian(byte[] raw) {
        float[] out = new float[raw.length / Float.BYTES];
        ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        return out;
    }
}
