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
