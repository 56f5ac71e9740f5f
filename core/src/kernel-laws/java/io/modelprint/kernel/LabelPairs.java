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
 * Counts, in O(N + k^2), the ordered pairs of queries {@code (i, j)} on which two labelings
 * disagree about "same class": the exact label-only distance, at any N, to check kernels against.
 */
public final class LabelPairs {

    private LabelPairs() {
    }

    /**
     * The number of ordered pairs {@code (i, j)} with {@code (a_i == a_j) != (b_i == b_j)}.
     * Pairs in one class under {@code a}, plus those under {@code b}, minus twice those under both.
     */
    public static double pairsWhoseAgreementDiffers(int[] a, int[] b, int classes) {
        long[] inA = new long[classes];
        long[] inB = new long[classes];
        long[][] inBoth = new long[classes][classes];
        for (int i = 0; i < a.length; i++) {
            inA[a[i]]++;
            inB[b[i]]++;
            inBoth[a[i]][b[i]]++;
        }
        double sameA = 0;
        double sameB = 0;
        double sameBoth = 0;
        for (int x = 0; x < classes; x++) {
            sameA += (double) inA[x] * inA[x];
            sameB += (double) inB[x] * inB[x];
            for (int y = 0; y < classes; y++) {
                sameBoth += (double) inBoth[x][y] * inBoth[x][y];
            }
        }
        return sameA + sameB - 2 * sameBoth;
    }
}
