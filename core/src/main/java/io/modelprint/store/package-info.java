/**
 * Stored fingerprints: {@link io.modelprint.store.FingerprintFile} writes a
 * {@link io.modelprint.VictimFingerprint} (the pipeline's first two stages run on the victim) to
 * a versioned, checksummed JSON file and reads it back bit for bit, so suspects are verified
 * later without the victim. Uses the API only.
 *
 * <pre>{@code
 * FingerprintFile.write(verifier.fingerprint(victim), Path.of("victim.fp.json"));
 * VictimFingerprint fp = FingerprintFile.read(Path.of("victim.fp.json"));
 * }</pre>
 */
package io.modelprint.store;
