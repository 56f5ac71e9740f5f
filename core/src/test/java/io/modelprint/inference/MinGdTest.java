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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.ImageBatch;
import io.modelprint.LabeledImages;
import io.modelprint.OutputKind;
import io.modelprint.ProgressListener;
import io.modelprint.TestModels;
import io.modelprint.kernel.Matrix;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MinGdTest {

    private static final int D = TestModels.SHAPE.size();
    private static final double MARGIN = 0.73;

    /** Two classes, w0 = 0 and w1 random; the sample sits at L2 distance {@link #MARGIN} on class 0's side. */
    private record Setup(MemorizingModel model, LabeledImages sample, double[] w1) {
    }

    private static Setup setup() {
        SplittableRandom rng = new SplittableRandom(5);
        double[] w = new double[2 * D];
        double[] w1 = new double[D];
        double sq = 0;
        for (int k = 0; k < D; k++) {
            w1[k] = rng.nextGaussian();
            w[D + k] = w1[k];
            sq += w1[k] * w1[k];
        }
        double norm = Math.sqrt(sq);
        double s0 = 0;
        for (int k = 0; k < D; k++) {
            s0 += 0.5 * w1[k];
        }
        float[] x = new float[D];
        double shift = (s0 + MARGIN * norm) / sq;
        for (int k = 0; k < D; k++) {
            x[k] = (float) (0.5 - shift * w1[k]);
        }
        MemorizingModel m = new MemorizingModel("linear", 2, w, null, 0, 1, OutputKind.LOGITS);
        return new Setup(m, new LabeledImages(ImageBatch.of(TestModels.SHAPE, x), new int[] {0}, 2), w1);
    }

    private static double[] distances(MinGd gd, Setup s) {
        return gd.embed(s.model(), s.sample(), new long[1], QueryAllowance.unlimited(), ProgressListener.NONE, "t")
                .features()[0];
    }

    @Test
    void theL2DescentReachesTheBoundaryWithinOneStepOfTheExactDistance() {
        Setup s = setup();
        double found = distances(MinGd.defaults().withNorms(List.of(Norm.L2)), s)[0];
        // the gradient of the cross-entropy towards class 1 points along w1, so the walk is straight
        assertTrue(found >= MARGIN - 1e-4 && found <= MARGIN + 0.1 + 1e-4, "found " + found);
        assertEquals(0.8, found, 1e-3);
    }

    @Test
    void theLinfDescentReachesTheBoundaryWithinOneStepOfTheExactDistance() {
        Setup s = setup();
        double l1 = 0;
        double l2 = 0;
        for (double v : s.w1()) {
            l1 += Math.abs(v);
            l2 += v * v;
        }
        double exact = MARGIN * Math.sqrt(l2) / l1;
        double found = distances(MinGd.defaults().withNorms(List.of(Norm.LINF)), s)[0];
        assertTrue(found >= exact - 1e-4 && found <= exact + 0.01 + 1e-4, "found " + found + ", exact " + exact);
    }

    @Test
    void theL1DescentStopsNoCloserThanTheExactL1Distance() {
        Setup s = setup();
        double max = 0;
        for (double v : s.w1()) {
            max = Math.max(max, Math.abs(v));
        }
        double l2 = 0;
        for (double v : s.w1()) {
            l2 += v * v;
        }
        double exact = MARGIN * Math.sqrt(l2) / max;
        double found = distances(MinGd.defaults().withNorms(List.of(Norm.L1)), s)[0];
        assertTrue(found >= exact - 1e-4 && found < 10 * exact, "found " + found + ", exact " + exact);
        Matrix z = s.model().logits(s.sample().images());
        assertTrue(z.get(0, 0) > z.get(0, 1), "the sample starts on class 0's side");
    }

    @Test
    void everyGradientPassCountsAndTheBudgetStopsTheEmbedding() {
        LabeledImages data = TestModels.taskData(20, 3, 4, 0, 2);
        MemorizingModel m = new MemorizingModel("m", 3, TestModels.perturbedWeights(3, 4, 0.1, 1), null, 0, 1,
                OutputKind.LOGITS);
        MinGd gd = MinGd.defaults().withMaxIterations(20);
        Embedder.Embedded all = gd.embed(m, data, new long[20], QueryAllowance.unlimited(), ProgressListener.NONE, "t");
        assertEquals(20, all.features().length);
        assertTrue(all.queries() >= 20L * gd.features(3), all.queries() + " passes");
        assertTrue(all.queries() <= 20L * gd.features(3) * 21, all.queries() + " passes");
        QueryAllowance small = new QueryAllowance(all.queries() / 2);
        Embedder.Embedded cut = gd.embed(m, data, new long[20], small, ProgressListener.NONE, "t");
        assertTrue(cut.features().length < 20 && cut.features().length % MinGd.CHUNK == 0, cut.features().length + " rows");
        assertTrue(cut.queries() <= all.queries() / 2);
    }

    @Test
    void aBlackBoxIsRefusedWithTheWayOut() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MinGd.defaults().embed(
                TestModels.linear("api", 3, 1, OutputKind.PROBABILITIES), TestModels.taskData(4, 3, 1, 0, 1), new long[4],
                QueryAllowance.unlimited(), ProgressListener.NONE, "t"));
        assertTrue(e.getMessage().contains("not a WhiteBoxModel") && e.getMessage().contains("BLIND_WALK"), e.getMessage());
    }

    @Test
    void theCrossEntropyGradientIsSoftmaxMinusOneHot() {
        Matrix g = MinGd.crossEntropyGradient(Matrix.of(1, 3, new float[] {0, 0, 0}), new int[] {2});
        assertEquals(1 / 3.0, g.get(0, 0), 1e-6);
        assertEquals(1 / 3.0 - 1, g.get(0, 2), 1e-6);
    }
}
