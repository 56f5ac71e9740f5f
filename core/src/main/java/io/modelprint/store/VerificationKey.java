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
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key that checks a signed fingerprint file: the owner's Ed25519 public key (it can be
 * handed to anyone who must check files, and cannot sign) or the owner's HMAC-SHA256 secret (the
 * same secret that signed). Reading a file with a verification key rejects it unless it carries a
 * valid signature by that key, so a forged or edited-and-re-hashed file fails.
 *
 * <pre>{@code
 * VerificationKey key = VerificationKey.read(Path.of("owner.pub.pem"));
 * VictimFingerprint fp = FingerprintFile.read(Path.of("victim.fp.json"), key);
 * }</pre>
 */
public final class VerificationKey {

    static final String ED25519 = "Ed25519";
    static final String HMAC_SHA256 = "HmacSHA256";

    /** The shortest HMAC secret accepted: 256 bits, the output size of SHA-256. */
    public static final int MIN_HMAC_KEY_BYTES = 32;

    private final String algorithm;
    private final PublicKey publicKey;
    private final byte[] secret;
    private final String keyId;

    private VerificationKey(String algorithm, PublicKey publicKey, byte[] secret, String keyId) {
        this.algorithm = algorithm;
        this.publicKey = publicKey;
        this.secret = secret;
        this.keyId = keyId;
    }

    static boolean isEd25519(String algorithm, String curve) {
        return ("EdDSA".equals(algorithm) || ED25519.equals(algorithm)) && ED25519.equalsIgnoreCase(curve);
    }

    /**
     * Checks Ed25519 signatures made with {@code publicKey}'s private key.
     *
     * @throws IllegalArgumentException if the key is not Ed25519
     */
    public static VerificationKey ed25519(PublicKey publicKey) {
        Objects.requireNonNull(publicKey, "public key");
        if (!(publicKey instanceof EdECPublicKey k) || !isEd25519(k.getAlgorithm(), k.getParams().getName())) {
            throw new IllegalArgumentException("a verification key must be an Ed25519 public key, got "
                    + publicKey.getAlgorithm());
        }
        return new VerificationKey(ED25519, publicKey, null, id(publicKey.getEncoded(), ED25519));
    }

    /**
     * Checks HMAC-SHA256 signatures made with {@code secret}, at least {@value #MIN_HMAC_KEY_BYTES} bytes.
     *
     * @throws IllegalArgumentException if the secret is shorter
     */
    public static VerificationKey hmacSha256(byte[] secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.length < MIN_HMAC_KEY_BYTES) {
            throw new IllegalArgumentException("an HMAC-SHA256 key needs at least " + MIN_HMAC_KEY_BYTES
                    + " bytes (256 bits), got " + secret.length + "; make one with FingerprintKeys.generateHmacSha256");
        }
        return new VerificationKey(HMAC_SHA256, null, secret.clone(), id(secret, HMAC_SHA256));
    }

    /**
     * Reads a verification key from a PEM file: an Ed25519 public key ({@code PUBLIC KEY}, X.509, as
     * written by {@link FingerprintKeys#generateEd25519} or {@code openssl pkey -pubout}) or an owner
     * HMAC secret ({@code MODELPRINT HMAC KEY}).
     *
     * @throws FingerprintFileException ({@code BAD_KEY}) if the file holds neither
     */
    public static VerificationKey read(Path file) {
        List<KeyFiles.Block> blocks = KeyFiles.read(file);
        KeyFiles.Block hmac = KeyFiles.find(blocks, KeyFiles.HMAC_LABEL);
        KeyFiles.Block pub = KeyFiles.find(blocks, KeyFiles.PUBLIC_LABEL);
        if (KeyFiles.find(blocks, KeyFiles.PRIVATE_LABEL) != null) {
            throw new FingerprintFileException(Problem.BAD_KEY, "key file " + file + " holds a PRIVATE KEY: verify "
                    + "with the public key file, and keep the private key to yourself");
        }
        try {
            if (hmac != null) {
                return hmacSha256(hmac.der());
            }
            if (pub != null) {
                return ed25519(KeyFactory.getInstance(ED25519).generatePublic(new X509EncodedKeySpec(pub.der())));
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new FingerprintFileException(Problem.BAD_KEY, "key file " + file
                    + " does not hold a valid Ed25519 public key or HMAC key: " + e.getMessage(), e);
        }
        throw new FingerprintFileException(Problem.BAD_KEY, "key file " + file + " holds " + SigningKey.labels(blocks)
                + ", not a verification key (PUBLIC KEY for Ed25519, " + KeyFiles.HMAC_LABEL + " for HMAC)");
    }

    // a hash names the key in files without revealing it (a 256-bit HMAC secret cannot be found from it)
    private static String id(byte[] key, String algorithm) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(("modelprint key id " + algorithm + "\n").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(md.digest(key), 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The algorithm's name as signed files record it: {@code Ed25519} or {@code HmacSHA256}. */
    public String algorithm() {
        return algorithm;
    }

    /** A short public name of the key (16 hex digits of a hash), as signed files record it. */
    public String keyId() {
        return keyId;
    }

    boolean verify(byte[] message, byte[] signature) {
        try {
            if (publicKey != null) {
                Signature s = Signature.getInstance(ED25519);
                s.initVerify(publicKey);
                s.update(message);
                return s.verify(signature);
            }
            Mac mac = Mac.getInstance(HMAC_SHA256);
            mac.init(new SecretKeySpec(secret, HMAC_SHA256));
            return MessageDigest.isEqual(mac.doFinal(message), signature);
        } catch (java.security.SignatureException e) {
            return false;   // malformed signature bytes: not a valid signature
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot check " + algorithm + " signatures: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return algorithm + " verification key " + keyId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VerificationKey k && k.algorithm.equals(algorithm) && k.keyId.equals(keyId)
                && Arrays.equals(k.secret, secret) && Objects.equals(k.publicKey, publicKey);
    }

    @Override
    public int hashCode() {
        return keyId.hashCode();
    }
}
