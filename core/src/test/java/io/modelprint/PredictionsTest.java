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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.kernel.Matrix;
import org.junit.jupiter.api.Test;

class PredictionsTest {

    @Test
    void nanOutputsAreRejectedWithThePosition() {
        Matrix m = Matrix.of(2, 3, new float[] {0, 1, 2, 3, Float.NaN, 5});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Predictions.ofScores(OutputKind.LOGITS, m));
        assertTrue(e.getMessage().contains("NaN") && e.getMessage().contains("class 1 of input 1"), e.getMessage());
    }

    @Test
    void infiniteOutputsAreRejected() {
        Matrix m = Matrix.of(1, 2, new float[] {Float.POSITIVE_INFINITY, 0});
        assertThrows(IllegalArgumentException.class, () -> Predictions.ofScores(OutputKind.LOGITS, m));
    }

    @Test
    void logitsDeclaredAsProbabilitiesAreRejected() {
        Matrix m = Matrix.of(1, 3, new float[] {2.0f, -1.0f, 0.5f});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Predictions.ofScores(OutputKind.PROBABILITIES, m));
        assertTrue(e.getMessage().contains("declare OutputKind.LOGITS"), e.getMessage());
    }

    @Test
    void softmaxOfLogitsSumsToOneAndKeepsTheArgmax() {
        Predictions p = Predictions.ofScores(OutputKind.LOGITS, Matrix.of(2, 3, new float[] {1, 3, 2, -1, -2, 0}));
        Predictions q = p.toProbabilities();
        assertEquals(OutputKind.PROBABILITIES, q.kind());
        assertArrayEquals(new int[] {1, 2}, q.labels());
        double sum = q.scores().get(0, 0) + q.scores().get(0, 1) + q.scores().get(0, 2);
        assertEquals(1.0, sum, 1e-6);
        // a higher temperature flattens the distribution
        assertTrue(p.toProbabilities(10).scores().get(0, 1) < q.scores().get(0, 1));
    }

    @Test
    void labelsOutOfRangeAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Predictions.ofLabels(new int[] {0, 10}, 10));
        assertThrows(IllegalStateException.class, () -> Predictions.ofLabels(new int[] {1}, 3).scores());
        assertThrows(IllegalStateException.class, () -> Predictions.ofLabels(new int[] {1}, 3).toProbabilities());
    }
}
