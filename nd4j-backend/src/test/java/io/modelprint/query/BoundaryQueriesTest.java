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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.FingerprintVerifier;
import io.modelprint.ImageShape;
import io.modelprint.LabeledImages;
import io.modelprint.Models;
import io.modelprint.ProgressListener;
import io.modelprint.QuerySet;
import io.modelprint.data.FashionMnist;
import io.modelprint.dl4j.Architecture;
import io.modelprint.dl4j.Dl4jModel;
import io.modelprint.dl4j.Trainer;
import io.modelprint.dl4j.TrainingData;
import io.modelprint.kernel.Matrix;
import io.modelprint.scheme.Schemes;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BoundaryQueriesTest {

    private static final ImageShape SHAPE = new ImageShape(1, 28, 28);
    private static LabeledImages data;
    private static Dl4jModel victim;

    @BeforeAll
    static void trainVictim() {
        LabeledImages all = FashionMnist.load().test();
        data = all.slice(9000, 10000);
        MultiLayerNetwork net = Architecture.mlp(64).build(SHAPE, 10, 1);
        Trainer.fit(net, TrainingData.of(all.slice(0, 2000)), new Trainer.Config(3, 64, 1e-3, 1), "victim",
                ProgressListener.NONE);
        victim = Dl4jModel.of("victim", net, SHAPE);
    }

    @Test
    void optimisedPointsCrossToTheTargetClassWithTheMargin() {
        BoundaryQueries b = new BoundaryQueries(new BoundaryQueries.Config(30, 2, 0.01, 500,
                BoundaryQueries.Target.LEAST_LIKELY, SampleSelection.FIRST, BoundaryQueries.Stop.ZERO_LOSS));
        QuerySet q = b.build(victim, data, 3);
        assertEquals(30, q.size());
        int converged = Integer.parseInt(q.outcome().get("converged"));
        assertTrue(converged >= 25, converged + " of 30 seeds reached zero loss");
        // every converged point has zero IPGuard loss: z_j >= z_i + k and z_i above every other class
        Matrix z = victim.logits(q.inputs());
        Matrix z0 = victim.logits(data.images().slice(0, 30));
        int zeroLoss = 0;
        for (int s = 0; s < 30; s++) {
            int i = argmax(z0, s);
            int j = argmin(z0, s);
            float[] dz = new float[30 * 10];
            if (BoundaryQueries.lossGradient(z, s, i, j, 2, dz, 10) == 0) {
                zeroLoss++;
                assertEquals(j, argmax(z, s), "the point's label is the target class");
            }
        }
        assertEquals(converged, zeroLoss);
        for (float p : q.inputs().pixels()) {
            assertTrue(p >= 0 && p <= 1);
        }
    }

    @Test
    void theLossGradientMatchesTheDefinition() {
        // z = (3, 1, 2): i = 0, j = 1, k = 1: z_i - z_j + k = 3 > 0; max other (class 2) - z_i = -1 < 0
        Matrix z = Matrix.of(1, 3, new float[] {3, 1, 2});
        float[] dz = new float[3];
        assertEquals(3.0, BoundaryQueries.lossGradient(z, 0, 0, 1, 1, dz, 3), 1e-9);
        assertEquals(1f, dz[0]);
        assertEquals(-1f, dz[1]);
        assertEquals(0f, dz[2]);
        // z = (1, 0, 2): both terms active
        float[] dz2 = new float[3];
        assertEquals(2.0 + 1.0, BoundaryQueries.lossGradient(Matrix.of(1, 3, new float[] {1, 0, 2}), 0, 0, 1, 1, dz2, 3), 1e-9);
        assertEquals(0f, dz2[0]);
        assertEquals(-1f, dz2[1]);
        assertEquals(1f, dz2[2]);
    }

    @Test
    void aVictimWithoutGradientsIsRefusedWithTheReason() {
        IllegalArgumentException black = assertThrows(IllegalArgumentException.class,
                () -> FingerprintVerifier.ipGuard().ownerData(data).build().fingerprint(Models.probabilitiesOnly(victim)));
        assertTrue(black.getMessage().contains("WhiteBoxModel"), black.getMessage());
        IllegalArgumentException labels = assertThrows(IllegalArgumentException.class,
                () -> FingerprintVerifier.ipGuard().ownerData(data).build().fingerprint(Models.labelsOnly(victim)));
        assertTrue(labels.getMessage().contains("label-only"), labels.getMessage());
    }

    @Test
    void badParametersAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Schemes.create("ipguard", Map.of("target", "nearest")));
        assertTrue(e.getMessage().contains("least-likely"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Schemes.create("ipguard", Map.of("steps", "0")));
        IllegalArgumentException few = assertThrows(IllegalArgumentException.class,
                () -> FingerprintVerifier.using(Schemes.create("ipguard", Map.of("queries", "5000")))
                        .ownerData(data).build().fingerprint(victim));
        assertTrue(few.getMessage().contains("5000") && few.getMessage().contains("1000"), few.getMessage());
    }

    @Test
    void sacWWithoutMisclassifiedSamplesSaysHowManyItFound() {
        // owner data labelled by the victim itself: the victim makes no mistakes on it
        LabeledImages own = data.relabel(victim.predict(data.images()).labels());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FingerprintVerifier.sacW().ownerData(own).build().fingerprint(victim));
        assertTrue(e.getMessage().contains("asked for 100 misclassified samples but found 0 among 1000"),
                e.getMessage());
    }

    private static int argmax(Matrix z, int row) {
        int b = 0;
        for (int c = 1; c < z.cols(); c++) {
            if (z.get(row, c) > z.get(row, b)) {
                b = c;
            }
        }
        return b;
    }

    private static int argmin(Matrix z, int row) {
        int b = 0;
        for (int c = 1; c < z.cols(); c++) {
            if (z.get(row, c) < z.get(row, b)) {
                b = c;
            }
        }
        return b;
    }
}
