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

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modelprint.ImageShape;
import io.modelprint.Model;
import io.modelprint.Models;
import io.modelprint.OutputKind;
import io.modelprint.Predictions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Laws of the per-family grouping: a family's score depends only on its own copies and the
 * negatives its set names, of its own victim; the negative sets partition as they say; order does
 * not matter; aggregates are means of per-victim figures.
 */
class DetectionResultsProperties {

    private static final Model DUMMY = Models.of("dummy", new ImageShape(1, 2, 2), 2, OutputKind.LABELS,
            b -> Predictions.ofLabels(new int[b.count()], 2));
    private static final List<String> FAMILIES = List.of("prune", "transfer", "extract-labels");

    /** Two victims in one split and one in another, each with copies of three families, twins, shared negatives. */
    private static List<BenchmarkMember> members(int copies, int negatives) {
        List<BenchmarkMember> m = new ArrayList<>();
        for (String[] v : new String[][] {{"dev", "a"}, {"dev", "b"}, {"test", "c"}}) {
            m.add(FakeZoo.member(Framework.PYTORCH, v[0], v[1], v[0] + "/" + v[1], Role.VICTIM, null, false, DUMMY));
            for (String f : FAMILIES) {
                for (int i = 0; i < copies; i++) {
                    m.add(FakeZoo.member(Framework.PYTORCH, v[0], v[1], v[0] + "/" + v[1] + "/" + f + i, Role.STOLEN, f,
                            f.equals("transfer"), DUMMY));
                }
            }
            for (int i = 0; i < 2; i++) {
                m.add(FakeZoo.member(Framework.PYTORCH, v[0], v[1], v[0] + "/" + v[1] + "/twin" + i, Role.TWIN, null, false,
                        DUMMY));
            }
        }
        for (String split : List.of("dev", "test")) {
            for (Role r : List.of(Role.MATCHED, Role.INDEPENDENT, Role.CORRUPTED)) {
                for (int i = 0; i < negatives; i++) {
                    m.add(FakeZoo.member(Framework.PYTORCH, split, null, split + "/" + r.label() + i, r, null,
                            r == Role.CORRUPTED, DUMMY));
                }
            }
        }
        return m;
    }

    private static DetectionResults results(List<BenchmarkMember> members, long seed, boolean shuffle) {
        DetectionResults r = new DetectionResults(List.of("fake"), members);
        r.declare(new DetectionResults.SchemeInfo("s", "s", 0, false));
        Random rng = new Random(seed);
        List<double[]> puts = new ArrayList<>();
        List<BenchmarkMember> victims = r.victims();
        for (int v = 0; v < victims.size(); v++) {
            List<BenchmarkMember> suspects = r.suspectsOf(victims.get(v));
            for (int s = 0; s < suspects.size(); s++) {
                // few distinct values: ties are common
                puts.add(new double[] {v, s, rng.nextInt(6) / 5.0});
            }
        }
        if (shuffle) {
            Collections.shuffle(puts, new Random(seed + 1));
        }
        for (double[] p : puts) {
            BenchmarkMember victim = victims.get((int) p[0]);
            r.put("s", "none", victim, r.suspectsOf(victim).get((int) p[1]), p[2]);
        }
        return r;
    }

