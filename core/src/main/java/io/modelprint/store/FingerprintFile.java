package io.modelprint.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelprint.VictimFingerprint;
import io.modelprint.store.FingerprintFileException.Problem;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.DateTimeException;
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
 *     "querySet"      : { "builder", "parameters": {name: value}, "outcome": {name: value}, "seed", "sha256",
 *                         "shape": [channels, height, width], "count", "encoding": "u8" | "f32le",
 *                         "pixels": base64 },
 *     "victimAnswers" : answers,
 *     "references"    : [ { "name", "trained" (optional), "answers": answers } ],
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
 * <p>{@code querySet.outcome}, what the build found or did, was added within version 1: files
 * written before it hold those entries among {@code querySet.parameters}, and are read with them
 * moved to the outcome. Readers that do not know the field ignore it.
 *
 * <p>The pieces: {@link Envelope} (format, version, checksum), {@link ContentWriter} and
 * {@link ContentReader} (the content), {@link JsonFields} and {@link PixelCodec} (fields and
 * numbers).
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
        return Envelope.wrap(ContentWriter.content(fingerprint));
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
        ObjectNode content = Envelope.open(bytes, source);
        try {
            return ContentReader.content(content);
        } catch (IllegalArgumentException | ArithmeticException | DateTimeException e) {
            throw new FingerprintFileException(Problem.INVALID_CONTENT, "fingerprint file " + source
                    + " has a valid checksum but invalid content: " + e.getMessage()
                    + "; it was not written by modelprint, or was edited and re-hashed: fingerprint the victim again",
                    e);
        }
    }
}
