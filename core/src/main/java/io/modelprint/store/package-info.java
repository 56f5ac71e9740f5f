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
