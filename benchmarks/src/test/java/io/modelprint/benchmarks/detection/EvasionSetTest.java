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

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.ImageBatch;
import io.modelprint.LabeledImages;
import io.modelprint.Model;
import io.modelprint.OutputKind;
import io.modelprint.data.FashionMnist;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark's evasion names: what each builds, and what is refused. */
class EvasionSetTest {

    private static final LabeledImages IMAGES = FashionMnist.load().test().slice(0, 400);
    private static final Model SUSPECT = FakeZoo.linear("suspect", FakeZoo.weights(1));
    private static final Model DECOY = FakeZoo.linear("decoy", FakeZoo.weights(2));

    private static List<Evasion> parse(String... names) {
        return EvasionSet.parse(List.of(names), IMAGES.images().slice(0, 200), DECOY, 3);
    }

    @Test
    void standardIsNoneThenTheIssuesList() {
        List<String> names = new ArrayList<>();
        parse("standard").forEach(e -> names.add(e.name()));
        List<String> expected = new ArrayList<>(List.of(Evasion.NONE.name()));
        expected.addAll(EvasionSet.STANDARD);
        assertEquals(expected, names);
    }

    @Test
    void eachEvasionDisguisesTheAnswersItPromises() {
        ImageBatch q = IMAGES.images().slice(200, 300);
        int[] plain = SUSPECT.predict(q).labels();
        for (Evasion e : parse("round-1", "temp-3", "top-3", "gauss-0.01")) {
            Model m = e.apply(SUSPECT);
            assertTrue(m.outputKind().hasScores(), e.name());
            assertNotEquals(java.util.Arrays.toString(SUSPECT.predict(q).toProbabilities().scores().data()),
                    java.util.Arrays.toString(m.predict(q).scores().data()), e.name());
        }
        Model top1 = parse("top-1").get(1).apply(SUSPECT);
        assertEquals(OutputKind.LABELS, top1.outputKind());
        assertArrayEquals(plain, top1.predict(q).labels());
        // temperature keeps the top-1 label
        assertArrayEquals(plain, parse("temp-0.5").get(1).apply(SUSPECT).predict(q).labels());
    }

    @Test
    void probabilityEvasionsLeaveLabelOnlySuspectsAsTheyAre() {
        Model labels = io.modelprint.evasion.Evasions.topOneLabel(SUSPECT);
        for (Evasion e : parse("gauss-0.1", "laplace-0.05", "round-2", "top-3", "temp-3")) {
            assertSame(labels, e.apply(labels), e.name());
        }
    }

    @Test
    void theDetectorAnswersStrangeQueriesWithTheDecoyAndNeverWrapsTheDecoy() {
        Evasion detect = parse("detect-0.95").get(1);
        assertSame(DECOY, detect.apply(DECOY));
        float[] noise = new float[50 * 784];
        java.util.SplittableRandom rng = new java.util.SplittableRandom(5);
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) rng.nextDouble();
        }
        ImageBatch strange = ImageBatch.of(FakeZoo.SHAPE, noise);
        assertArrayEquals(DECOY.predict(strange).labels(), detect.apply(SUSPECT).predict(strange).labels(),
                "uniform noise is nothing like Fashion-MNIST: every query is flagged");
    }

    @Test
    void unknownOrMalformedEvasionsAreRefusedByName() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> parse("blur-3"));
        assertTrue(unknown.getMessage().contains("blur-3") && unknown.getMessage().contains("gauss-S"), unknown.getMessage());
        IllegalArgumentException number = assertThrows(IllegalArgumentException.class, () -> parse("gauss-lots"));
        assertTrue(number.getMessage().contains("gauss-lots") && number.getMessage().contains("not a number"),
                number.getMessage());
        assertThrows(IllegalArgumentException.class, () -> parse("round-9"), "the library's own range check");
    }
}
