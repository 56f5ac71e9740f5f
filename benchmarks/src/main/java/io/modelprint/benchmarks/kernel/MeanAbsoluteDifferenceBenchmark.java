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
import io.modelprint.kernel.JavaKernels;
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
 * SAC's distance between two materialised {@code N x N} correlation matrices: the mean absolute
 * difference. It does not depend on C. FLOPs counted: {@code 2 N^2} (a subtraction and an
 * addition per entry); it reads {@code 8 N^2} bytes, so it is bound by memory bandwidth.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar MeanAbsoluteDifferenceBenchmark -p n=8000
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx4g", "-Dorg.bytedeco.javacpp.maxbytes=6G",
    "-Dorg.bytedeco.javacpp.maxphysicalbytes=10G", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
public class MeanAbsoluteDifferenceBenchmark {

    @Param({"100", "500", "2000", "8000"})
    int n;

    @Param({"baseline", "java", "nd4j"})
    String backend;

    private KernelBackend kernels;
    private Matrix a;
    private Matrix b;

    @Setup
    public void setUp() {
        kernels = KernelBenchmarks.backend(backend);
        JavaKernels java = new JavaKernels();
        a = java.correlationMatrix(KernelBenchmarks.outputs(n, 10, 1), CorrelationFunction.cosine());
        b = java.correlationMatrix(KernelBenchmarks.outputs(n, 10, 2), CorrelationFunction.cosine());
    }

    @Benchmark
    public double meanAbsoluteDifference() {
        return kernels.meanAbsoluteDifference(a, b);
    }
}
