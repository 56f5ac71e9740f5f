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
