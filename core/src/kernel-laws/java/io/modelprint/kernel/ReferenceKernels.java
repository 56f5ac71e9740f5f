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

/**
 * The kernels written straight from their definitions, in {@code double}, with no tiling, no
 * threads and no shortcut: the oracle every backend (plain Java included) is held to. Slow on
 * purpose; tests only.
 */
final class ReferenceKernels {

    private ReferenceKernels() {
    }

    /** Unit rows in double; a zero row stays zero. */
    static double[][] unitRows(Matrix m) {
        double[][] u = new double[m.rows()][m.cols()];
        for (int i = 0; i < m.rows(); i++) {
            double sq = 0;
            for (int k = 0; k < m.cols(); k++) {
                sq += (double) m.get(i, k) * m.get(i, k);
            }
            double norm = sq > 0 ? Math.sqrt(sq) : 1;
            for (int k = 0; k < m.cols(); k++) {
                u[i][k] = m.get(i, k) / norm;
            }
        }
        return u;
    }

    /** Entry (i, j) is f(<u_i, u_j>); the diagonal is f(1) by definition. */
    static double[][] correlationMatrix(Matrix outputs, CorrelationFunction f) {
        double[][] u = unitRows(outputs);
        int n = u.length;
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                c[i][j] = f.apply(i == j ? 1.0 : dot(u[i], u[j]));
            }
        }
        return c;
    }

    /**
     * SAC's distance: the mean over all {@code N^2} entries of {@code |f(<a_i, a_j>) - f(<b_i, b_j>)|},
     * entry by entry, without keeping the matrices.
     */
    static double distance(Matrix a, Matrix b, CorrelationFunction f) {
        double[][] ua = unitRows(a);
        double[][] ub = unitRows(b);
        int n = ua.length;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double ca = f.apply(i == j ? 1.0 : dot(ua[i], ua[j]));
                double cb = f.apply(i == j ? 1.0 : dot(ub[i], ub[j]));
                sum += Math.abs(ca - cb);
            }
        }
        return sum / ((double) n * n);
    }

    private static double dot(double[] x, double[] y) {
        double s = 0;
        for (int k = 0; k < x.length; k++) {
            s += x[k] * y[k];
        }
        return s;
    }
}
