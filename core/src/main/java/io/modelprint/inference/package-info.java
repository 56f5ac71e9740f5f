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
 * Dataset Inference (Maini, Yaghini and Papernot, ICLR 2021): does a suspect carry knowledge of
 * the owner's private training data? A verifier of its own beside the fingerprint pipeline, after
 * {@code calibration}: its queries are not a fixed query set but depend on the suspect's answers
 * (Blind Walk steps until the suspect's label changes), and its verdict is a t-test's p-value,
 * not a distance against a threshold. It uses the API, the kernels and {@code calibration}'s
 * {@link io.modelprint.calibration.SuspectScreen}; the facade reaches it through
 * {@code FingerprintVerifier.datasetInference(privateData, publicData)}.
 *
 * <p>The parts: {@link io.modelprint.inference.BlindWalk} (black box: random directions, steps
 * until the label changes) and {@link io.modelprint.inference.MinGd} (white box: gradient steps
 * towards each class) embed a sample as its distances to the decision boundaries; a logistic
 * regression trained on the victim's embeddings scores how much a sample looks like training
 * data; a one-sided Welch t-test compares the suspect's scores on private and public samples.
 *
 * <pre>{@code
 * DatasetInference di = FingerprintVerifier.datasetInference(ownerTrain.slice(0, 400), heldBack)
 *         .samples(100).seed(7).build();
 * Verdict v = di.verify(victim, suspect);
 * }</pre>
 */
package io.modelprint.inference;
