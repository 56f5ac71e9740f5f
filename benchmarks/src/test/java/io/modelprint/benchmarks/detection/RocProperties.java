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
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class RocProperties {

    @Test
    void perfectChanceAndReversedSeparation() {
        assertEquals(1.0, Roc.auc(new double[] {0.5, 0.6}, new double[] {0.1, 0.2}));
        assertEquals(0.0, Roc.auc(new double[] {0.1, 0.2}, new double[] {0.5, 0.6}));
        assertEquals(0.5, Roc.auc(new double[] {0.3, 0.3}, new double[] {0.3}));
        assertEquals(1.0, Roc.tprAtFpr(new double[] {0.5, 0.6}, new double[] {0.1, 0.2}, 0.05));
        // one negative below every positive: no threshold with FPR <= 5% flags a positive... except those below it
        assertEquals(0.5, Roc.tprAtFpr(new double[] {0.15, 0.9}, new double[] {0.1, 0.2}, 0.05));
    }

    @Property
    void aucIsTheShareOfCorrectlyOrderedPairsAndComplementsItsMirror(
            @ForAll @Size(min = 1, max = 20) List<@DoubleRange(min = 0, max = 1) Double> neg,
            @ForAll @Size(min = 1, max = 20) List<@DoubleRange(min = 0, max = 1) Double> pos) {
        double[] n = neg.stream().mapToDouble(Double::doubleValue).toArray();
        double[] p = pos.stream().mapToDouble(Double::doubleValue).toArray();
        double auc = Roc.auc(n, p);
        assertTrue(auc >= 0 && auc <= 1);
        assertEquals(1.0, auc + Roc.auc(p, n), 1e-12);
        // the trapezoid area under the curve equals the pairwise AUC
        List<Roc.Point> c = Roc.curve(n, p);
        double area = 0;
        for (int i = 1; i < c.size(); i++) {
            area += (c.get(i).fpr() - c.get(i - 1).fpr()) * (c.get(i).tpr() + c.get(i - 1).tpr()) / 2;
        }
        assertEquals(auc, area, 1e-9);
        assertEquals(1.0, c.get(c.size() - 1).fpr(), 1e-12);
        assertEquals(1.0, c.get(c.size() - 1).tpr(), 1e-12);
        double tpr = Roc.tprAtFpr(n, p, 0.05);
        assertTrue(tpr >= 0 && tpr <= 1);
        assertTrue(Roc.tprAtFpr(n, p, 0.5) >= tpr);
        assertTrue(Arrays.stream(n).min().isPresent());
    }
}