    @Property
    void aFamilysScoreIsRocOfItsOwnCopiesAgainstTheNegativesItsSetNames(
            @ForAll @IntRange(min = 1, max = 4) int copies, @ForAll @IntRange(min = 1, max = 4) int negatives,
            @ForAll long seed) {
        DetectionResults r = results(members(copies, negatives), seed, false);
        for (BenchmarkMember v : r.victims()) {
            for (String f : FAMILIES) {
                boolean transfer = f.equals("transfer");
                for (NegativeSet set : NegativeSet.values()) {
                    double[] pos = r.suspectsOf(v).stream().filter(m -> f.equals(m.family()))
                            .mapToDouble(m -> r.distance("s", "none", v, m)).toArray();
                    double[] neg = r.suspectsOf(v).stream().filter(m -> m.role().negative() && set.includes(m.role(), transfer))
                            .mapToDouble(m -> r.distance("s", "none", v, m)).toArray();
                    assertEquals(copies, pos.length);
                    assertEquals(Roc.auc(neg, pos), r.auc("s", "none", v, f, set), 1e-12);
                    assertEquals(Roc.tprAtFpr(neg, pos, 0.05), r.tpr("s", "none", v, f, set, 0.05), 1e-12);
                }
                // twins only: the victim's two twins, and for transferred copies the corrupted-task models too
                assertEquals(2 + (transfer ? negatives : 0), r.negatives("s", "none", v, f, NegativeSet.TWINS).length);
            }
        }
    }

    @Property
    void allNegativesArePairwiseTheWeightedMeanOfTwinsAndTheRest(
            @ForAll @IntRange(min = 1, max = 4) int copies, @ForAll @IntRange(min = 1, max = 4) int negatives,
            @ForAll long seed) {
        DetectionResults r = results(members(copies, negatives), seed, false);
        for (BenchmarkMember v : r.victims()) {
            for (String f : List.of("prune", "extract-labels")) {
                int twins = r.negatives("s", "none", v, f, NegativeSet.TWINS).length;
                int rest = r.negatives("s", "none", v, f, NegativeSet.WITHOUT_TWINS).length;
                assertEquals(twins + rest, r.negatives("s", "none", v, f, NegativeSet.ALL).length);
                double weighted = (twins * r.auc("s", "none", v, f, NegativeSet.TWINS)
                        + rest * r.auc("s", "none", v, f, NegativeSet.WITHOUT_TWINS)) / (twins + rest);
                assertEquals(weighted, r.auc("s", "none", v, f, NegativeSet.ALL), 1e-12);
            }
        }
    }

    @Property
    void scoresDoNotDependOnTheOrderOfMeasurementsAndMeansAreMeansOverVictims(
            @ForAll @IntRange(min = 1, max = 3) int copies, @ForAll long seed) {
        List<BenchmarkMember> members = members(copies, 2);
        DetectionResults inOrder = results(members, seed, false);
        DetectionResults shuffled = results(members, seed, true);
        double sum = 0;
        for (BenchmarkMember v : inOrder.victims()) {
            for (String f : FAMILIES) {
                for (NegativeSet set : NegativeSet.values()) {
                    assertEquals(inOrder.auc("s", "none", v, f, set), shuffled.auc("s", "none", v, f, set), 1e-12);
                }
            }
            if (v.split().equals("dev")) {
                sum += inOrder.auc("s", "none", v, "prune", NegativeSet.ALL);
            }
        }
        assertEquals(sum / 2, inOrder.mean(v -> v.split().equals("dev"), v -> inOrder.auc("s", "none", v, "prune",
                NegativeSet.ALL)), 1e-12);
        BenchmarkMember a = inOrder.victims().get(0);
        double familyMean = FAMILIES.stream().mapToDouble(f -> inOrder.auc("s", "none", a, f, NegativeSet.ALL)).sum() / 3;
        assertEquals(familyMean, inOrder.familyMean(a, (v, f) -> inOrder.auc("s", "none", v, f, NegativeSet.ALL)), 1e-12,
                "families without copies are left out of the mean");
    }

    @Property
    void anotherVictimsCopiesAndAnotherSplitsNegativesNeverCount(@ForAll long seed) {
        List<BenchmarkMember> members = members(2, 2);
        DetectionResults r = results(members, seed, false);
        BenchmarkMember a = r.victims().get(0);
        List<BenchmarkMember> suspects = r.suspectsOf(a);
        assertEquals(3 * 2 + 2 + 3 * 2, suspects.size());
        for (BenchmarkMember s : suspects) {
            assertEquals("dev", s.split());
            assertEquals(true, s.victim() == null || s.victim().equals("a"), s.name());
        }
    }
}
