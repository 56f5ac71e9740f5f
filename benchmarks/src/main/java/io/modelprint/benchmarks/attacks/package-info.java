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
 * The attack benchmark: every query-based stealing attack of {@code modelprint-zoo} against an
 * undefended victim and an InI-defended one, and Tram&egrave;r et al.'s attacks on a
 * softmax-regression victim, with queries, accuracy, fidelity and training time
 * ({@link io.modelprint.benchmarks.attacks.AttackBenchmark}). Outside the pipeline: it measures the
 * zoo's recipes, not a fingerprint.
 *
 * <pre>
 * mvn -q -pl benchmarks -am compile exec:java@attacks
 * </pre>
 */
package io.modelprint.benchmarks.attacks;
