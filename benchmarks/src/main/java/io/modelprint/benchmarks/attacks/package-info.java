/**
 * The attack benchmark: every query-based stealing attack of {@code modelprint-zoo} against an
 * undefended victim and an InI-defended one, and Tram&egrave;r et al.'s attacks on a
 * softmax-regression victim, with queries, accuracy, fidelity and training time
 * ({@link io.modelprint.benchmarks.attacks.AttackBenchmark}). Outside the pipeline: it measures the
 * zoo's recipes, not a fingerprint.
 *
 * <pre>
 * mvn -q -pl benchmarks -am compile exec:java@attacks
 * </pre>
 */
package io.modelprint.benchmarks.attacks;
