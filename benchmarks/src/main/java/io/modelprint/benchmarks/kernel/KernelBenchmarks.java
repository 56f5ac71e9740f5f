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

import io.modelprint.kernel.JavaKernels;
import io.modelprint.kernel.KernelBackend;
import io.modelprint.kernel.Matrix;
import io.modelprint.nd4j.Nd4jKernels;
import java.util.SplittableRandom;

/**
 * What the kernel benchmarks share: the backends they compare, by the name a {@code backend}
 * parameter takes, and their inputs.
 *
 * <pre>{@code
 * KernelBackend k = KernelBenchmarks.backend("java");
 * double d = k.fusedDistance(KernelBenchmarks.outputs(4096, 10, 1), KernelBenchmarks.outputs(4096, 10, 2), f);
 * }</pre>
 */
final class KernelBenchmarks {

    private KernelBenchmarks() {
    }

    /**
     * {@code baseline} ({@link BaselineLoops}), {@code java} ({@link JavaKernels}) or {@code nd4j}
     * ({@link Nd4jKernels}: CPU, or CUDA when built with {@code -Pcuda}). Created directly rather
     * than through {@code Kernels}, so that a plain-Java fork never loads ND4J.
     */
    static KernelBackend backend(String name) {
        return switch (name) {
            case "baseline" -> new BaselineLoops();
            case "java" -> new JavaKernels();
            case "nd4j" -> Nd4jKernels.forEveryClassCount();
            default -> throw new IllegalArgumentException("unknown backend '" + name + "': baseline, java or nd4j");
        };
    }

    /** {@code n x c} model outputs: Gaussian logits with standard deviation 3, from a fixed seed. */
    static Matrix outputs(int n, int c, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] d = new float[Math.multiplyExact(n, c)];
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) (3 * random.nextGaussian());
        }
        return Matrix.of(n, c, d);
    }
}
