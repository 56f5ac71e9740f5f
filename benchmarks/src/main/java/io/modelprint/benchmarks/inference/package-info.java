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
