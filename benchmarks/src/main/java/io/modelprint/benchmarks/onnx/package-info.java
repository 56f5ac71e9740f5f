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
 * Benchmarks of ONNX models through the library: {@link io.modelprint.benchmarks.onnx.VerifyAllThroughput}
 * (many suspects against one fingerprint, a plain loop against {@code verifyAll} with bounded
 * parallelism) and {@link io.modelprint.benchmarks.onnx.OnnxScoringOverhead} (a zoo of ONNX files
 * scored through {@code OnnxModel} and through bare ONNX Runtime calls, side by side).
 * {@link io.modelprint.benchmarks.onnx.OnnxZoo} finds the files.
 *
 * <pre>
 * ./mvnw -q -pl benchmarks -am compile exec:java@verify-all
 * ./mvnw -q -pl benchmarks -am compile exec:java@onnx-overhead
 * </pre>
 */
package io.modelprint.benchmarks.onnx;
