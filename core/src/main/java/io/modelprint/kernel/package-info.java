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
 * The numeric kernels behind correlation fingerprints, as a small service interface
 * ({@link io.modelprint.kernel.KernelBackend}, found by {@link io.modelprint.kernel.Kernels}), with
 * the plain-Java backend that is always present and is the oracle of the others, and the
 * {@link io.modelprint.kernel.Matrix} they work on. Beside the pipeline, at its bottom: fingerprints
 * and distances use kernels; kernels know no scheme.
 *
 * <pre>{@code
 * double d = Kernels.backend().fusedDistance(victimOutputs, suspectOutputs, CorrelationFunction.cosine());
 * }</pre>
 */
package io.modelprint.kernel;
