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
 * The detection benchmark: runs every scheme's whole pipeline, and the out-of-the-box verifier, on
 * the victims of benchmark zoos of two frameworks (DL4J zoos of {@code modelprint-zoo}; PyTorch
 * zoos of {@code benchmarks/pytorch/zoo.py}, loaded as ONNX files) and scores how well the
 * distances separate each victim's stolen copies from its negatives: AUC and TPR at a bounded FPR
 * per stolen family and negative set ({@link io.modelprint.benchmarks.detection.DetectionResults},
 * {@link io.modelprint.benchmarks.detection.Roc}), verdict counts, query budgets, evasions, costs,
 * plots ({@link io.modelprint.benchmarks.detection.DetectionReport}), and the default thresholds
 * derived from a run ({@link io.modelprint.benchmarks.detection.ThresholdReport}).
 *
 * <pre>
 * mvn -q -pl benchmarks -am compile exec:java@detection -Dexec.args="smoke"
 * mvn -q -pl benchmarks -am compile exec:java@detection -Dexec.args="heldout-style --zoo pytorch:zoo-cache/pytorch/full --zoo dl4j:full"
 * </pre>
 */
package io.modelprint.benchmarks.detection;
