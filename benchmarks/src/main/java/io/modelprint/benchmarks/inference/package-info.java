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
 * The Dataset Inference benchmark: {@link io.modelprint.inference.DatasetInference} against the
 * PyTorch zoo's ONNX models, scored per victim and stolen family against independent models,
 * student-matched models and twins, as a function of the query budget.
 *
 * <pre>{@code
 * mvn -q -pl benchmarks -am compile exec:java@dataset-inference -Dexec.args="zoo-cache/pytorch/full"
 * }</pre>
 */
package io.modelprint.benchmarks.inference;
