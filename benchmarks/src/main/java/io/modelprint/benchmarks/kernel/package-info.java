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
 * JMH benchmarks of the numeric kernels ({@code io.modelprint.kernel}) that correlation
 * fingerprints and distances run on: the correlation matrix, the mean absolute difference and
 * the fused distance, on the plain-Java and ND4J backends against straightforward loops
 * ({@link io.modelprint.benchmarks.kernel.BaselineLoops}); {@link io.modelprint.benchmarks.kernel.KernelSuite}
 * runs them all into a table.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar '\.FusedDistanceBenchmark' -p n=4096 -p c=10
 * </pre>
 */
package io.modelprint.benchmarks.kernel;
