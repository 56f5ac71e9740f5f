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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.ImageBatch;
import io.modelprint.ImageShape;
import io.modelprint.LabeledImages;
import io.modelprint.OutputKind;
import io.modelprint.QuerySet;
import io.modelprint.TestModels;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class CutMixQueriesTest {

    private static final ImageShape FASHION = new ImageShape(1, 28, 28);

    /** Image i is filled with one grey value, so a pasted pixel tells which image it came from. */
    private static LabeledImages flatImages(int n, ImageShape shape) {
        float[] px = new float[n * shape.size()];
        for (int i = 0; i < n; i++) {
            Arrays.fill(px, i * shape.size(), (i + 1) * shape.size(), (i + 1) / (float) (n + 1));
        }
        return new LabeledImages(ImageBatch.of(shape, px), new int[n], 10);
    }

    @Test
    void fashionMnistBoxIsFourPixelsWideWhenNotClipped() {
        // side int(28 * 0.2) = 5, half 2: [c - 2, c + 2) is 4 wide
        int unclipped = 0;
        for (long seed = 0; seed < 500; seed++) {
            CutMixBox b = CutMixQueries.drawBox(28, 28, 0.2, new SplittableRandom(seed));
            assertTrue(b.x2() - b.x1() <= 4 && b.y2() - b.y1() <= 4, b.toString());
            if (b.x1() > 0 && b.x2() < 28 && b.y1() > 0 && b.y2() < 28) {
                assertEquals(16, b.area());
                unclipped++;
            }
        }
        assertTrue(unclipped > 0);
    }

    @Property
    void boxCentreLiesOutsideTheMiddleBand(@ForAll long seed, @ForAll @IntRange(min = 12, max = 64) int side) {
        CutMixBox b = CutMixQueries.drawBox(side, side, 0.2, new SplittableRandom(seed));
        int half = (int) (side * 0.2) / 2;
        // the centre is at x1 + half unless clipped at the left border, and at x2 - half unless clipped at the right
        for (int[] r : new int[][] {{b.x1(), b.x2()}, {b.y1(), b.y2()}}) {
            int centre = r[0] > 0 ? r[0] + half : r[1] - half;
            assertTrue(!CutMixQueries.inMiddleBand(centre, side), "centre " + centre + " of " + b + " for side " + side);
        }
    }

    @Test
    void everyQueryGetsThePatchOfItsPartnerInOneSharedBox() {
        int n = 50;
        LabeledImages data = flatImages(n, FASHION);
        QuerySet q = new CutMixQueries(new CutMixQueries.Config(n, 0.2, false, SampleSelection.FIRST))
                .build(null, data, 3);
        String[] box = q.outcome().get("box").split("[:,]");
        int y1 = Integer.parseInt(box[0]);
        int y2 = Integer.parseInt(box[1]);
        int x1 = Integer.parseInt(box[2]);
        int x2 = Integer.parseInt(box[3]);
        Set<Float> sources = new HashSet<>();
        for (int i = 0; i < n; i++) {
            float[] img = q.inputs().image(i);
            float own = (i + 1) / (float) (n + 1);
            Float pasted = null;
            for (int y = 0; y < 28; y++) {
                for (int x = 0; x < 28; x++) {
                    float v = img[y * 28 + x];
                    boolean inside = y >= y1 && y < y2 && x >= x1 && x < x2;
                    if (!inside) {
                        assertEquals(own, v, "query " + i + " changed outside the box at " + y + "," + x);
                    } else if (pasted == null) {
                        pasted = v;
                    } else {
                        assertEquals(pasted, v, "the patch of query " + i + " comes from one image");
                    }
                }
            }
            sources.add(pasted);
        }
        assertEquals(n, sources.size(), "the partners form a permutation: every image is pasted exactly once");
    }

    @Test
    void sameSeedSameQueriesOtherSeedOtherQueries() {
        LabeledImages data = TestModels.data(40, 10, 1);
        CutMixQueries b = new CutMixQueries(new CutMixQueries.Config(30, 0.3, false, SampleSelection.RANDOM));
        QuerySet a1 = b.build(null, data, 7);
        QuerySet a2 = b.build(null, data, 7);
        QuerySet other = b.build(null, data, 8);
        assertEquals(a1.sha256(), a2.sha256());
        assertEquals(a1.inputs(), a2.inputs());
        assertNotEquals(a1.sha256(), other.sha256());
    }

    @Test
    void firstSelectionUsesTheFirstSamples() {
        LabeledImages data = flatImages(20, FASHION);
        QuerySet q = new CutMixQueries(new CutMixQueries.Config(5, 0.2, false, SampleSelection.FIRST))
                .build(null, data, 3);
        // a corner pixel far from any box keeps its own value: (i + 1) / 21 for i < 5
        for (int i = 0; i < 5; i++) {
            float[] img = q.inputs().image(i);
            assertEquals((i + 1) / 21f, img[14 * 28 + 14]);
        }
    }

    @Test
    void transposeSwapsHeightAndWidthOfEveryQuery() {
        LabeledImages data = TestModels.data(10, 10, 2);
        QuerySet plain = new CutMixQueries(new CutMixQueries.Config(10, 0.3, false, SampleSelection.FIRST))
                .build(null, data, 3);
        QuerySet flipped = new CutMixQueries(new CutMixQueries.Config(10, 0.3, true, SampleSelection.FIRST))
                .build(null, data, 3);
        assertEquals(plain.inputs().transposed(), flipped.inputs());
    }

    @Test
    void tooFewImagesNamesBothCounts() {
        LabeledImages data = TestModels.data(50, 10, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CutMixQueries(CutMixQueries.Config.defaults()).build(null, data, 3));
        assertTrue(e.getMessage().contains("100") && e.getMessage().contains("50"), e.getMessage());
    }

    @Test
    void badConfigurationsAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new CutMixQueries.Config(1, 0.2, false, SampleSelection.FIRST));
        assertThrows(IllegalArgumentException.class,
                () -> new CutMixQueries.Config(100, 0, false, SampleSelection.FIRST));
        assertThrows(IllegalArgumentException.class,
                () -> new CutMixQueries.Config(100, 1.5, false, SampleSelection.FIRST));
    }

    @Test
    void aRatioThatGivesAnEmptyBoxIsRejected() {
        LabeledImages data = flatImages(10, FASHION);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CutMixQueries(new CutMixQueries.Config(10, 0.05, false, SampleSelection.FIRST))
                        .build(null, data, 3));
        assertTrue(e.getMessage().contains("empty CutMix box") && e.getMessage().contains("0.0714"), e.getMessage());
    }

    @Test
    void victimOfAnotherShapeIsRejected() {
        LabeledImages data = flatImages(100, FASHION);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CutMixQueries(CutMixQueries.Config.defaults())
                        .build(TestModels.linear("v", 10, 1, OutputKind.LOGITS), data, 3));
        assertTrue(e.getMessage().contains("1x16x16") && e.getMessage().contains("1x28x28"), e.getMessage());
    }
}
