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
package io.modelprint.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.LabeledImages;
import io.modelprint.Model;
import io.modelprint.Models;
import io.modelprint.OutputKind;
import io.modelprint.Predictions;
import io.modelprint.ProgressListener;
import io.modelprint.TestModels;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BlindWalkTest {

    private static final LabeledImages DATA = TestModels.taskData(20, 4, 11, 0.1, 1);

    private static long[] seeds(int n) {
        return new SplittableRandom(9).longs(n).toArray();
    }

    /** A model that answers class 0 for everything: no walk ever changes its label on class-0 samples. */
    private static Model constant() {
        return Models.of("constant", TestModels.SHAPE, 4, OutputKind.LABELS, b -> Predictions.ofLabels(new int[b.count()], 4));
    }

    private static LabeledImages allClassZero() {
        return DATA.relabel(new int[DATA.size()]);
    }

    @Test
    void aWalkThatNeverChangesTheLabelCostsEveryStepAndRecordsMaxStepsPlusOne() {
        BlindWalk walk = new BlindWalk(2, List.of(Norm.L2), 5, 1);
        Model m = constant();
        Embedder.Embedded e = walk.embed(m, allClassZero(), seeds(20), QueryAllowance.unlimited(), ProgressListener.NONE, "t");
        assertEquals(20, e.features().length);
        assertEquals(20L * 2 * 5, e.queries());
        assertEquals(e.queries(), m.queryCount());
        for (double[] row : e.features()) {
            assertArrayEquals(new double[] {6, 6}, row);
        }
    }

    @Test
    void theBudgetStopsBetweenChunksAndIsNeverPassed() {
        BlindWalk walk = new BlindWalk(2, List.of(Norm.L2), 5, 1);
        // a chunk of 8 samples costs 8 x 2 walks x 5 steps = 80; the last chunk of 4 costs 40
        Model exact = constant();
        Embedder.Embedded all = walk.embed(exact, allClassZero(), seeds(20), new QueryAllowance(200), ProgressListener.NONE, "t");
        assertEquals(20, all.features().length);
        assertEquals(200, all.queries());
        Model short1 = constant();
        Embedder.Embedded cut = walk.embed(short1, allClassZero(), seeds(20), new QueryAllowance(199), ProgressListener.NONE, "t");
        assertEquals(16, cut.features().length, "the last chunk could not finish");
        assertTrue(cut.queries() <= 199, cut.queries() + " queries");
        assertEquals(cut.queries(), short1.queryCount());
    }

    @Test
    void aLabelThatDiffersAtOnceStopsEveryWalkAtTheFirstStep() {
        BlindWalk walk = new BlindWalk(3, List.of(Norm.L1, Norm.LINF), 50, 1);
        LabeledImages ones = DATA.relabel(filled(DATA.size(), 1));
        Embedder.Embedded e = walk.embed(constant(), ones, seeds(20), QueryAllowance.unlimited(), ProgressListener.NONE, "t");
        assertEquals(20L * 6, e.queries());
        for (double[] row : e.features()) {
            assertArrayEquals(new double[] {1, 1, 1, 1, 1, 1}, row);
        }
    }

    @Test
    void theSameSeedsGiveTheSameStepCountsSortedWithinEachNorm() {
        BlindWalk walk = new BlindWalk(4, List.of(Norm.L1, Norm.L2, Norm.LINF), 50, 20);
        Model victim = TestModels.linear("linear", 4, 11, OutputKind.LABELS);
        double[][] a = walk.embed(victim, DATA, seeds(20), QueryAllowance.unlimited(), ProgressListener.NONE, "t").features();
        double[][] b = walk.embed(victim, DATA, seeds(20), QueryAllowance.unlimited(), ProgressListener.NONE, "t").features();
        assertTrue(Arrays.deepEquals(a, b));
        boolean varied = false;
        for (double[] row : a) {
            for (int g = 0; g < 3; g++) {
                double[] part = Arrays.copyOfRange(row, 4 * g, 4 * g + 4);
                double[] sorted = part.clone();
                Arrays.sort(sorted);
                assertArrayEquals(sorted, part);
                varied |= part[0] != part[3];
            }
        }
        assertTrue(varied, "random directions of one sample should meet the boundary at different steps");
    }

    @Test
    void settingsOutOfRangeAreNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new BlindWalk(0, List.of(Norm.L2), 5, 1))
                .getMessage().contains("direction"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new BlindWalk(1, List.of(Norm.L2, Norm.L2), 5, 1))
                .getMessage().contains("distinct norms"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new BlindWalk(1, List.of(Norm.L2), 0, 1))
                .getMessage().contains("maxSteps"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BlindWalk.defaults().withStepScale(Double.NaN))
                .getMessage().contains("step scale"));
        assertEquals(30, BlindWalk.defaults().features());
        assertEquals(1500, BlindWalk.defaults().maxQueriesPerSample());
    }

    private static int[] filled(int n, int v) {
        int[] a = new int[n];
        Arrays.fill(a, v);
        return a;
    }
}
