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

import java.util.stream.IntStream;

/**
 * Plain-Java kernels: always available, no native code, and fast enough to be the default
 * wherever ND4J is not on the class path.
 *
 * <p>Gram products are blocked and written so that the JIT vectorises them (see
 * {@code GramTiles}); both matrices are symmetric, so only the upper triangle is computed, and
 * large products use every core through the common fork-join pool. Dot products are taken in
 * {@code float} (as BLAS does), every sum over many entries in {@code double}. The fused distance
 * never builds an {@code N x N} matrix: at N = 50,000 and C = 10 it runs in well under 100 MB of
 * heap.
 *
 * <pre>{@code
 * KernelBackend java = new JavaKernels();
 * double d = java.fusedDistance(victimOutputs, suspectOutputs, CorrelationFunction.cosine());
 * }</pre>
 */
public final class JavaKernels implements KernelBackend {

    /** The name used to force this backend: {@code -Dmodelprint.kernels=java}. */
    public static final String NAME = "java";

    /** Elements per task of the mean absolute difference: 2 x 256 KB of input. */
    private static final int MAD_CHUNK = 1 << 16;

    /** Float partial sums per task: each holds MAD_CHUNK / LANES = 64 terms, so float is exact enough. */
    private static final int LANES = 1024;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int priority() {
        return 0;
    }

    @Override
    public Matrix normalizeRows(Matrix outputs) {
        int n = outputs.rows();
        int c = outputs.cols();
        float[] in = outputs.data();
        float[] out = new float[in.length];
        for (int i = 0; i < n; i++) {
            int base = i * c;
            double sq = 0;
            for (int k = 0; k < c; k++) {
                double v = in[base + k];
                sq += v * v;
            }
            double inv = sq > 0 ? 1.0 / Math.sqrt(sq) : 1.0;
            for (int k = 0; k < c; k++) {
                out[base + k] = (float) (in[base + k] * inv);
            }
        }
        return new Matrix(n, c, out);
    }

    @Override
    public Matrix correlationMatrix(Matrix outputs, CorrelationFunction f) {
        Matrix unit = normalizeRows(outputs);
        int n = unit.rows();
        int c = unit.cols();
        float[][] columns = GramTiles.columns(unit.data(), n, c);
        float[] out = new float[Math.multiplyExact(n, n)];
        GramTiles.rowBlocks(n, c).forEach(b -> GramTiles.blockCorrelations(b, unit.data(), columns, n, f, out));
        GramTiles.rowBlocks(n, 1).forEach(b -> GramTiles.mirrorBlock(b, n, out));
        return new Matrix(n, n, out);
    }

    @Override
    public double meanAbsoluteDifference(Matrix a, Matrix b) {
        KernelChecks.sameShape(a, b);
        float[] x = a.data();
        float[] y = b.data();
        int chunks = (int) (((long) x.length + MAD_CHUNK - 1) / MAD_CHUNK);
        IntStream s = IntStream.range(0, chunks);
        double sum = (x.length > MAD_CHUNK * 16 ? s.parallel() : s)
                .mapToDouble(chunk -> absoluteDifferenceSum(x, y, chunk * MAD_CHUNK,
                        (int) Math.min(x.length, (long) (chunk + 1) * MAD_CHUNK)))
                .sum();
        return sum / x.length;
    }

    /**
     * {@code sum |x_i - y_i|} over {@code [from, to)}. Slices are first copied into small buffers:
     * a loop that reads {@code x[from + t]} and writes {@code lanes[t]} does not vectorise, one
     * over three arrays indexed alike does, and the copies stay in L1.
     */
    private static double absoluteDifferenceSum(float[] x, float[] y, int from, int to) {
        float[] bx = new float[LANES];
        float[] by = new float[LANES];
        float[] lanes = new float[LANES];
        int i = from;
        for (; i + LANES <= to; i += LANES) {
            System.arraycopy(x, i, bx, 0, LANES);
            System.arraycopy(y, i, by, 0, LANES);
            for (int t = 0; t < LANES; t++) {
                lanes[t] += Math.abs(bx[t] - by[t]);
            }
        }
        double sum = 0;
        for (; i < to; i++) {
            sum += Math.abs((double) x[i] - y[i]);
        }
        for (float v : lanes) {
            sum += v;
        }
        return sum;
    }

    /**
     * Computed tile by tile on the upper triangle, in O(N * (C1 + C2)) memory: neither
     * correlation matrix is built. The diagonal contributes nothing (both are {@code f(1)}).
     */
    @Override
    public double fusedDistance(Matrix outputsA, Matrix outputsB, CorrelationFunction f) {
        KernelChecks.sameRowCount(outputsA, outputsB);
        int n = outputsA.rows();
        int cA = outputsA.cols();
        int cB = outputsB.cols();
        float[] unitA = normalizeRows(outputsA).data();
        float[] unitB = normalizeRows(outputsB).data();
        float[][] columnsA = GramTiles.columns(unitA, n, cA);
        float[][] columnsB = GramTiles.columns(unitB, n, cB);
        double upper = GramTiles.rowBlocks(n, (long) cA + cB)
                .mapToDouble(b -> GramTiles.blockDistance(b, unitA, columnsA, unitB, columnsB, n, f))
                .sum();
        // the gaps of the cosine function were summed without its factor 1/2
        double scale = f.kind() == CorrelationFunction.Kind.COSINE ? 0.5 : 1.0;
        return 2 * upper * scale / ((double) n * n);
    }
}
