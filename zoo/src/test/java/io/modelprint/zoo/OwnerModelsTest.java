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
package io.modelprint.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.FingerprintVerifier;
import io.modelprint.ImageShape;
import io.modelprint.LabeledImages;
import io.modelprint.Model;
import io.modelprint.Models;
import io.modelprint.ProgressListener;
import io.modelprint.Verdict;
import io.modelprint.VictimFingerprint;
import io.modelprint.data.FashionMnist;
import io.modelprint.dl4j.Architecture;
import io.modelprint.dl4j.Dl4jModel;
import io.modelprint.dl4j.Trainer;
import io.modelprint.dl4j.TrainingData;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;

/** The owner's models and the conferrable scheme on tiny real networks. */
class OwnerModelsTest {

    private static final ImageShape SHAPE = new ImageShape(1, 28, 28);

    @Test
    void ownerModelsMakeAConferrableFingerprintThatTellsAStudentFromIndependentModels() {
        LabeledImages all = FashionMnist.load().test();
        LabeledImages owner = all.slice(0, 1500);
        LabeledImages attacker = all.slice(1500, 3000);
        LabeledImages heldOut = all.slice(8000, 10000);
        MultiLayerNetwork victimNet = Architecture.mlp(64).build(SHAPE, 10, 1);
        Trainer.fit(victimNet, TrainingData.of(owner), new Trainer.Config(6, 32, 1e-3, 1), "victim", ProgressListener.NONE);
        Dl4jModel victim = Dl4jModel.of("victim", victimNet, SHAPE);

        OwnerModels models = OwnerModels.train(victimNet, Architecture.mlp(64), owner.slice(0, 800), 40,
                ProgressListener.NONE);
        assertEquals(7, models.surrogates().size(), "one copy per attack family, two label students");
        assertEquals(4, models.references().size(), "the twin and three other architectures");

        FingerprintVerifier verifier = FingerprintVerifier.using(models.conferrable(Map.of("queries", "150",
                "natural", "1000", "mixed", "1000", "output", "labels"))).ownerData(heldOut).threshold(0.5).build();
        VictimFingerprint fp = verifier.fingerprint(victim);

        Model student = Dl4jModel.of("student", Extraction.labels(Architecture.mlp(128), new Trainer.Config(6, 32, 1e-3, 7))
                .apply(Models.labelsOnly(victim), attacker, ProgressListener.NONE), SHAPE);
        double stolen = verifier.verify(fp, student).distance();
        for (Architecture a : List.of(Architecture.mlp(64), Architecture.mlp(128), Architecture.mlp(256, 64))) {
            MultiLayerNetwork n = a.build(SHAPE, 10, 90 + a.widths()[0]);
            Trainer.fit(n, TrainingData.of(attacker), new Trainer.Config(6, 32, 1e-3, 9), "independent", ProgressListener.NONE);
            Verdict v = verifier.verify(fp, Dl4jModel.of(a.name(), n, SHAPE));
            assertTrue(stolen < v.distance(), "student at " + stolen + ", independent " + a.name() + " at " + v.distance());
        }
    }

    @Test
    void noDataNoModels() {
        MultiLayerNetwork victimNet = Architecture.mlp(8).build(SHAPE, 10, 1);
        LabeledImages empty = FashionMnist.load().test().slice(0, 0);
        assertThrows(IllegalArgumentException.class,
                () -> OwnerModels.train(victimNet, null, empty, 1, ProgressListener.NONE));
    }
}
