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

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelprint.VictimFingerprint;
import io.modelprint.store.FingerprintFileException.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.time.DateTimeException;
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
 * order. It detects damage and careless edits, not a forger (anyone can recompute it). Numbers in
 * the content are integers only, so the re-serialisation is exact.
 *
 * <p><b>Signed files</b> (version {@value #SIGNED_VERSION}): written with a {@link SigningKey}
 * ({@link WriteOptions#signedWith}), the document also holds
 * {@code "signature": {"algorithm": "Ed25519" | "HmacSHA256", "keyId", "value": base64}} over the
 * text {@code "modelprint-fingerprint\n2\n" + sha256}. Read with a {@link VerificationKey}, a file
 * is refused unless it carries a valid signature by that key ({@code UNSIGNED},
 * {@code BAD_SIGNATURE}): a forged file, or one edited and re-hashed, fails. Read without a key,
 * a signed file reads like an unsigned one. Unsigned files are still written as version 1.
 *
 * <p><b>Limits.</b> A document is at most {@link #MAX_DOCUMENT_BYTES} (512 MiB, about 500,000
 * 28x28 8-bit queries or 125,000 float ones): the writer refuses a larger one ({@code TOO_LARGE},
 * naming the size) and the reader raises Jackson's stream limits (one string up to the same size,
 * nesting at most 32 deep) so that whatever was written reads back. Before reading, the reader
 * refuses what is not a regular file (a device such as {@code /dev/zero}, a pipe, a directory:
 * {@code NOT_A_REGULAR_FILE}) and files larger than the limit ({@code TOO_LARGE}), and reads at most
 * the limit, so neither a 3 GB file nor an endless device costs more memory than a real document.
 *
 * <p><b>Writes</b> are safe: the document goes to a temporary file in the destination's directory,
 * is forced to disk and atomically moved into place, so a crash leaves the old file or the new one.
 * A symbolic link is followed: the file it points to is replaced and the link kept (a link to a
 * missing file is refused). A device, pipe, directory or other non-regular file is never replaced
 * ({@code NOT_A_REGULAR_FILE}), nor a read-only file, nor a file given to
 * {@link WriteOptions#protecting} ({@code OVERWRITES_INPUT}; compared as files, so another path to
 * the same file is caught). A replaced file keeps its permissions; a new one gets the process's
 * default (the umask).
 *
 * <p>A file's provenance must agree with its query set ({@code INCONSISTENT_PROVENANCE}): a
 * parameter recorded in both has one value, a {@code queries} parameter counts the stored images,
 * and a scheme on the class path must use the stored query builder and make that many queries.
 *
 * <p>Every failure to read or write is a {@link FingerprintFileException} whose
 * {@link FingerprintFileException#problem()} names what was wrong.
 *
 * <pre>{@code
 * FingerprintFile.write(verifier.fingerprint(victim), Path.of("victim.fp.json"), WriteOptions.protecting(modelPath));
 * VictimFingerprint fp = FingerprintFile.read(Path.of("victim.fp.json"));
 * Verdict v = FingerprintVerifier.forFingerprint(fp).build().verify(fp, suspect);
 *
 * SigningKey key = FingerprintKeys.generateEd25519(Path.of("owner.key.pem"), Path.of("owner.pub.pem"));
 * FingerprintFile.write(fp, Path.of("signed.fp.json"), WriteOptions.defaults().signedWith(key));
 * VictimFingerprint checked = FingerprintFile.read(Path.of("signed.fp.json"), VerificationKey.read(Path.of("owner.pub.pem")));
 * }</pre>
 */
public final class FingerprintFile {

    /** The value of the document's {@code format} field. */
    public static final String FORMAT = "modelprint-fingerprint";

    /** The format version of unsigned files: written without a signing key, and read. */
    public static final int VERSION = 1;

    /** The format version of signed files (version 1 with a {@code signature}): the newest read. */
    public static final int SIGNED_VERSION = 2;

    /**
     * The largest document written or read, in bytes: 512 MiB. Reading one that large takes about
     * four times as much heap.
     */
    public static final long MAX_DOCUMENT_BYTES = 512L << 20;

    private static final Logger LOG = LoggerFactory.getLogger(FingerprintFile.class);
    private static final SecureRandom TEMP_NAMES = new SecureRandom();

    private FingerprintFile() {
    }

    /**
     * Writes {@code fingerprint} to {@code file}, unsigned, replacing a regular file there (see the
     * class description for what is never replaced).
     *
     * @throws FingerprintFileException if the file cannot be written or must not be replaced; its
     *                                  problem says which
     */
    public static void write(VictimFingerprint fingerprint, Path file) {
        write(fingerprint, file, WriteOptions.defaults());
    }

    /**
     * Writes {@code fingerprint} to {@code file} as {@code options} say: signed or not, refusing to
     * replace the protected paths. The document is written beside its destination first, forced to
     * disk and moved into place, so a crash never leaves half a fingerprint.
     *
     * @throws FingerprintFileException {@code TOO_LARGE} if the document would pass
     *                                  {@link #MAX_DOCUMENT_BYTES}; {@code NOT_A_REGULAR_FILE} if
     *                                  {@code file} is a device, pipe, directory or a link to a
     *                                  missing file; {@code OVERWRITES_INPUT} if it is one of the
     *                                  protected files; {@code UNREADABLE} if it cannot be written
     */
    public static void write(VictimFingerprint fingerprint, Path file, WriteOptions options) {
        byte[] bytes = toBytes(fingerprint, options.signingKey(), MAX_DOCUMENT_BYTES);
        Path target = writeTarget(file);
        for (Path input : options.protectedPaths()) {
            if (sameFile(input, target)) {
                throw new FingerprintFileException(Problem.OVERWRITES_INPUT, "refusing to write the fingerprint to "
                        + file + ": it is " + (input.equals(file) ? "" : "the same file as ") + input
                        + ", an input of this run (the model or its data); choose another output path");
            }
        }
        try {
            writeAtomically(target, bytes);
        } catch (IOException e) {
            throw new FingerprintFileException(Problem.UNREADABLE, "cannot write fingerprint file " + file + ": " + e
                    + "; check that the directory exists and is writable and that the disk has room", e);
        }
        LOG.debug("wrote fingerprint of {} ({} bytes{}) to {}", fingerprint.provenance().victim(), bytes.length,
                options.signingKey() == null ? "" : ", signed with " + options.signingKey(), file);
    }

    // links are followed: the file a link names is replaced, the link kept
    private static Path writeTarget(Path file) {
        Path abs = file.toAbsolutePath();
        if (!Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
            return abs;
        }
        try {
            if (!Files.exists(abs)) {
                throw new FingerprintFileException(Problem.NOT_A_REGULAR_FILE, "refusing to write the fingerprint to "
                        + file + ": it is a symbolic link to a missing file (" + Files.readSymbolicLink(abs)
                        + "); point it at an existing file or write to a plain path");
            }
            Path real = abs.toRealPath();
            BasicFileAttributes a = Files.readAttributes(real, BasicFileAttributes.class);
            if (!a.isRegularFile()) {
                throw new FingerprintFileException(Problem.NOT_A_REGULAR_FILE, "refusing to write the fingerprint to "
                        + file + (real.equals(abs) ? "" : " (" + real + ")") + ": it is " + kind(a)
                        + ", not a regular file, and would be destroyed; write to a file path");
            }
            if (!Files.isWritable(real)) {
                throw new FingerprintFileException(Problem.UNREADABLE, "refusing to replace fingerprint file " + file
                        + ": it is read-only; make it writable (chmod u+w) or write elsewhere");
            }
            return real;
        } catch (IOException e) {
            throw new FingerprintFileException(Problem.UNREADABLE, "cannot write fingerprint file " + file + ": " + e, e);
        }
    }

    private static boolean sameFile(Path input, Path target) {
        try {
            return Files.exists(input) && Files.exists(target) && Files.isSameFile(input, target);
        } catch (IOException e) {
            return input.toAbsolutePath().normalize().equals(target.normalize());
        }
    }

    private static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Set<PosixFilePermission> keep = null;
        if (Files.exists(target)) {
            try {
                keep = Files.getPosixFilePermissions(target);
            } catch (UnsupportedOperationException e) {
                keep = null;   // no POSIX permissions here: the new file gets the file system's default
            }
        }
        String name = target.getFileName().toString();
        Path tmp = dir.resolve("." + name.substring(0, Math.min(name.length(), 100)) + "."
                + Long.toHexString(TEMP_NAMES.nextLong()) + ".tmp");
        try {
            // no file attributes: a new file gets the process's default mode (0666 less the umask)
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer b = ByteBuffer.wrap(bytes);
                while (b.hasRemaining()) {
                    ch.write(b);
                }
                ch.force(true);
            }
            if (keep != null) {
                Files.setPosixFilePermissions(tmp, keep);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static String kind(BasicFileAttributes a) {
        return a.isDirectory() ? "a directory" : a.isOther() ? "a device, pipe or socket" : "not a regular file";
    }

    /**
     * The unsigned document for {@code fingerprint}, as UTF-8 JSON bytes.
     *
     * @throws FingerprintFileException ({@code TOO_LARGE}) if it would pass {@link #MAX_DOCUMENT_BYTES}
     */
    public static byte[] toBytes(VictimFingerprint fingerprint) {
        return toBytes(fingerprint, null, MAX_DOCUMENT_BYTES);
    }

    /**
     * The document for {@code fingerprint} signed with {@code key} (unsigned when null), as UTF-8 JSON bytes.
     *
     * @throws FingerprintFileException ({@code TOO_LARGE}) if it would pass {@link #MAX_DOCUMENT_BYTES}
     */
    public static byte[] toBytes(VictimFingerprint fingerprint, SigningKey key) {
        return toBytes(fingerprint, key, MAX_DOCUMENT_BYTES);
    }

    static byte[] toBytes(VictimFingerprint fingerprint, SigningKey key, long limit) {
        long estimate = ContentWriter.encodedBytes(fingerprint);
        if (estimate > limit) {
            throw tooLarge(fingerprint, "at least " + estimate, limit);
        }
        byte[] bytes = Envelope.wrap(ContentWriter.content(fingerprint), key);
        if (bytes.length > limit) {
            throw tooLarge(fingerprint, Long.toString(bytes.length), limit);
        }
        return bytes;
    }

    private static FingerprintFileException tooLarge(VictimFingerprint fp, String size, long limit) {
        return new FingerprintFileException(Problem.TOO_LARGE, "a fingerprint of " + fp.querySet().size()
                + " queries of shape " + fp.querySet().inputs().shape() + " with " + fp.references().size()
                + " reference answers would be " + size + " bytes, more than the " + limit + " bytes a fingerprint "
                + "file may hold (FingerprintFile.MAX_DOCUMENT_BYTES), so it could not be read back; use fewer queries "
                + "or references");
    }

    /**
     * Reads the fingerprint in {@code file}, unsigned or signed (a signature is not checked: give a
     * {@link VerificationKey} for that).
     *
     * @throws FingerprintFileException if the file is missing, not a regular file, too large,
     *                                  damaged, altered or invalid; its problem says which
     */
    public static VictimFingerprint read(Path file) {
        return read(file, null);
    }

    /**
     * Reads the fingerprint in {@code file} if it carries a valid signature by {@code key} (any
     * file when {@code key} is null).
     *
     * @throws FingerprintFileException as {@link #read(Path)}, and {@code UNSIGNED} or
     *                                  {@code BAD_SIGNATURE} if the signature is missing or does
     *                                  not verify with {@code key}
     */
    public static VictimFingerprint read(Path file, VerificationKey key) {
        return fromBytes(readBounded(file, MAX_DOCUMENT_BYTES), file.toString(), key, MAX_DOCUMENT_BYTES);
    }

    static byte[] readBounded(Path file, long limit) {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            throw new FingerprintFileException(Problem.UNREADABLE, "cannot read fingerprint file " + file + ": " + e
                    + "; check the path and its permissions", e);
        }
        // a pipe or a device would block or never end: refuse before opening it
        if (!a.isRegularFile()) {
            throw new FingerprintFileException(Problem.NOT_A_REGULAR_FILE, "fingerprint file " + file + " is "
                    + kind(a) + ", not a regular file; give the path of a file written by FingerprintFile.write");
        }
        if (a.size() > limit) {
            throw new FingerprintFileException(Problem.TOO_LARGE, "fingerprint file " + file + " is " + a.size()
                    + " bytes, more than the " + limit + " bytes a fingerprint file may hold: it is not a fingerprint, "
                    + "or was damaged");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) limit + 1);   // the file may have grown since: read no more than the limit
        } catch (IOException e) {
            throw new FingerprintFileException(Problem.UNREADABLE, "cannot read fingerprint file " + file + ": " + e
                    + "; check the path and its permissions", e);
        } catch (OutOfMemoryError e) {
            throw outOfMemory(file.toString(), a.size(), e);
        }
        if (bytes.length > limit) {
            throw new FingerprintFileException(Problem.TOO_LARGE, "fingerprint file " + file + " grew past " + limit
                    + " bytes while it was read: it is not a fingerprint");
        }
        return bytes;
    }

    // one big allocation failed, nothing is half-built: the JVM can go on, and the user can act on it
    private static FingerprintFileException outOfMemory(String source, long size, OutOfMemoryError e) {
        return new FingerprintFileException(Problem.TOO_LARGE, "fingerprint file " + source + " (" + size
                + " bytes) needs more memory than this JVM has (at most " + (Runtime.getRuntime().maxMemory() >> 20)
                + " MiB of heap): run with a larger -Xmx, about four times the file's size", e);
    }

    /**
     * Reads a fingerprint document from its bytes (a signature is not checked).
     *
     * @throws FingerprintFileException if the document is too large, damaged, altered or invalid
     */
    public static VictimFingerprint fromBytes(byte[] bytes) {
        return fromBytes(bytes, "<bytes>", null, MAX_DOCUMENT_BYTES);
    }

    /**
     * Reads a fingerprint document from its bytes if it carries a valid signature by {@code key}
     * (any document when {@code key} is null).
     *
     * @throws FingerprintFileException if the document is too large, damaged, altered, invalid,
     *                                  unsigned or badly signed
     */
    public static VictimFingerprint fromBytes(byte[] bytes, VerificationKey key) {
        return fromBytes(bytes, "<bytes>", key, MAX_DOCUMENT_BYTES);
    }

    static VictimFingerprint fromBytes(byte[] bytes, String source, VerificationKey key, long limit) {
        if (bytes.length > limit) {
            throw new FingerprintFileException(Problem.TOO_LARGE, "fingerprint document " + source + " is "
                    + bytes.length + " bytes, more than the " + limit + " bytes a fingerprint file may hold");
        }
        VictimFingerprint fp;
        try {
            ObjectNode content = Envelope.open(bytes, source, key);
            fp = ContentReader.content(content);
        } catch (IllegalArgumentException | ArithmeticException | DateTimeException e) {
            throw new FingerprintFileException(Problem.INVALID_CONTENT, "fingerprint file " + source
                    + " has a valid checksum but invalid content: " + e.getMessage()
                    + "; it was not written by modelprint, or was edited and re-hashed: fingerprint the victim again",
                    e);
        } catch (OutOfMemoryError e) {
            throw outOfMemory(source, bytes.length, e);
        }
        try {
            ProvenanceCheck.check(fp.provenance(), fp.querySet());
        } catch (IllegalArgumentException e) {
            throw new FingerprintFileException(Problem.INCONSISTENT_PROVENANCE, "fingerprint file " + source
                    + " has a provenance that contradicts its query set: " + e.getMessage()
                    + "; it was edited and re-hashed or written by other code: fingerprint the victim again", e);
        }
        return fp;
    }
}
