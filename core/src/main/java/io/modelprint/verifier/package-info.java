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
 * Stage 3 of the pipeline: the {@link io.modelprint.Verifier} implementations. A verifier
 * compares two fingerprints of the same scheme and query set and returns a distance, at least 0,
 * small when the suspect behaves like the victim; it decides nothing. The facade,
 * {@link io.modelprint.FingerprintVerifier}, decides: it turns the distance into a
 * {@link io.modelprint.Verdict} with a threshold ({@link io.modelprint.calibration}).
 *
 * <p>Each is named for what it computes:
 * {@link io.modelprint.verifier.MeanAbsoluteDifference} (of two correlation matrices, SAC),
 * {@link io.modelprint.verifier.MismatchRate} (share of labels that differ, AKH and IPGuard),
 * {@link io.modelprint.verifier.ExcessMismatch} (mismatch on the victim's mistakes minus on its
 * correct answers, akh-excess), {@link io.modelprint.verifier.TotalVariationDistance} (between
 * output distributions, conferrable).
 *
 * <pre>{@code
 * double d = new MismatchRate().distance(victimLabels, suspectLabels);
 * }</pre>
 */
package io.modelprint.verifier;
