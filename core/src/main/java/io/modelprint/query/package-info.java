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
 * Stage 1 of the pipeline: every {@link io.modelprint.QuerySetBuilder}, choosing the inputs a
 * fingerprint is read on, and the pieces they share.
 *
 * <ul>
 *   <li>{@link io.modelprint.query.CutMixQueries} (SAC-m): owner samples with a CutMix patch;</li>
 *   <li>{@link io.modelprint.query.MisclassifiedQueries} (SAC-w, AKH): the victim's mistakes;</li>
 *   <li>{@link io.modelprint.query.MistakesAndControls} (akh-excess): mistakes, then samples it
 *       gets right;</li>
 *   <li>{@link io.modelprint.query.BoundaryQueries} (IPGuard): samples moved to the victim's
 *       decision boundary by {@code Adam};</li>
 *   <li>{@link io.modelprint.query.ConferrableQueries} (conferrable): candidates the owner's
 *       copies follow and its independent models do not;</li>
 *   <li>shared: {@link io.modelprint.query.SampleSelection} (which owner samples),
 *       {@link io.modelprint.query.CutMixBox} (the patch copy), {@code VictimMistakes} (the search
 *       for the victim's mistakes).</li>
 * </ul>
 * Builders depend on the API alone; they know nothing of fingerprints, distances or schemes.
 *
 * <pre>{@code
 * QuerySet q = new CutMixQueries(CutMixQueries.Config.defaults()).build(victim, ownerData, 3);
 * }</pre>
 */
package io.modelprint.query;
