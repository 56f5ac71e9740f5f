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
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The owner's key that signs fingerprint files: an Ed25519 private key (anyone with the public
 * key can check the signature, only the owner can make one) or an HMAC-SHA256 secret (the same
 * secret signs and checks, so whoever checks could also forge: keep it to yourself). Both come from
 * the JDK ({@code java.security}, {@code javax.crypto}); {@link FingerprintKeys} makes and stores
 * them.
 *
 * <pre>{@code
 * SigningKey key = SigningKey.read(Path.of("owner.key.pem"));
 * FingerprintFile.write(fingerprint, Path.of("victim.fp.json"), WriteOptions.defaults().signedWith(key));
 * }</pre>
 */
public final class SigningKey {

    private static final Logger LOG = LoggerFactory.getLogger(SigningKey.class);

    private final String algorithm;
    private final PrivateKey privateKey;
    private final byte[] secret;
    private final String keyId;

    private SigningKey(String algorithm, PrivateKey privateKey, byte[] secret, String keyId) {
        this.algorithm = algorithm;
        this.privateKey = privateKey;
        this.secret = secret;
        this.keyId = keyId;
    }

    /**
     * Signs with an Ed25519 private key; {@code publicKey} is its pair, whose hash names the key in
     * signed files.
     *
     * @throws IllegalArgumentException if either key is not Ed25519
     */
    public static SigningKey ed25519(PrivateKey privateKey, PublicKey publicKey) {
        Objects.requireNonNull(privateKey, "private key");
        if (!(privateKey instanceof EdECPrivateKey ed) || !VerificationKey.isEd25519(ed.getAlgorithm(),
                ed.getParams().getName())) {
            throw new IllegalArgumentException("a signing key must be an Ed25519 private key, got "
                    + privateKey.getAlgorithm() + "; make one with FingerprintKeys.generateEd25519");
        }
        return new SigningKey(VerificationKey.ED25519, privateKey, null, VerificationKey.ed25519(publicKey).keyId());
    }

    /**
     * Signs with HMAC-SHA256 under {@code secret}, at least 32 bytes (256 bits) of it.
     *
     * @throws IllegalArgumentException if the secret is shorter
     */
    public static SigningKey hmacSha256(byte[] secret) {
        VerificationKey check = VerificationKey.hmacSha256(secret);
        return new SigningKey(VerificationKey.HMAC_SHA256, null, secret.clone(), check.keyId());
    }

    /**
     * Reads a signing key from a PEM file: an Ed25519 private key ({@code PRIVATE KEY}, PKCS#8, as
     * written by {@link FingerprintKeys#generateEd25519} or {@code openssl genpkey -algorithm
     * ed25519}, followed by its {@code PUBLIC KEY}) or an owner HMAC secret ({@code MODELPRINT HMAC KEY}, as written by
     * {@link FingerprintKeys#generateHmacSha256}).
     *
     * @throws FingerprintFileException ({@code BAD_KEY}) if the file holds neither
     */
    public static SigningKey read(Path file) {
        List<KeyFiles.Block> blocks = KeyFiles.read(file);
        if (KeyFiles.readableByOthers(file)) {
            LOG.warn("signing key file {} can be read by other users: anyone who reads it can sign fingerprints as you; "
                    + "chmod 600 it", file);
        }
        KeyFiles.Block hmac = KeyFiles.find(blocks, KeyFiles.HMAC_LABEL);
        KeyFiles.Block priv = KeyFiles.find(blocks, KeyFiles.PRIVATE_LABEL);
        try {
            if (hmac != null) {
                return hmacSha256(hmac.der());
            }
            if (priv != null) {
                KeyFiles.Block pub = KeyFiles.find(blocks, KeyFiles.PUBLIC_LABEL);
                if (pub == null) {
                    throw new FingerprintFileException(Problem.BAD_KEY, "key file " + file + " holds an Ed25519 "
                            + "private key without its public key, which names the key in signed files: append the "
                            + "public key's PEM (openssl pkey -in " + file + " -pubout >> " + file + ")");
                }
                KeyFactory kf = KeyFactory.getInstance(VerificationKey.ED25519);
                SigningKey key = ed25519(kf.generatePrivate(new PKCS8EncodedKeySpec(priv.der())),
                        kf.generatePublic(new X509EncodedKeySpec(pub.der())));
                byte[] probe = "modelprint key pair check".getBytes(StandardCharsets.US_ASCII);
                if (!VerificationKey.ed25519(kf.generatePublic(new X509EncodedKeySpec(pub.der())))
                        .verify(probe, key.sign(probe))) {
                    throw new FingerprintFileException(Problem.BAD_KEY, "key file " + file + ": its public key is not "
                            + "the pair of its private key; write the pair again with FingerprintKeys.generateEd25519");
                }
                return key;
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new FingerprintFileException(Problem.BAD_KEY, "key file " + file
                    + " does not hold a valid Ed25519 or HMAC key: " + e.getMessage(), e);
        }
        throw new FingerprintFileException(Problem.BAD_KEY, "key file " + file + " holds " + labels(blocks)
                + ", not a signing key (PRIVATE KEY for Ed25519, " + KeyFiles.HMAC_LABEL + " for HMAC)"
                + (KeyFiles.find(blocks, KeyFiles.PUBLIC_LABEL) != null
                ? ": a public key only verifies; sign with its private key" : ""));
    }

    static String labels(List<KeyFiles.Block> blocks) {
        return blocks.stream().map(KeyFiles.Block::label).toList().toString();
    }

    /** The algorithm's name as signed files record it: {@code Ed25519} or {@code HmacSHA256}. */
    public String algorithm() {
        return algorithm;
    }

    /** A short public name of the key (16 hex digits of a hash), recorded in the files it signs. */
    public String keyId() {
        return keyId;
    }

    byte[] sign(byte[] message) {
        try {
            if (privateKey != null) {
                Signature s = Signature.getInstance(VerificationKey.ED25519);
                s.initSign(privateKey);
                s.update(message);
                return s.sign();
            }
            Mac mac = Mac.getInstance(VerificationKey.HMAC_SHA256);
            mac.init(new SecretKeySpec(secret, VerificationKey.HMAC_SHA256));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot sign with " + algorithm + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return algorithm + " signing key " + keyId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SigningKey k && k.algorithm.equals(algorithm) && k.keyId.equals(keyId)
                && Arrays.equals(k.secret, secret) && Objects.equals(k.privateKey, privateKey);
    }

    @Override
    public int hashCode() {
        return keyId.hashCode();
    }
}
