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
 * Argument checks shared by every backend, so that all of them fail with the same message.
 *
 * <pre>{@code
 * public double meanAbsoluteDifference(Matrix a, Matrix b) {
 *     KernelChecks.sameShape(a, b);
 *     ...
 * }
 * }</pre>
 */
public final class KernelChecks {

    private KernelChecks() {
    }

    /** Two matrices of the same shape, as the mean absolute difference needs. */
    public static void sameShape(Matrix a, Matrix b) {
        if (a.rows() != b.rows() || a.cols() != b.cols()) {
            throw new IllegalArgumentException("cannot compare a " + a.rows() + " x " + a.cols()
                    + " matrix with a " + b.rows() + " x " + b.cols()
                    + " matrix: correlation matrices of the same query set have the same shape");
        }
    }

    /** Two output matrices over the same queries. */
    public static void sameRowCount(Matrix a, Matrix b) {
        if (a.rows() != b.rows()) {
            throw new IllegalArgumentException("outputs cover " + a.rows() + " and " + b.rows()
                    + " queries: both models must answer the same query set");
        }
    }
}
