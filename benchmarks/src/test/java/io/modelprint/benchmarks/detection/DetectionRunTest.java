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
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.LabeledImages;
import io.modelprint.Model;
import io.modelprint.ProgressListener;
import io.modelprint.data.FashionMnist;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's loop end to end on linear fake models: what it verifies, records, skips and disguises. */
class DetectionRunTest {

    private static BenchmarkZoo zoo;
    private static DetectionResults results;
    private static final AtomicInteger WRAPPED = new AtomicInteger();

    @BeforeAll
    static void score() {
        // random linear victims get about 10% right: 4,000 images hold the 150 controls akh-excess
        // needs in each half, so the defaults calibrate themselves (training references: a minute)
        LabeledImages owner = FashionMnist.load().test().slice(0, 4000);
        zoo = FakeZoo.twoSplits(owner);
        Model[] victim = new Model[1];
        // a thief who answers with the victim's own model: every suspect at distance 0 from it
        Evasion answerAsVictim = new Evasion("as-victim", s -> {
            WRAPPED.incrementAndGet();
            return victim[0];
        });
        victim[0] = zoo.victims().get(0).model();
        DetectionRun.Config config = DetectionRun.Config.of(List.of(SchemeUnderTest.of("akh/q50", "akh", Map.of("queries", "50")),
                        SchemeUnderTest.of("ipguard", "ipguard", Map.of())))
                .withBudgets(List.of("akh", "akh-excess"), List.of(20, 40))
                .withEvasions(List.of(Evasion.NONE, answerAsVictim));
        results = DetectionRun.score(List.of(zoo), config, ProgressListener.NONE);
    }

    @Test
    void eachVictimIsComparedWithItsOwnModelsAndItsSplitsNegativesOnly() {
        BenchmarkMember dev = zoo.victims().get(0);
        List<String> names = results.suspectsOf(dev).stream().map(BenchmarkMember::name).toList();
        assertEquals(12, names.size(), names.toString());
        assertTrue(names.stream().allMatch(n -> n.startsWith("dev/")), names.toString());
        BenchmarkMember otherSplit = zoo.members().stream().filter(m -> m.name().equals("test/independent-0")).findFirst()
                .orElseThrow();
        assertTrue(Double.isNaN(results.distance("akh/q50", "none", dev, otherSplit)), "never verified");
    }

    @Test
    void copiesAreCloserThanNegativesAndTheScoresSaySo() {
        for (BenchmarkMember v : zoo.victims()) {
            assertEquals(1.0, results.auc("akh/q50", "none", v, "fine-tune-all", NegativeSet.ALL));
            assertEquals(1.0, results.tpr("akh/q50", "none", v, "fine-tune-all", NegativeSet.ALL, 0.05));
            assertTrue(Double.isNaN(results.auc("akh/q50", "none", v, "prune", NegativeSet.ALL)), "no pruned copies");
        }
        BenchmarkMember dev = zoo.victims().get(0);
        assertEquals(1.0, results.mean(v -> true, v -> results.auc("akh/q50", "none", v, "fine-tune-all", NegativeSet.TWINS)));
        assertEquals(50, results.cost("akh/q50", dev).queriesPerSuspect());
    }

    @Test
    void everySuspectIsDisguisedByEachEvasionAndScoredApart() {
        BenchmarkMember dev = zoo.victims().get(0);
        for (BenchmarkMember s : results.suspectsOf(dev)) {
            assertEquals(0.0, results.distance("akh/q50", "as-victim", dev, s), s.name());
        }
        // all tied at 0: a thief who answers as the victim leaves nothing to rank
        assertEquals(0.5, results.auc("akh/q50", "as-victim", dev, "fine-tune-all", NegativeSet.ALL));
        // akh/q50 and the out-of-the-box verifier alone and with 4 references, two victims of 12 suspects,
        // and once more for each victim's 4 copies, whose thieves' cost is measured
        assertEquals(3 * 2 * 12 + 2 * 4, WRAPPED.get());
    }

