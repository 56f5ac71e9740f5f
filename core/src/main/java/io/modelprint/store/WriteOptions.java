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

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How {@link FingerprintFile#write(io.modelprint.VictimFingerprint, Path, WriteOptions)} writes:
 * which existing files it must never replace (the model the fingerprint was made from, its data),
 * and whether it signs the file.
 *
 * <pre>{@code
 * FingerprintFile.write(fp, out, WriteOptions.protecting(modelPath, dataPath));   // refuses out == modelPath
 * FingerprintFile.write(fp, out, WriteOptions.defaults().signedWith(SigningKey.read(keyFile)));
 * }</pre>
 *
 * @param protectedPaths files the write refuses to replace (compared as files: through links, and
 *                       hard links of the same file)
 * @param signingKey     the key that signs the file, or null for an unsigned file
 */
public record WriteOptions(List<Path> protectedPaths, SigningKey signingKey) {

    /** Freezes the paths. */
    public WriteOptions {
        protectedPaths = List.copyOf(protectedPaths == null ? List.of() : protectedPaths);
    }

    /** No protected paths, unsigned. */
    public static WriteOptions defaults() {
        return new WriteOptions(List.of(), null);
    }

    /** Refuses to replace any of {@code inputs}, unsigned. */
    public static WriteOptions protecting(Path... inputs) {
        return defaults().alsoProtecting(inputs);
    }

    /** These options, also refusing to replace {@code inputs}. */
    public WriteOptions alsoProtecting(Path... inputs) {
        List<Path> all = new ArrayList<>(protectedPaths);
        for (Path p : inputs) {
            all.add(Objects.requireNonNull(p, "protected path"));
        }
        return new WriteOptions(all, signingKey);
    }

    /** These options, signing the file with {@code key}. */
    public WriteOptions signedWith(SigningKey key) {
        return new WriteOptions(protectedPaths, Objects.requireNonNull(key, "signing key"));
    }
}
