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
 * The suspect fights back: {@link io.modelprint.Model} wrappers that show a stolen model as a thief
 * who knows about fingerprinting would serve it, to test what a scheme does then. They sit beside
 * the pipeline, on the suspect's side, and use the API only: noise on the probabilities, rounding,
 * top-1 labels or top-k probabilities only, a changed temperature, and a query detector that
 * answers suspected fingerprint queries with another model. {@link io.modelprint.evasion.EvasionCost}
 * says what an evasion costs the thief in accuracy on natural data.
 *
 * <pre>{@code
 * Model evasive = Evasions.gaussianNoise(stolen, 0.05, 7);
 * EvasionCost cost = EvasionCost.measure(stolen, evasive, naturalTestImages);
 * Verdict v = verifier.verify(fingerprint, evasive);
 * }</pre>
 */
package io.modelprint.evasion;
