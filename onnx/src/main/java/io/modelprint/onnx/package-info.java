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
 * Models from ONNX files (PyTorch, TensorFlow, ...): {@link io.modelprint.onnx.OnnxModel} runs
 * one with ONNX Runtime as a {@link io.modelprint.Model} the pipeline queries like any other,
 * with the input {@link io.modelprint.onnx.Preprocessing} the file cannot declare. Uses the API
 * only.
 *
 * <pre>{@code
 * try (OnnxModel suspect = OnnxModel.builder(Path.of("their-model.onnx")).build()) {
 *     Verdict v = verifier.verify(fingerprint, suspect);
 * }
 * }</pre>
 */
package io.modelprint.onnx;
