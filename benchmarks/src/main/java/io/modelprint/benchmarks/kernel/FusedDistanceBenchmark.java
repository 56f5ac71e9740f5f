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
 * SAC's distance straight from two models' {@code N x C} outputs, without building either
 * correlation matrix: what {@code MeanAbsoluteDifference} runs for every verification. FLOPs
 * counted: {@code 2 N^2 (C + C)} (both Gram products, as if computed in full).
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar '\.FusedDistanceBenchmark' -p n=4096 -p c=10 -p function=cosine
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx4g", "-Dorg.bytedeco.javacpp.maxbytes=6G",
    "-Dorg.bytedeco.javacpp.maxphysicalbytes=10G", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
public class FusedDistanceBenchmark {

    @Param({"100", "500", "2000", "4096", "8000"})
    int n;

    @Param({"10", "100", "1000"})
    int c;

    @Param({"baseline", "java", "nd4j"})
    String backend;

    /** {@code cosine} (SAC's default) or {@code gaussian} (gamma 1). */
    @Param({"cosine"})
    String function;

    private KernelBackend kernels;
    private Matrix victim;
    private Matrix suspect;
    private CorrelationFunction f;

    @Setup
    public void setUp() {
        kernels = KernelBenchmarks.backend(backend);
        victim = KernelBenchmarks.outputs(n, c, 1);
        suspect = KernelBenchmarks.outputs(n, c, 2);
        f = "gaussian".equals(function) ? CorrelationFunction.gaussian(1.0) : CorrelationFunction.cosine();
    }

    @Benchmark
    public double fusedDistance() {
        return kernels.fusedDistance(victim, suspect, f);
    }
}
