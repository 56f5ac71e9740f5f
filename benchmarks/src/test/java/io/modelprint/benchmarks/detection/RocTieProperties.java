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
package io.modelprint.benchmarks.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Laws of AUC with ties and of TPR at a bounded FPR. */
class RocTieProperties {

    // distances drawn from few values, so that ties are common
    private static double[] coarse(List<Integer> values) {
        return values.stream().mapToDouble(v -> v / 4.0).toArray();
    }

    @Property
    void aucWithTiesIsTheMannWhitneyStatisticFromMidranks(
            @ForAll @Size(min = 1, max = 15) List<@IntRange(min = 0, max = 4) Integer> neg,
            @ForAll @Size(min = 1, max = 15) List<@IntRange(min = 0, max = 4) Integer> pos) {
        double[] n = coarse(neg);
        double[] p = coarse(pos);
        // midranks of the pooled sample, ranking large distances first: U of the negatives over the positives
        double[] all = new double[n.length + p.length];
        System.arraycopy(n, 0, all, 0, n.length);
        System.arraycopy(p, 0, all, n.length, p.length);
        double rankSum = 0;
        for (double x : n) {
            long below = Arrays.stream(all).filter(y -> y < x).count();
            long tied = Arrays.stream(all).filter(y -> y == x).count();
            rankSum += below + (tied + 1) / 2.0;
        }
        double u = rankSum - n.length * (n.length + 1) / 2.0;
        assertEquals(u / ((double) n.length * p.length), Roc.auc(n, p), 1e-12);
    }

    @Property
    void aucAndTprAreUnchangedByOrderAndNeverFallWhenCopiesMoveCloser(
            @ForAll @Size(min = 1, max = 15) List<@IntRange(min = 0, max = 4) Integer> neg,
            @ForAll @Size(min = 1, max = 15) List<@IntRange(min = 0, max = 4) Integer> pos,
            @ForAll @DoubleRange(min = 0, max = 1) double shift) {
        double[] n = coarse(neg);
        double[] p = coarse(pos);
        double[] reversed = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            reversed[i] = p[p.length - 1 - i];
        }
        assertEquals(Roc.auc(n, p), Roc.auc(n, reversed), 1e-12);
        assertEquals(Roc.tprAtFpr(n, p, 0.05), Roc.tprAtFpr(n, reversed, 0.05), 1e-12);
        double[] closer = Arrays.stream(p).map(x -> x - shift).toArray();
        assertTrue(Roc.auc(n, closer) >= Roc.auc(n, p) - 1e-12);
        assertTrue(Roc.tprAtFpr(n, closer, 0.05) >= Roc.tprAtFpr(n, p, 0.05) - 1e-12);
    }

    @Property
    void tprAtFprIsWhatTheBestAdmissibleThresholdCatches(
            @ForAll @Size(min = 1, max = 25) List<@IntRange(min = 0, max = 6) Integer> neg,
            @ForAll @Size(min = 1, max = 15) List<@IntRange(min = 0, max = 6) Integer> pos,
            @ForAll @DoubleRange(min = 0, max = 1) double maxFpr) {
        double[] n = coarse(neg);
        double[] p = coarse(pos);
        // brute force: every threshold "flag distance <= t", t at every distance and below all of them
        double best = 0;
        double[] thresholds = new double[n.length + p.length + 1];
        System.arraycopy(n, 0, thresholds, 0, n.length);
        System.arraycopy(p, 0, thresholds, n.length, p.length);
        thresholds[thresholds.length - 1] = -1;
        for (double t : thresholds) {
            long fp = Arrays.stream(n).filter(x -> x <= t).count();
            if (fp <= maxFpr * n.length + 1e-9) {
                best = Math.max(best, Arrays.stream(p).filter(x -> x <= t).count() / (double) p.length);
            }
        }
        assertEquals(best, Roc.tprAtFpr(n, p, maxFpr), 1e-12);
        assertEquals(1.0, Roc.tprAtFpr(n, p, 1.0), 1e-12, "every threshold is admissible at FPR 1");
    }
}
