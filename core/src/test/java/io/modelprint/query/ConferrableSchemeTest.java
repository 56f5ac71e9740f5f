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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.FingerprintVerifier;
import io.modelprint.LabeledImages;
import io.modelprint.Model;
import io.modelprint.Models;
import io.modelprint.OutputKind;
import io.modelprint.QuerySet;
import io.modelprint.TestModels;
import io.modelprint.Verdict;
import io.modelprint.VictimFingerprint;
import io.modelprint.fingerprint.OutputFingerprint;
import io.modelprint.kernel.Matrix;
import io.modelprint.scheme.ConferrableProvider;
import io.modelprint.scheme.FingerprintScheme;
import io.modelprint.scheme.SchemeInputs;
import io.modelprint.verifier.TotalVariationDistance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ConferrableSchemeTest {

    private static final LabeledImages OWNER = TestModels.data(600, 10, 7);
    private static final Model VICTIM = TestModels.linear("victim", 10, 1, OutputKind.LOGITS);

    private static List<Model> copies(int n, long seed, double noise) {
        List<Model> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(TestModels.perturbed("copy-" + seed + "-" + i, 10, 1, noise, seed + i, OutputKind.LOGITS));
        }
        return out;
    }

    private static List<Model> strangers(int n, long seed) {
        List<Model> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(TestModels.linear("stranger-" + seed + "-" + i, 10, seed + i, OutputKind.LOGITS));
        }
        return out;
    }

    private static FingerprintScheme<OutputFingerprint> scheme(Map<String, String> params) {
        return new ConferrableProvider().create(SchemeInputs.of(params).withSurrogates(copies(3, 100, 0.6))
                .withSelectionReferences(strangers(3, 200)));
    }

    @Test
    void copiesAreCloserThanStrangersOnProbabilitiesAndOnLabels() {
        for (String output : List.of("probabilities", "labels")) {
            FingerprintVerifier v = FingerprintVerifier.using(scheme(Map.of("queries", "100", "natural", "300",
                    "mixed", "300", "output", output))).ownerData(OWNER).threshold(0.5).build();
            VictimFingerprint fp = v.fingerprint(VICTIM);
            double worstCopy = 0;
            for (Model m : copies(4, 300, 0.6)) {
                worstCopy = Math.max(worstCopy, v.verify(fp, m).distance());
            }
            double bestStranger = 1;
            for (Model m : strangers(4, 400)) {
                bestStranger = Math.min(bestStranger, v.verify(fp, m).distance());
            }
            assertTrue(worstCopy < bestStranger, output + ": copies up to " + worstCopy + ", strangers from " + bestStranger);
            Verdict labels = v.verify(fp, Models.labelsOnly(copies(1, 500, 0.6).get(0)));
            assertEquals(OutputKind.LABELS, labels.representation());
        }
    }

    @Test
    void theQueriesAreWhereCopiesFollowAndStrangersDoNot() {
        ConferrableQueries b = new ConferrableQueries(new ConferrableQueries.Config(50, 300, 300, 0.3, 0.6,
                ConferrableQueries.Aggregate.MEAN), copies(3, 100, 0.6), strangers(3, 200));
        QuerySet q = b.build(VICTIM, OWNER, 3);
        double kept = Double.parseDouble(q.outcome().get("meanScore"));
        // the mean score over the whole pool, for comparison
        var pool = b.candidates(OWNER, new SplittableRandom(3));
        int[] v = VICTIM.predict(pool).labels();
        double all = 0;
        for (Model m : copies(3, 100, 0.6)) {
            for (double a : ConferrableQueries.agreement(m, pool, v)) {
                all += a / 3;
            }
        }
        for (Model m : strangers(3, 200)) {
            for (double a : ConferrableQueries.agreement(m, pool, v)) {
                all -= a / 3;
            }
        }
        assertTrue(kept > all / pool.count() + 0.1, "kept " + kept + " vs pool " + all / pool.count());
    }

    @Test
    void sameSeedSameQueries() {
        FingerprintVerifier v = FingerprintVerifier.using(scheme(Map.of("queries", "40", "natural", "100", "mixed", "100")))
                .ownerData(OWNER).seed(11).threshold(0.5).build();
        assertEquals(v.fingerprint(VICTIM).querySet().sha256(), v.fingerprint(VICTIM).querySet().sha256());
    }

    @Test
    void withoutOwnerModelsItVerifiesStoredFingerprintsButCannotBuildQueries() {
        FingerprintVerifier with = FingerprintVerifier.using(scheme(Map.of("queries", "40", "natural", "100", "mixed", "100")))
                .ownerData(OWNER).threshold(0.5).build();
        VictimFingerprint fp = with.fingerprint(VICTIM);
        assertEquals(0.0, FingerprintVerifier.forFingerprint(fp).threshold(0.5).build().verify(fp, VICTIM).distance(), 1e-6);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FingerprintVerifier.using("conferrable").ownerData(OWNER).build().fingerprint(VICTIM));
        assertTrue(e.getMessage().contains("surrogate") && e.getMessage().contains("0 given"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ConferrableQueries.Config(500, 100, 100, 0.3, 0.6,
                ConferrableQueries.Aggregate.MEAN));
        assertThrows(IllegalArgumentException.class, () -> new ConferrableProvider().create(Map.of("output", "logits")));
    }

    private static OutputFingerprint randomDistributions(int n, SplittableRandom rng) {
        float[] a = new float[n * 4];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int c = 0; c < 4; c++) {
                a[i * 4 + c] = (float) rng.nextDouble();
                sum += a[i * 4 + c];
            }
            for (int c = 0; c < 4; c++) {
                a[i * 4 + c] /= (float) sum;
            }
        }
        return new OutputFingerprint("x", OutputKind.PROBABILITIES, Matrix.of(n, 4, a));
    }

    @Property
    void totalVariationIsAMetricBoundedByOne(@ForAll @IntRange(min = 2, max = 30) int n, @ForAll long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        OutputFingerprint a = randomDistributions(n, rng);
        OutputFingerprint b = randomDistributions(n, rng);
        OutputFingerprint c = randomDistributions(n, rng);
        TotalVariationDistance d = new TotalVariationDistance();
        assertEquals(0.0, d.distance(a, a), 1e-9);
        assertEquals(d.distance(a, b), d.distance(b, a), 1e-9);
        assertTrue(d.distance(a, c) <= d.distance(a, b) + d.distance(b, c) + 1e-9);
        assertTrue(d.distance(a, b) >= 0 && d.distance(a, b) <= 1);
    }

    @Property
    void onLabelsItIsTheShareOfDifferentLabels(@ForAll @IntRange(min = 2, max = 30) int n, @ForAll long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[] x = new int[n];
        int[] y = new int[n];
        int differ = 0;
        for (int i = 0; i < n; i++) {
            x[i] = rng.nextInt(4);
            y[i] = rng.nextInt(4);
            differ += x[i] != y[i] ? 1 : 0;
        }
        double d = new TotalVariationDistance().distance(new OutputFingerprint("x", OutputKind.LABELS, Matrix.oneHot(x, 4)),
                new OutputFingerprint("x", OutputKind.LABELS, Matrix.oneHot(y, 4)));
        assertEquals((double) differ / n, d, 1e-9);
        assertFalse(Double.isNaN(d));
    }
}
