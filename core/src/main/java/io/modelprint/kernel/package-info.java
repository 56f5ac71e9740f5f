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
