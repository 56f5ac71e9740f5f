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
package io.modelprint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ImageBatchTest {

    @Test
    void pixelsOutsideTheUnitIntervalAreRejected() {
        float[] px = new float[2 * 4];
        px[5] = 255f;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ImageBatch.of(new ImageShape(1, 2, 2), px));
        assertTrue(e.getMessage().contains("pixel 1 of image 1 is 255.0"), e.getMessage());
        px[5] = Float.NaN;
        assertThrows(IllegalArgumentException.class, () -> ImageBatch.of(new ImageShape(1, 2, 2), px));
    }

    @Test
    void lengthMustMakeWholeImages() {
        assertThrows(IllegalArgumentException.class, () -> ImageBatch.of(new ImageShape(1, 2, 2), new float[7]));
    }

    @Test
    void transposeSwapsRowsAndColumnsAndIsAnInvolution() {
        ImageBatch b = ImageBatch.of(new ImageShape(1, 2, 3), new float[] {0, .1f, .2f, .3f, .4f, .5f});
        ImageBatch t = b.transposed();
        assertEquals(new ImageShape(1, 3, 2), t.shape());
        assertArrayEquals(new float[] {0, .3f, .1f, .4f, .2f, .5f}, t.pixels());
        assertEquals(b, t.transposed());
    }

    @Test
    void hashNamesTheContent() {
        ImageBatch a = ImageBatch.of(new ImageShape(1, 2, 2), new float[] {0, .5f, 1, 0});
        ImageBatch b = ImageBatch.of(new ImageShape(1, 2, 2), new float[] {0, .5f, 1, 0});
        ImageBatch c = ImageBatch.of(new ImageShape(1, 2, 2), new float[] {0, .5f, 1, .1f});
        assertEquals(a.sha256(), b.sha256());
        assertNotEquals(a.sha256(), c.sha256());
    }
}
