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
package io.modelprint.benchmarks.kernel;

import io.modelprint.kernel.CorrelationFunction;
import io.modelprint.kernel.KernelBackend;
import io.modelprint.kernel.Matrix;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The fused distance over 50,000 queries in a JVM with a 100 MB heap ({@code -Xmx100m}; ND4J's
 * off-heap limit follows it): one 50,000 x 50,000 float matrix alone would take 10 GB, so the fork
 * only completes if memory grows with N. Single shots: one call takes seconds.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar LargeFusedDistanceBenchmark
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx100m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
public class LargeFusedDistanceBenchmark {

    @Param({"50000"})
    int n;

    @Param({"10"})
    int c;

    @Param({"java", "nd4j"})
    String backend;

    private KernelBackend kernels;
    private Matrix victim;
    private Matrix suspect;

    @Setup
    public void setUp() {
        kernels = KernelBenchmarks.backend(backend);
        victim = KernelBenchmarks.outputs(n, c, 1);
        suspect = KernelBenchmarks.outputs(n, c, 2);
    }

    @Benchmark
    public double fusedDistance() {
        return kernels.fusedDistance(victim, suspect, CorrelationFunction.cosine());
    }
}
