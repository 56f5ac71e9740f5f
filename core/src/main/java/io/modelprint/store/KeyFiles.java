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

import io.modelprint.store.FingerprintFileException.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Key files in PEM text: one block between {@code -----BEGIN label-----} and
 * {@code -----END label-----}, base64 inside. Ed25519 keys use the labels OpenSSL writes
 * ({@code PRIVATE KEY}, PKCS#8; {@code PUBLIC KEY}, X.509), so {@code openssl genpkey -algorithm
 * ed25519} makes a key modelprint reads; owner HMAC keys use {@value #HMAC_LABEL}.
 */
final class KeyFiles {

    static final String PRIVATE_LABEL = "PRIVATE KEY";
    static final String PUBLIC_LABEL = "PUBLIC KEY";
    static final String HMAC_LABEL = "MODELPRINT HMAC KEY";

    /** Key files are a few hundred bytes: anything much larger is not one. */
    private static final long MAX_KEY_FILE_BYTES = 64 * 1024;

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]*?)\\s*-----END \\1-----");

    /**
     * A PEM block read from a file.
     *
     * @param label what the block says it holds
     * @param der   the decoded bytes
     */
    record Block(String label, byte[] der) {
    }

    private KeyFiles() {
    }

    /** The PEM blocks of {@code file}, in order (at least one). */
    static List<Block> read(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            if (!a.isRegularFile() || a.size() > MAX_KEY_FILE_BYTES) {
                throw new FingerprintFileException(Problem.BAD_KEY, "key file " + file + " is "
                        + (a.isRegularFile() ? a.size() + " bytes, too large for a key file" : "not a regular file")
                        + ": give the PEM file modelprint or openssl wrote");
            }
            String text = Files.readString(file, StandardCharsets.US_ASCII);
            Matcher m = BLOCK.matcher(text);
            List<Block> blocks = new ArrayList<>();
            while (m.find()) {
                blocks.add(new Block(m.group(1), Base64.getMimeDecoder().decode(m.group(2))));
            }
            if (blocks.isEmpty()) {
                throw new FingerprintFileException(Problem.BAD_KEY, "key file " + file + " holds no PEM block "
                        + "(-----BEGIN ...----- ... -----END ...-----): give the file FingerprintKeys or openssl wrote");
            }
            return blocks;
        } catch (IOException | IllegalArgumentException e) {
            throw new FingerprintFileException(Problem.BAD_KEY, "cannot read key file " + file + ": " + e
                    + "; check the path and that it is the PEM file modelprint or openssl wrote", e);
        }
    }

    /** The first block labelled {@code label}, or null. */
    static Block find(List<Block> blocks, String label) {
        return blocks.stream().filter(b -> b.label().equals(label)).findFirst().orElse(null);
    }

    /**
     * Writes {@code blocks} as PEM to a new file {@code file}, readable by its owner only when
     * {@code secret} (on file systems with POSIX permissions). Never replaces a file.
     */
    static void write(Path file, boolean secret, Block... blocks) {
        StringBuilder pem = new StringBuilder();
        for (Block b : blocks) {
            pem.append("-----BEGIN ").append(b.label()).append("-----\n")
                    .append(Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(b.der()))
                    .append("\n-----END ").append(b.label()).append("-----\n");
        }
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            boolean posix = dir != null && Files.getFileStore(dir).supportsFileAttributeView("posix");
            FileAttribute<?>[] attrs = secret && posix
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                    : new FileAttribute<?>[0];
            Files.write(Files.createFile(file, attrs), pem.toString().getBytes(StandardCharsets.US_ASCII),
                    StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (FileAlreadyExistsException e) {
            throw new FingerprintFileException(Problem.BAD_KEY, "key file " + file + " already exists; keys are never "
                    + "replaced (a replaced key cannot verify the files it signed): choose another path", e);
        } catch (IOException e) {
            throw new FingerprintFileException(Problem.BAD_KEY, "cannot write key file " + file + ": " + e, e);
        }
    }

    /** Whether {@code file} can be read by others than its owner (POSIX file systems only). */
    static boolean readableByOthers(Path file) {
        try {
            Set<PosixFilePermission> p = Files.getPosixFilePermissions(file,
                    LinkOption.NOFOLLOW_LINKS);
            return p.contains(PosixFilePermission.GROUP_READ)
                    || p.contains(PosixFilePermission.OTHERS_READ);
        } catch (UnsupportedOperationException | IOException e) {
            return false;
        }
    }
}
