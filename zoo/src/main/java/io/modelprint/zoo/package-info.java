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
 * Model stealing, to test fingerprints against: the attack recipes ({@link io.modelprint.zoo.FineTuning},
 * {@link io.modelprint.zoo.Pruning}, {@link io.modelprint.zoo.Transfer} to a
 * {@link io.modelprint.zoo.Corruption corrupted} task, {@link io.modelprint.zoo.Extraction} with
 * optional {@link io.modelprint.zoo.Pgd} adversarial training), query-based attacks on any black-box model that
 * return a {@link io.modelprint.zoo.StolenModel} with their query count ({@link io.modelprint.zoo.Knockoff} on
 * {@link io.modelprint.zoo.OutOfDistribution} queries, {@link io.modelprint.zoo.Jbda},
 * {@link io.modelprint.zoo.EquationSolving} and {@link io.modelprint.zoo.LabelOnlyRetraining} after Tram&egrave;r et
 * al.), the owner's InI defence ({@link io.modelprint.zoo.IniDefence}), the benchmark zoos built with them
 * ({@link io.modelprint.zoo.ZooSpec} of {@link io.modelprint.zoo.ZooMember}s, trained on a
 * {@link io.modelprint.zoo.ZooData} split into a cached {@link io.modelprint.zoo.Zoo} of
 * {@link io.modelprint.zoo.TrainedMember}s), and the owner's own models for the conferrable scheme
 * ({@link io.modelprint.zoo.OwnerModels}). Outside the pipeline: it makes the victims and suspects
 * the pipeline is run on, with DL4J ({@code modelprint-nd4j}).
 *
 * <pre>{@code
 * MultiLayerNetwork copy = new FineTuning(new Trainer.Config(2, 64, 1e-4, 7)).apply(victimNet, attackerData, listener);
 * Zoo zoo = Zoo.build(ZooSpec.smoke(ZooSpec.Variant.DEV), ZooData.of(FashionMnist.load()), Path.of("zoo-cache"), listener);
 * }</pre>
 */
package io.modelprint.zoo;
