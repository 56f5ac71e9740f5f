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
 * The ND4J kernel backend: {@link io.modelprint.nd4j.Nd4jKernels} implements
 * {@link io.modelprint.kernel.KernelBackend} on ND4J (CPU, or CUDA under the {@code cuda}
 * profile) and is found with {@link java.util.ServiceLoader} when this module is on the class
 * path. Beside the pipeline, under its fingerprints and distances.
 *
 * <pre>{@code
 * KernelBackend k = Kernels.named("nd4j-cpu");
 * }</pre>
 */
package io.modelprint.nd4j;
