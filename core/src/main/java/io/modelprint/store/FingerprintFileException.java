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

/**
 * A stored fingerprint could not be read or written: the file is missing, cut short, not JSON,
 * not a modelprint fingerprint, from a newer format version, altered after it was written, holds
 * values that do not fit together, is too large, is not a regular file, lacks a valid signature,
 * or writing it would replace a protected input. {@link #problem()} says which, the message says where
 * and what to do.
 *
 * <pre>{@code
 * try {
 *     VictimFingerprint fp = FingerprintFile.read(path);
 * } catch (FingerprintFileException e) {
 *     if (e.problem() == FingerprintFileException.Problem.CHECKSUM_MISMATCH) { ... }
 * }
 * }</pre>
 */
public class FingerprintFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * What was wrong with the file.
     *
     * <pre>{@code
     * catch (FingerprintFileException e) {
     *     if (e.problem() == FingerprintFileException.Problem.UNSUPPORTED_VERSION) { ... upgrade ... }
     * }
     * }</pre>
     */
    public enum Problem {
        /** It could not be read or written (missing, no permission, disk full). */
        UNREADABLE,
        /** It ends before the JSON document does: cut short while copying or writing. */
        TRUNCATED,
        /** It is not well-formed JSON (or has a duplicate key, or text after the document). */
        NOT_JSON,
        /** It is JSON but not a modelprint fingerprint document. */
        NOT_A_FINGERPRINT,
        /** It was written in a format version this modelprint cannot read. */
        UNSUPPORTED_VERSION,
        /** Its content does not match its SHA-256: it was altered or damaged after it was written. */
        CHECKSUM_MISMATCH,
        /** Its checksum matches but its values do not make a valid fingerprint. */
        INVALID_CONTENT,
        /**
         * Its provenance contradicts the stored query set: a parameter with another value than the
         * query set records, a query count other than the images stored, a query builder the scheme
         * does not use, parameters the scheme refuses.
         */
        INCONSISTENT_PROVENANCE,
        /** It is, or would be, larger than {@link FingerprintFile#MAX_DOCUMENT_BYTES}, or larger than memory allows. */
        TOO_LARGE,
        /** The path is a device, a pipe, a directory or a link to a missing file, not a regular file. */
        NOT_A_REGULAR_FILE,
        /** Writing would replace a file the caller protected, such as the model the fingerprint was made from. */
        OVERWRITES_INPUT,
        /** A verification key was given but the file carries no signature. */
        UNSIGNED,
        /** Its signature does not verify with the key given: forged, edited after signing, or signed with another key. */
        BAD_SIGNATURE,
        /** A key file could not be read or written, or holds no usable key. */
        BAD_KEY
    }

    private final Problem problem;

    /** A failure of kind {@code problem}. */
    public FingerprintFileException(Problem problem, String message) {
        this(problem, message, null);
    }

    /** A failure of kind {@code problem} caused by {@code cause}. */
    public FingerprintFileException(Problem problem, String message, Throwable cause) {
        super(message, cause);
        if (problem == null) {
            throw new IllegalArgumentException("a fingerprint file failure must name its problem");
        }
        this.problem = problem;
    }

    /** What was wrong. */
    public Problem problem() {
        return problem;
    }
}
