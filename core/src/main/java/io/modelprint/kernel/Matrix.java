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

import java.util.Arrays;
import java.util.Objects;

/**
 * A dense row-major matrix of {@code float} values: the shape every kernel reads and writes.
 *
 * <p>Model outputs on a query set are an {@code N x C} matrix (one row per query); SAC's
 * correlation matrix is {@code N x N}. The array is shared, not copied, so that large
 * matrices cost no second allocation: treat it as read-only once a {@code Matrix} wraps it.
 *
 * <pre>{@code
 * Matrix outputs = Matrix.of(2, 3, new float[] {0.1f, 0.7f, 0.2f, 0.8f, 0.1f, 0.1f});
 * float p = outputs.get(1, 0); // 0.8
 * }</pre>
 *
 * @param rows number of rows, at least 1
 * @param cols number of columns, at least 1
 * @param data {@code rows * cols} values, row after row
 */
public record Matrix(int rows, int cols, float[] data) {

    /** Checks the shape against the data. */
    public Matrix {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException(
                    "a matrix needs at least one row and one column, got " + rows + " x " + cols);
        }
        if (data == null) {
            throw new IllegalArgumentException("matrix data is null");
        }
        if ((long) rows * cols != data.length) {
            throw new IllegalArgumentException("a " + rows + " x " + cols + " matrix needs "
                    + ((long) rows * cols) + " values, got " + data.length);
        }
    }

    /** Wraps {@code data} (not copied) as a {@code rows x cols} matrix. */
    public static Matrix of(int rows, int cols, float[] data) {
        return new Matrix(rows, cols, data);
    }

    /** A matrix of zeros. */
    public static Matrix zeros(int rows, int cols) {
        return new Matrix(rows, cols, new float[Math.multiplyExact(rows, cols)]);
    }

    /**
     * One row per label: 1 at the label's column, 0 elsewhere.
     *
     * @throws IllegalArgumentException if a label is outside {@code [0, numClasses)}
     */
    public static Matrix oneHot(int[] labels, int numClasses) {
        float[] d = new float[Math.multiplyExact(labels.length, numClasses)];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= numClasses) {
                throw new IllegalArgumentException("label " + labels[i] + " at " + i + " is outside [0, " + numClasses + ")");
            }
            d[i * numClasses + labels[i]] = 1f;
        }
        return new Matrix(labels.length, numClasses, d);
    }

    /** Copies a rectangular {@code double[][]} (handy in tests and adapters). */
    public static Matrix fromRows(double[][] rows) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("no rows given");
        }
        int cols = rows[0].length;
        float[] data = new float[Math.multiplyExact(rows.length, cols)];
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != cols) {
                throw new IllegalArgumentException("row " + r + " has " + rows[r].length
                        + " values, row 0 has " + cols + ": rows must have equal length");
            }
            for (int c = 0; c < cols; c++) {
                data[r * cols + c] = (float) rows[r][c];
            }
        }
        return new Matrix(rows.length, cols, data);
    }

    /** The value at {@code (row, col)}. */
    public float get(int row, int col) {
        Objects.checkIndex(col, cols);
        return data[Objects.checkIndex(row, rows) * cols + col];
    }

    /** A copy of one row. */
    public float[] row(int row) {
        return Arrays.copyOfRange(data, row * cols, (row + 1) * cols);
    }

    /** A new matrix holding the given rows, in the given order. */
    public Matrix selectRows(int[] indices) {
        float[] out = new float[Math.multiplyExact(indices.length, cols)];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(data, indices[i] * cols, out, i * cols, cols);
        }
        return new Matrix(indices.length, cols, out);
    }

    /** The index of the first value that is NaN or infinite, or -1 if all are finite. */
    public int firstNonFinite() {
        for (int i = 0; i < data.length; i++) {
            if (!Float.isFinite(data[i])) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Matrix m && m.rows == rows && m.cols == cols && Arrays.equals(m.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Matrix[" + rows + " x " + cols + "]";
    }
}
