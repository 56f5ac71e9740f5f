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
package io.modelprint.kernel;

import java.util.SplittableRandom;

/**
 * Computes the fused distance over a large query set in a JVM of its own, so that a test can run
 * it under a small {@code -Xmx} (the point: memory grows with N, not N squared).
 *
 * <p>Usage: {@code LargeDistanceRun <queries> <classes> <backend>}. Label-only outputs are checked
 * against the exact count of {@link LabelPairs}; logits against being a distance in [0, 1].
 * Prints one line per case and the heap it ran in, and exits 1 on a mismatch.
 */
public final class LargeDistanceRun {

    private LargeDistanceRun() {
    }

    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        int classes = Integer.parseInt(args[1]);
        KernelBackend k = Kernels.named(args[2]);
        SplittableRandom random = new SplittableRandom(42);
        int[] a = new int[n];
        int[] b = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = random.nextInt(classes);
            // the second model agrees with the first on about 80% of the queries
            b[i] = random.nextDouble() < 0.8 ? a[i] : random.nextInt(classes);
        }
        double labels = k.fusedDistance(Matrix.oneHot(a, classes), Matrix.oneHot(b, classes),
                CorrelationFunction.cosine());
        double expected = 0.5 * LabelPairs.pairsWhoseAgreementDiffers(a, b, classes) / ((double) n * n);
        boolean ok = Math.abs(labels - expected) <= 1e-9;
        System.out.printf("labels: distance %.9f, exact %.9f%n", labels, expected);

        double logits = k.fusedDistance(MatrixArbitraries.seeded(n, classes, 1), MatrixArbitraries.seeded(n, classes, 2),
                CorrelationFunction.cosine());
        ok &= logits > 0 && logits < 1;
        System.out.printf("logits: distance %.9f%n", logits);

        // committed heap: what the JVM had to take from the system, at most -Xmx
        System.out.printf("backend %s, N = %d, C = %d, max heap %d MB, committed heap %d MB%n", k.name(), n, classes,
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().totalMemory() >> 20);
        System.exit(ok ? 0 : 1);
    }
}