    @Test
    void whatEachEvasionCostsTheThievesIsMeasuredOnTheirCopiesOnly() {
        List<io.modelprint.evasion.EvasionCost> costs = results.evasionCosts("as-victim");
        assertEquals(2 * 4, costs.size(), "two fine-tuned and two extracted copies per victim");
        for (io.modelprint.evasion.EvasionCost c : costs) {
            assertEquals(DetectionRun.EVASION_COST_IMAGES, c.images());
            assertTrue(c.agreement() < 1, "a copy served as the victim answers differently: " + c);
        }
        assertTrue(results.evasionCosts(Evasion.NONE.name()).isEmpty(), "no evasion costs nothing, and is not measured");
    }

    @Test
    void theOutOfTheBoxVerifierRecordsVerdictsAndLeavesItsReferencesOutOfTheCounts() {
        BenchmarkMember dev = zoo.victims().get(0);
        String refs = DetectionRun.withReferences(4);
        Map<Role, Map<Outcome, Integer>> counts = results.verdictCounts(refs, "none", dev);
        int independents = counts.getOrDefault(Role.INDEPENDENT, Map.of()).values().stream().mapToInt(Integer::intValue).sum();
        int matched = counts.getOrDefault(Role.MATCHED, Map.of()).values().stream().mapToInt(Integer::intValue).sum();
        assertEquals(0, independents, "the 3 independent models are references");
        assertEquals(2, matched, "one of 3 matched models is the fourth reference");
        Map<Role, Map<Outcome, Integer>> plain = results.verdictCounts(DetectionRun.DEFAULTS, "none", dev);
        assertEquals(4, plain.get(Role.STOLEN).values().stream().mapToInt(Integer::intValue).sum());
        assertNotNull(results.outcome(DetectionRun.DEFAULTS, "none", dev, results.suspectsOf(dev).get(0)));
        assertNull(results.outcome("akh/q50", "none", dev, results.suspectsOf(dev).get(0)), "schemes under test do not decide");
    }

    @Test
    void schemesThatCannotFingerprintAVictimAreSkippedWithTheReasonAndBudgetsAreRun() {
        BenchmarkMember dev = zoo.victims().get(0);
        String why = results.skipped("ipguard", dev);
        assertNotNull(why);
        assertTrue(why.contains("input gradients"), why);
        assertEquals(20, results.cost("akh/q20", dev).queriesPerSuspect());
        assertEquals(40, results.cost("akh-excess/q40", dev).queriesPerSuspect());
        assertEquals(List.of("akh", "akh-excess"), DetectionRun.withQueriesParameter(List.of("akh", "combined", "akh-excess")));
    }

    @Test
    void theReportWritesEveryTableTheCsvAndThePlots(@TempDir Path dir) throws Exception {
        Path md = DetectionReport.write(results, dir, "mvn ... fake", 0.1);
        String text = Files.readString(md);
        for (String title : List.of("## Victims", "(a) all negatives", "(d) student-matched only", "## Out-of-the-box verdicts",
                "## AUC against the query budget", "## Evasions", "## Cost", "## Per victim", "## Models")) {
            assertTrue(text.contains(title), "missing " + title);
        }
        assertTrue(text.contains("| ipguard | dl4j/dev/v | not run: "), "the skipped scheme says why");
        assertTrue(text.contains("### Out-of-the-box verdicts under each evasion"), "verdicts per evasion");
        assertTrue(text.contains("| as-victim | "), "the evasion has its row, with the thief's cost");
        List<String> csv = Files.readAllLines(dir.resolve("distances.csv"));
        assertEquals(DetectionReport.CSV_HEADER, csv.get(0));
        assertTrue(Files.exists(dir.resolve("plots/roc-akh-q50-dl4j-dev-v.png")));
        List<ThresholdReport.Row> rows = ThresholdReport.read(dir.resolve("distances.csv"));
        assertEquals(csv.size() - 1, rows.size(), "the threshold report reads what the benchmark wrote");
    }
}
