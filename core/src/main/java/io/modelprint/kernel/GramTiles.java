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
 * The blocked inner loops of {@link JavaKernels}: Gram products of unit rows computed tile by
 * tile, and what is done with each tile (written out as correlations, or reduced to SAC's
 * distance on the fly).
 *
 * <p>A row {@code u_i} is multiplied against the unit rows stored column by column (one
 * {@code float[N]} per class), so that every inner loop runs over consecutive queries {@code j}
 * with no reduction inside it and with every array indexed by the same {@code j}: the only
 * shape C2 (JDK 17) turns into SIMD code on its own, without the incubating Vector API. A
 * differing offset between two arrays of one loop (say {@code acc[t]} and {@code col[from + t]})
 * is enough to keep it scalar. Four classes are folded per pass to cut the loads and stores of the
 * accumulator row.
 *
 * <p>Work is split into blocks of {@value #TILE_ROWS} rows against the queries to their right
 * (the upper triangle: both matrices are symmetric), walked in tiles of {@value #TILE_COLUMNS}
 * columns so that the accumulator rows and the column panel stay in cache. Blocks run on the
 * common fork-join pool when the product is big enough to pay for it.
 */
final class GramTiles {

    /** Rows per task: enough work to amortise a task, few enough rows to balance two cores. */
    static final int TILE_ROWS = 64;

    /**
     * Columns per tile: the accumulator rows (4 KB each) stay in L1 and the loops are long enough to
     * hide their set-up; measured flat from 512 to 4096 at C = 10, 100 and 1000.
     */
    static final int TILE_COLUMNS = 1024;

    /** Below this many multiply-adds a product runs on the calling thread (a task costs ~10 us). */
    static final long PARALLEL_THRESHOLD = 1L << 21;

    private GramTiles() {
    }

    /** The columns of a row-major {@code rows x cols} array: {@code out[k][j] = in[j * cols + k]}. */
    static float[][] columns(float[] rowMajor, int rows, int cols) {
        float[][] out = new float[cols][rows];
        for (int j = 0; j < rows; j++) {
            int base = j * cols;
            for (int k = 0; k < cols; k++) {
                out[k][j] = rowMajor[base + k];
            }
        }
        return out;
    }

    /** The row blocks of an {@code n}-row product, in parallel when {@code n * n * classes / 2} is large. */
    static IntStream rowBlocks(int n, long classes) {
        int blocks = (n + TILE_ROWS - 1) / TILE_ROWS;
        IntStream s = IntStream.range(0, blocks);
        return (long) n * n * classes / 2 > PARALLEL_THRESHOLD ? s.parallel() : s;
    }

    /**
     * {@code acc[j] = <u_row, u_j>} for {@code from <= j < end}.
     *
     * @param unit    the unit rows, row-major {@code n x c}
     * @param columns the same values by class ({@link #columns})
     */
    static void gramRow(float[] unit, int row, float[][] columns, int from, int end, float[] acc) {
        int c = columns.length;
        int base = row * c;
        int k = c & 3;
        // the first pass assigns, so the accumulators need no clearing
        switch (k) {
            case 1 -> assign1(unit[base], columns[0], from, end, acc);
            case 2 -> assign2(unit[base], unit[base + 1], columns[0], columns[1], from, end, acc);
            case 3 -> assign3(unit[base], unit[base + 1], unit[base + 2], columns[0], columns[1], columns[2], from,
                    end, acc);
            default -> {
                assign3(unit[base], unit[base + 1], unit[base + 2], columns[0], columns[1], columns[2], from, end, acc);
                add1(unit[base + 3], columns[3], from, end, acc);
                k = 4;
            }
        }
        for (; k < c; k += 4) {
            add4(unit[base + k], unit[base + k + 1], unit[base + k + 2], unit[base + k + 3], columns[k], columns[k + 1],
                    columns[k + 2], columns[k + 3], from, end, acc);
        }
    }

    private static void assign1(float a0, float[] c0, int from, int end, float[] acc) {
        for (int j = from; j < end; j++) {
            acc[j] = a0 * c0[j];
        }
    }

    private static void assign2(float a0, float a1, float[] c0, float[] c1, int from, int end, float[] acc) {
        for (int j = from; j < end; j++) {
            acc[j] = Math.fma(a1, c1[j], a0 * c0[j]);
        }
    }

    private static void assign3(float a0, float a1, float a2, float[] c0, float[] c1, float[] c2, int from, int end,
            float[] acc) {
        for (int j = from; j < end; j++) {
            acc[j] = Math.fma(a2, c2[j], Math.fma(a1, c1[j], a0 * c0[j]));
        }
    }

    private static void add1(float a0, float[] c0, int from, int end, float[] acc) {
        for (int j = from; j < end; j++) {
            acc[j] = Math.fma(a0, c0[j], acc[j]);
        }
    }

    private static void add4(float a0, float a1, float a2, float a3, float[] c0, float[] c1, float[] c2, float[] c3,
            int from, int end, float[] acc) {
        for (int j = from; j < end; j++) {
            acc[j] = Math.fma(a3, c3[j], Math.fma(a2, c2[j], Math.fma(a1, c1[j], Math.fma(a0, c0[j], acc[j]))));
        }
    }

    /**
     * Sum over the pairs {@code j > i} of the rows in {@code block} of {@code |f(gA_ij) - f(gB_ij)|},
     * except that for the cosine function the constant factor 1/2 is left to the caller.
     */
    static double blockDistance(int block, float[] unitA, float[][] columnsA, float[] unitB, float[][] columnsB, int n,
            CorrelationFunction f) {
        int i0 = block * TILE_ROWS;
        int i1 = Math.min(n, i0 + TILE_ROWS);
        // indexed by query j like the columns, so that every loop vectorises (see the class comment)
        float[] accA = new float[n];
        float[] accB = new float[n];
        float[] partial = new float[n];
        boolean cosine = f.kind() == CorrelationFunction.Kind.COSINE;
        double sum = 0;
        for (int j0 = i0; j0 < n; j0 += TILE_COLUMNS) {
            int end = Math.min(n, j0 + TILE_COLUMNS);
            for (int i = i0; i < i1; i++) {
                int from = Math.max(j0, i + 1);
                if (from >= end) {
                    continue;
                }
                gramRow(unitA, i, columnsA, from, end, accA);
                gramRow(unitB, i, columnsB, from, end, accB);
                if (cosine) {
                    addCosineGaps(accA, accB, partial, from, end);
                } else {
                    addGaussianGaps(accA, accB, partial, from, end, f.gamma());
                }
            }
            // a lane holds at most TILE_ROWS terms, so float is exact enough there; the total is double
            for (int j = j0; j < end; j++) {
                sum += partial[j];
            }
        }
        return sum;
    }

    /**
     * {@code partial[j] += |a_j - b_j|}: twice the gap between the cosine correlations. Unlike
     * {@link CorrelationFunction#apply} this does not clamp the dot products to [-1, 1]: clamping
     * moves a gap by at most the amount rounding pushed a dot product past 1 (about C * 2^-24),
     * the size of the rounding error already in it, and it would double the cost of this loop.
     */
    static void addCosineGaps(float[] a, float[] b, float[] partial, int from, int end) {
        for (int j = from; j < end; j++) {
            partial[j] += Math.abs(a[j] - b[j]);
        }
    }

    /** {@code partial[j] += |exp(-gamma (2 - 2 a_j)) - exp(-gamma (2 - 2 b_j))|}, dot products clamped. */
    static void addGaussianGaps(float[] a, float[] b, float[] partial, int from, int end, double gamma) {
        double twoGamma = 2 * gamma;
        for (int j = from; j < end; j++) {
            double ga = Math.max(-1f, Math.min(1f, a[j]));
            double gb = Math.max(-1f, Math.min(1f, b[j]));
            partial[j] += (float) Math.abs(Math.exp(twoGamma * (ga - 1)) - Math.exp(twoGamma * (gb - 1)));
        }
    }

    /**
     * Writes the upper triangle (diagonal included) of the correlation matrix for the rows in
     * {@code block} into {@code out}; the diagonal gets {@code f(1)}.
     */
    static void blockCorrelations(int block, float[] unit, float[][] columns, int n, CorrelationFunction f,
            float[] out) {
        int i0 = block * TILE_ROWS;
        int i1 = Math.min(n, i0 + TILE_ROWS);
        float[] acc = new float[n];
        float diagonal = (float) f.diagonal();
        for (int j0 = i0; j0 < n; j0 += TILE_COLUMNS) {
            int end = Math.min(n, j0 + TILE_COLUMNS);
            for (int i = i0; i < i1; i++) {
                int from = Math.max(j0, i);
                if (from >= end) {
                    continue;
                }
                gramRow(unit, i, columns, from, end, acc);
                if (f.kind() == CorrelationFunction.Kind.COSINE) {
                    cosineInPlace(acc, from, end);
                } else {
                    gaussianInPlace(acc, from, end, f.gamma());
                }
                if (from == i) {
                    acc[i] = diagonal;
                }
                // copied out rather than written in the loop above: out[i * n + j] would not vectorise
                System.arraycopy(acc, from, out, i * n + from, end - from);
            }
        }
    }

    private static void cosineInPlace(float[] g, int from, int end) {
        for (int j = from; j < end; j++) {
            g[j] = (1f - Math.max(-1f, Math.min(1f, g[j]))) * 0.5f;
        }
    }

    private static void gaussianInPlace(float[] g, int from, int end, double gamma) {
        double twoGamma = 2 * gamma;
        for (int j = from; j < end; j++) {
            g[j] = (float) Math.exp(twoGamma * (Math.max(-1f, Math.min(1f, g[j])) - 1));
        }
    }

    /** Copies the upper triangle to the lower one for the columns of {@code block}, square by square. */
    static void mirrorBlock(int block, int n, float[] out) {
        int i0 = block * TILE_ROWS;
        int i1 = Math.min(n, i0 + TILE_ROWS);
        // entries (j, i) with j > i for the i of this block; walked in 64-row squares to stay in cache
        for (int j0 = i0; j0 < n; j0 += TILE_ROWS) {
            int j1 = Math.min(n, j0 + TILE_ROWS);
            for (int j = j0; j < j1; j++) {
                int row = j * n;
                int last = Math.min(i1, j);
                for (int i = i0; i < last; i++) {
                    out[row + i] = out[i * n + j];
                }
            }
        }
    }
}
