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
import io.modelprint.kernel.KernelChecks;
import io.modelprint.kernel.Matrix;

/**
 * The baseline of the kernel benchmarks: the straightforward loops, as modelprint's plain-Java
 * kernels were before they were tiled. One thread; dot products and sums in {@code double}; the
 * correlation matrix and the distance already use the symmetry (upper triangle only), so a ratio
 * to this baseline counts tiling, SIMD and the second core, not the halving.
 *
 * <pre>{@code
 * double d = new BaselineLoops().fusedDistance(a, b, CorrelationFunction.cosine());
 * }</pre>
 */
public final class BaselineLoops implements KernelBackend {

    @Override
    public String name() {
        return "baseline";
    }

    @Override
    public int priority() {
        return -1;
    }

    @Override
    public Matrix normalizeRows(Matrix outputs) {
        int n = outputs.rows();
        int c = outputs.cols();
        float[] in = outputs.data();
        float[] out = new float[in.length];
        for (int i = 0; i < n; i++) {
            double sq = 0;
            for (int k = 0; k < c; k++) {
                sq += (double) in[i * c + k] * in[i * c + k];
            }
            double inv = sq > 0 ? 1.0 / Math.sqrt(sq) : 1.0;
            for (int k = 0; k < c; k++) {
                out[i * c + k] = (float) (in[i * c + k] * inv);
            }
        }
        return Matrix.of(n, c, out);
    }

    @Override
    public Matrix correlationMatrix(Matrix outputs, CorrelationFunction f) {
        float[] u = normalizeRows(outputs).data();
        int n = outputs.rows();
        int c = outputs.cols();
        float[] out = new float[Math.multiplyExact(n, n)];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                float v = (float) f.apply(i == j ? 1.0 : dot(u, i, u, j, c));
                out[i * n + j] = v;
                out[j * n + i] = v;
            }
        }
        return Matrix.of(n, n, out);
    }

    @Override
    public double meanAbsoluteDifference(Matrix a, Matrix b) {
        KernelChecks.sameShape(a, b);
        float[] x = a.data();
        float[] y = b.data();
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += Math.abs((double) x[i] - y[i]);
        }
        return sum / x.length;
    }

    @Override
    public double fusedDistance(Matrix outputsA, Matrix outputsB, CorrelationFunction f) {
        KernelChecks.sameRowCount(outputsA, outputsB);
        float[] ua = normalizeRows(outputsA).data();
        float[] ub = normalizeRows(outputsB).data();
        int n = outputsA.rows();
        int ca = outputsA.cols();
        int cb = outputsB.cols();
        double sum = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                sum += Math.abs(f.apply(dot(ua, i, ua, j, ca)) - f.apply(dot(ub, i, ub, j, cb)));
            }
        }
        return 2 * sum / ((double) n * n);
    }

    private static double dot(float[] u, int i, float[] v, int j, int c) {
        double s = 0;
        for (int k = 0; k < c; k++) {
            s += (double) u[i * c + k] * v[j * c + k];
        }
        return s;
    }
}
