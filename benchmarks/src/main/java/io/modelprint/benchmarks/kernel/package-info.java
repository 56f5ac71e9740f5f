/**
 * JMH benchmarks of the numeric kernels ({@code io.modelprint.kernel}) that correlation
 * fingerprints and distances run on: the correlation matrix, the mean absolute difference and
 * the fused distance, on the plain-Java and ND4J backends against straightforward loops
 * ({@link io.modelprint.benchmarks.kernel.BaselineLoops}); {@link io.modelprint.benchmarks.kernel.KernelSuite}
 * runs them all into a table.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar '\.FusedDistanceBenchmark' -p n=4096 -p c=10
 * </pre>
 */
package io.modelprint.benchmarks.kernel;
