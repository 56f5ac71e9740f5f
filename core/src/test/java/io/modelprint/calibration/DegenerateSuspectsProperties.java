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
package io.modelprint.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.modelprint.FingerprintVerifier;
import io.modelprint.LabeledImages;
import io.modelprint.Model;
import io.modelprint.Models;
import io.modelprint.OutputKind;
import io.modelprint.Predictions;
import io.modelprint.TestModels;
import io.modelprint.Verdict;
import io.modelprint.VictimFingerprint;
import io.modelprint.kernel.Matrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A suspect that is not a working model of the victim's task is never called stolen, by any
 * scheme, with or without references: constant answers, uniform probabilities, random labels,
 * and the victim with its labels shuffled (a permutation that moves every class).
 */
class DegenerateSuspectsProperties {

    private static final int CLASSES = 10;
    private static final LabeledImages OWNER = TestModels.taskData(1500, CLASSES, 1, 0.1, 42);
    private static final Model VICTIM = TestModels.perturbed("victim", CLASSES, 1, 0.5, 2, OutputKind.LOGITS);
    private static final List<String> SCHEMES = List.of("sac-m", "sac-w", "akh", "akh-excess", "error-profile", "combined");
    private static final Map<String, Fingerprinted> PRINTS = new ConcurrentHashMap<>();

    private record Fingerprinted(FingerprintVerifier verifier, VictimFingerprint fingerprint) {
    }

    private static Fingerprinted fingerprinted(String scheme, boolean references) {
        return PRINTS.computeIfAbsent(scheme + "/" + references, k -> {
            FingerprintVerifier.Builder b = FingerprintVerifier.using(scheme).ownerData(OWNER).selfCalibrate(false);
            if (references) {
                List<Model> refs = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    refs.add(TestModels.perturbed("ref-" + i, CLASSES, 1, 0.4 + 0.05 * i, 100 + i, OutputKind.LOGITS));
                }
                b.references(refs);
            }
            FingerprintVerifier v = b.build();
            return new Fingerprinted(v, v.fingerprint(VICTIM));
        });
    }

    @Provide
    Arbitrary<String> schemes() {
        return Arbitraries.of(SCHEMES);
    }

    @Provide
    Arbitrary<Model> degenerate() {
        Arbitrary<Model> constant = Arbitraries.integers().between(0, CLASSES - 1).map(c -> Models.of("constant-" + c,
                TestModels.SHAPE, CLASSES, OutputKind.LABELS, batch -> {
                    int[] l = new int[batch.count()];
                    java.util.Arrays.fill(l, c);
                    return Predictions.ofLabels(l, CLASSES);
                }));
        Arbitrary<Model> uniform = Arbitraries.just(Models.of("uniform", TestModels.SHAPE, CLASSES,
                OutputKind.PROBABILITIES, batch -> {
                    float[] p = new float[batch.count() * CLASSES];
                    java.util.Arrays.fill(p, 1f / CLASSES);
                    return Predictions.ofScores(OutputKind.PROBABILITIES, Matrix.of(batch.count(), CLASSES, p));
                }));
        Arbitrary<Model> random = Arbitraries.longs().map(seed -> Models.of("random-" + seed, TestModels.SHAPE, CLASSES,
                OutputKind.PROBABILITIES, batch -> {
                    SplittableRandom r = new SplittableRandom(seed);
                    float[] p = new float[batch.count() * CLASSES];
                    for (int i = 0; i < batch.count(); i++) {
                        double sum = 0;
                        for (int k = 0; k < CLASSES; k++) {
                            p[i * CLASSES + k] = (float) r.nextDouble();
                            sum += p[i * CLASSES + k];
                        }
                        for (int k = 0; k < CLASSES; k++) {
                            p[i * CLASSES + k] /= (float) sum;
                        }
                    }
                    return Predictions.ofScores(OutputKind.PROBABILITIES, Matrix.of(batch.count(), CLASSES, p));
                }));
        Arbitrary<Model> shuffled = Arbitraries.integers().between(1, CLASSES - 1).map(shift ->
                Models.of("shuffled-" + shift, TestModels.SHAPE, CLASSES, OutputKind.LABELS, batch -> {
                    int[] l = VICTIM.predict(batch).labels();
                    for (int i = 0; i < l.length; i++) {
                        l[i] = (l[i] + shift) % CLASSES;   // moves every class
                    }
                    return Predictions.ofLabels(l, CLASSES);
                }));
        return Arbitraries.oneOf(constant, uniform, random, shuffled);
    }

    @Property(tries = 60)
    void noDegenerateSuspectIsEverStolen(@ForAll("schemes") String scheme, @ForAll boolean references,
                                         @ForAll("degenerate") Model suspect) {
        Fingerprinted f = fingerprinted(scheme, references);
        Verdict v = f.verifier().verify(f.fingerprint(), suspect);
        assertFalse(v.stolen(), scheme + " called " + suspect.name() + " stolen: " + v.explanation());
        assertEquals(Verdict.Outcome.INCONCLUSIVE, v.outcome(), scheme + ", " + suspect.name() + ": " + v.explanation());
    }
}
