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
package io.modelprint.query;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Which owner samples a query builder takes, and the one place where they are drawn: the first
 * ones, as SAC's reference takes the first test images, or a seeded random choice without
 * repetition (a partial Fisher-Yates shuffle, so the same seed always gives the same samples).
 *
 * <pre>{@code
 * int[] picked = SampleSelection.RANDOM.choose(10_000, 100, new SplittableRandom(3));
 * int[] mistakes = SampleSelection.FIRST.from(List.of(4, 8, 15, 16), 2, rng);   // {4, 8}
 * }</pre>
 */
public enum SampleSelection {
    /** The first {@code n} samples. */
    FIRST,
    /** A seeded random choice of {@code n} samples without repetition. */
    RANDOM;

    /**
     * {@code n} distinct indices of {@code [0, total)}. FIRST draws nothing from {@code rng}.
     *
     * @throws IllegalArgumentException if {@code n > total} or {@code n < 0}
     */
    public int[] choose(int total, int n, SplittableRandom rng) {
        if (n < 0 || n > total) {
            throw new IllegalArgumentException("cannot choose " + n + " of " + total + " samples");
        }
        int[] all = new int[total];
        Arrays.setAll(all, i -> i);
        if (this == RANDOM) {
            for (int i = 0; i < n; i++) {
                int j = i + rng.nextInt(total - i);
                int t = all[i];
                all[i] = all[j];
                all[j] = t;
            }
        }
        return Arrays.copyOf(all, n);
    }

    /**
     * {@code n} distinct elements of {@code candidates}, chosen as {@link #choose} chooses indices.
     *
     * @throws IllegalArgumentException if {@code n > candidates.size()} or {@code n < 0}
     */
    public int[] from(List<Integer> candidates, int n, SplittableRandom rng) {
        int[] pick = choose(candidates.size(), n, rng);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = candidates.get(pick[i]);
        }
        return out;
    }

    /** A uniformly random permutation of {@code [0, n)}. */
    public static int[] permutation(int n, SplittableRandom rng) {
        return RANDOM.choose(n, n, rng);
    }
}
