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
 * The API: what a user of modelprint holds, and the three parts every fingerprinting scheme is
 * made of.
 *
 * <p>The pipeline, one package per stage:
 * <pre>
 * owner data + victim --QuerySetBuilder--&gt; QuerySet --FingerprintExtractor--&gt; Fingerprint --+
 *                                            |                                            +--Verifier--&gt; distance --calibration--&gt; Verdict
 *                      suspect --------------+ (same queries) --------------&gt; Fingerprint --+
 * </pre>
 * <ul>
 *   <li>here: the models ({@link Model}, {@link WhiteBoxModel},
 *       {@link AbstractModel}, {@link Models}), the values that flow
 *       between the stages ({@link ImageBatch}, {@link LabeledImages},
 *       {@link Predictions}, {@link QuerySet},
 *       {@link VictimFingerprint}, {@link Provenance},
 *       {@link Threshold}, {@link Verdict}), the three part interfaces
 *       ({@link QuerySetBuilder}, {@link FingerprintExtractor},
 *       {@link Verifier}) and the facade, {@link FingerprintVerifier};</li>
 *   <li>{@link io.modelprint.query}: stage 1, the query-set builders;</li>
 *   <li>{@link io.modelprint.fingerprint}: stage 2, extractors and fingerprint types;</li>
 *   <li>{@link io.modelprint.verifier}: stage 3, the distances;</li>
 *   <li>{@link io.modelprint.scheme}: where parts are put together into named schemes;</li>
 *   <li>{@link io.modelprint.calibration}: from a distance to a threshold and a p-value;</li>
 *   <li>beside the pipeline: {@link io.modelprint.kernel} (numeric kernels),
 *       {@link io.modelprint.config} (typed parameters), {@link io.modelprint.store} (fingerprint
 *       files), {@link io.modelprint.http} (remote suspects), {@link io.modelprint.data} (images).</li>
 * </ul>
 *
 * <p>Dependencies point one way: a stage uses the API and the stages before it, never a later
 * one. The value types here use no stage; only the facade uses {@code scheme} and
 * {@code calibration}, which in turn never use the facade. An architecture test holds the code to
 * this.
 *
 * <pre>{@code
 * FingerprintVerifier verifier = FingerprintVerifier.defaults().ownerData(heldOut).build();
 * Verdict v = verifier.verify(victim, suspect);
 * }</pre>
 */
package io.modelprint;
