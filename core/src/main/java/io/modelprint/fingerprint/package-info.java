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
 * Stage 2 of the pipeline: {@link io.modelprint.FingerprintExtractor}s, which read one model's
 * answers on a query set, and the fingerprint types they make.
 *
 * <ul>
 *   <li>{@link io.modelprint.fingerprint.CorrelationExtractor} and
 *       {@link io.modelprint.fingerprint.CorrelationFingerprint} (SAC): the outputs whose pairwise
 *       correlation is compared;</li>
 *   <li>{@link io.modelprint.fingerprint.LabelExtractor} and
 *       {@link io.modelprint.fingerprint.LabelFingerprint} (AKH, akh-excess, IPGuard): the top-1
 *       labels;</li>
 *   <li>{@link io.modelprint.fingerprint.OutputExtractor} and
 *       {@link io.modelprint.fingerprint.OutputFingerprint} (conferrable): probabilities or one-hot
 *       labels;</li>
 *   <li>{@link io.modelprint.fingerprint.CombinedFingerprint}: one per component of a combined
 *       scheme.</li>
 * </ul>
 *
 * <pre>{@code
 * LabelFingerprint fp = new LabelExtractor("akh").extract(suspect.predict(querySet.inputs()));
 * }</pre>
 */
package io.modelprint.fingerprint;
