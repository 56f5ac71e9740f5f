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
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;

/**
 * Makes and stores the owner's keys for signed fingerprint files, with the JDK's own
 * cryptography. Private keys and HMAC secrets are written readable by their owner only (mode
 * 0600 where the file system has POSIX permissions); no key file is ever replaced.
 *
 * <p>Which key to use: Ed25519 when others must check your files (hand them the public key; it
 * cannot sign), HMAC-SHA256 when only you check them (one secret signs and verifies, so anyone who
 * can verify can also forge). Keep the private key or secret off the machines that hold the
 * fingerprints: a thief who can write a fingerprint file and read the key can sign a forgery.
 *
 * <pre>{@code
 * FingerprintKeys.generateEd25519(Path.of("owner.key.pem"), Path.of("owner.pub.pem"));
 * FingerprintFile.write(fp, out, WriteOptions.defaults().signedWith(SigningKey.read(Path.of("owner.key.pem"))));
 * VictimFingerprint checked = FingerprintFile.read(out, VerificationKey.read(Path.of("owner.pub.pem")));
 * }</pre>
 */
public final class FingerprintKeys {

    private FingerprintKeys() {
    }

    /**
     * Makes an Ed25519 key pair and writes the private key ({@code PRIVATE KEY}, PKCS#8, followed by
     * its {@code PUBLIC KEY}; mode 0600) to {@code privateKeyFile} and the public key alone
     * ({@code PUBLIC KEY}, X.509, the format {@code openssl pkey -pubout} writes) to
     * {@code publicKeyFile}.
     *
     * @return the signing key
     * @throws FingerprintFileException ({@code BAD_KEY}) if either file exists or cannot be written
     */
    public static SigningKey generateEd25519(Path privateKeyFile, Path publicKeyFile) {
        KeyPair pair;
        try {
            pair = KeyPairGenerator.getInstance(VerificationKey.ED25519).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot make Ed25519 keys: " + e.getMessage(), e);
        }
        KeyFiles.Block pub = new KeyFiles.Block(KeyFiles.PUBLIC_LABEL, pair.getPublic().getEncoded());
        KeyFiles.write(privateKeyFile, true, new KeyFiles.Block(KeyFiles.PRIVATE_LABEL, pair.getPrivate().getEncoded()),
                pub);
        KeyFiles.write(publicKeyFile, false, pub);
        return SigningKey.ed25519(pair.getPrivate(), pair.getPublic());
    }

    /**
     * Makes a 256-bit HMAC-SHA256 secret from a strong random source and writes it
     * ({@code MODELPRINT HMAC KEY}; mode 0600) to {@code keyFile}. The same file signs
     * ({@link SigningKey#read}) and verifies ({@link VerificationKey#read}).
     *
     * @return the signing key
     * @throws FingerprintFileException ({@code BAD_KEY}) if the file exists or cannot be written
     */
    public static SigningKey generateHmacSha256(Path keyFile) {
        byte[] secret = new byte[VerificationKey.MIN_HMAC_KEY_BYTES];
        new SecureRandom().nextBytes(secret);   // the platform's non-blocking strong source (NativePRNG on Linux)
        KeyFiles.write(keyFile, true, new KeyFiles.Block(KeyFiles.HMAC_LABEL, secret));
        return SigningKey.hmacSha256(secret);
    }
}
