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
package io.modelprint.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.FingerprintVerifier;
import io.modelprint.LabeledImages;
import io.modelprint.VictimFingerprint;
import io.modelprint.data.FashionMnist;
import io.modelprint.onnx.OnnxModel;
import io.modelprint.store.FingerprintFile;
import io.modelprint.store.FingerprintFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The screening job on Spark's local mode, on the committed demo models: verdicts equal to the
 * single-JVM verifier's, error rows for broken suspects, the same table whatever the partitioning,
 * and HTTP budgets kept across task retries. One Spark session for the class; {@code local[2,4]}
 * retries a failed task up to three times, as a cluster would.
 */
class SuspectScreeningTest {

    private static final Path MODELS = Path.of(System.getProperty("maven.multiModuleProjectDirectory",
            Path.of("").toAbsolutePath().getParent().toString()), "examples", "models");

    @TempDir
    static Path dir;

    private static SparkSession spark;
    private static Map<String, VictimFingerprint> fingerprints;
    private static Path fingerprintDir;

    @BeforeAll
    static void startSparkAndFingerprint() throws IOException {
        spark = SparkSession.builder().master("local[2,4]").appName("SuspectScreeningTest")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4")
                .config("spark.driver.host", "127.0.0.1").getOrCreate();
        LabeledImages owner = FashionMnist.load().test().slice(8000, 10000);
        fingerprintDir = Files.createDirectories(dir.resolve("fingerprints"));
        fingerprints = new TreeMap<>();
        try (SuspectOpener.Opened victim = SuspectOpener.open(SuspectSpec.of("victim-mlp.zip",
                     MODELS.resolve("victim-mlp.zip").toString()), 10, OptionalLong.empty());
             SuspectOpener.Opened copy = SuspectOpener.open(SuspectSpec.of("finetuned-copy.zip",
                     MODELS.resolve("finetuned-copy.zip").toString()), 10, OptionalLong.empty());
             OnnxModel refA = OnnxModel.load(MODELS.resolve("independent-a.onnx"));
             OnnxModel refB = OnnxModel.load(MODELS.resolve("independent-b.onnx"))) {
            put("victim-sac-m", FingerprintVerifier.sacM().ownerData(owner).selfCalibrate(false).build()
                    .fingerprint(victim.model()));
            put("victim-akh", FingerprintVerifier.akh().ownerData(owner).references(refA, refB).build()
                    .fingerprint(victim.model()));
            put("copy-sac-m", FingerprintVerifier.sacM().ownerData(owner).seed(5).selfCalibrate(false).build()
                    .fingerprint(copy.model()));
        }
    }

    private static void put(String name, VictimFingerprint fp) {
        fingerprints.put(name, fp);
        FingerprintFile.write(fp, fingerprintDir.resolve(name + ".fp.json"));
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) {
            spark.stop();
        }
    }

    private static List<SuspectSpec> demoSuspects() {
        List<SuspectSpec> s = new ArrayList<>();
        for (String f : List.of("finetuned-copy.zip", "independent-a.onnx", "independent-b.onnx", "victim-mlp.zip")) {
            s.add(SuspectSpec.of(f, MODELS.resolve(f).toString()));
        }
        return s;
    }

    private static Dataset<Row> screen(List<SuspectSpec> suspects, int partitions, Path ledger) {
        SuspectScreening.Builder b = SuspectScreening.builder(spark).suspects(suspects)
                .fingerprints(SuspectScreening.fingerprintsInFolder(spark, fingerprintDir.toString())).partitions(partitions);
        if (ledger != null) {
            b.ledger(ledger.toString());
        }
        return b.build().run();
    }

    private static List<List<Object>> values(List<Row> rows) {
        List<List<Object>> out = new ArrayList<>();
        for (Row r : rows) {
            List<Object> v = new ArrayList<>();
            for (int i = 0; i < r.size(); i++) {
                v.add(r.get(i));
            }
            out.add(v);
        }
        return out;
    }

    /** The verdicts of FingerprintVerifier.verify in this JVM, in the table's order (suspect, then victim). */
    private static List<Row> singleJvm(List<SuspectSpec> suspects) {
        List<Row> out = new ArrayList<>();
        List<SuspectSpec> sorted = new ArrayList<>(suspects);
        sorted.sort((a, b) -> a.suspect().compareTo(b.suspect()));
        for (SuspectSpec s : sorted) {
            try (SuspectOpener.Opened o = SuspectOpener.open(s, 10, OptionalLong.empty())) {
                for (Map.Entry<String, VictimFingerprint> e : fingerprints.entrySet()) {
                    VictimFingerprint fp = e.getValue();
                    out.add(VerdictRows.of(s.suspect(), e.getKey(),
                            FingerprintVerifier.forFingerprint(fp).build().verify(fp, o.model())));
                }
            }
        }
        return out;
    }

    @Test
    void sparkVerdictsEqualSingleJvmVerdicts() {
        List<Row> spark = screen(demoSuspects(), 2, null).collectAsList();
        assertEquals(values(singleJvm(demoSuspects())), values(spark));
        assertEquals(12, spark.size());
        Row copyVsVictim = spark.stream().filter(r -> r.getString(0).equals("finetuned-copy.zip")
                && r.getString(1).equals("victim-sac-m")).findFirst().orElseThrow();
        assertEquals("STOLEN", copyVsVictim.getAs("outcome"));
        assertEquals(100L, (long) copyVsVictim.getAs("queries"));
        Row victimVsAkh = spark.stream().filter(r -> r.getString(0).equals("victim-mlp.zip")
                && r.getString(1).equals("victim-akh")).findFirst().orElseThrow();
        assertEquals(0.0, (double) victimVsAkh.getAs("distance"));
        assertNotNull(victimVsAkh.getAs("p_value"), "a fingerprint with references gives p-values");
        spark.forEach(r -> assertNull(r.getAs("error"), () -> "no error expected: " + r));
    }

    @Test
    void brokenSuspectsGiveErrorRowsNotAFailedJob() throws IOException {
        Path garbage = Files.write(dir.resolve("garbage.onnx"), new byte[] {1, 2, 3, 4, 5});
        List<SuspectSpec> suspects = new ArrayList<>(demoSuspects().subList(1, 2));
        suspects.add(SuspectSpec.of("missing", dir.resolve("no-such-model.onnx").toString()));
        suspects.add(SuspectSpec.of("garbage", garbage.toString()));
        suspects.add(new SuspectSpec("misconfigured", MODELS.resolve("independent-b.onnx").toString(),
                SuspectSpec.Kind.ONNX, Map.of("colour", "red")));
        suspects.add(new SuspectSpec("wrong-shape", MODELS.resolve("independent-b.onnx").toString(),
                SuspectSpec.Kind.ONNX, Map.of("shape", "3x32x32")));
        List<Row> rows = screen(suspects, 2, null).collectAsList();
        assertEquals(15, rows.size());
        for (Row r : rows) {
            String s = r.getString(0);
            if (s.equals("independent-a.onnx")) {
                assertNull(r.getAs("error"));
                assertNotNull(r.getAs("outcome"));
                continue;
            }
            String error = r.getAs("error");
            assertNotNull(error, () -> s + " should give an error row: " + r);
            assertNull(r.getAs("outcome"));
            assertNull(r.getAs("distance"));
            assertNotNull(r.getAs("scheme"));
            switch (s) {
                case "missing" -> assertTrue(error.contains("no-such-model.onnx"), error);
                case "misconfigured" -> assertTrue(error.contains("'colour'"), error);
                case "garbage", "wrong-shape" -> assertTrue(error.length() > 20, error);
                default -> throw new AssertionError("unexpected suspect " + s);
            }
        }
    }

    @Test
    void sameTableWhateverThePartitioning() {
        List<SuspectSpec> suspects = demoSuspects();
        List<List<Object>> one = values(screen(suspects, 1, null).collectAsList());
        assertEquals(one, values(screen(suspects, 3, null).collectAsList()));
        List<SuspectSpec> reversed = new ArrayList<>(suspects);
        java.util.Collections.reverse(reversed);
        assertEquals(one, values(screen(reversed, 5, null).collectAsList()));
    }

    @Test
    void verdictsWriteAsJsonAndParquet() {
        Dataset<Row> v = screen(demoSuspects().subList(0, 2), 2, null);
        SuspectScreening.write(v, dir.resolve("out-json").toString(), "json");
        SuspectScreening.write(v, dir.resolve("out-parquet").toString(), "parquet");
        List<List<Object>> expected = values(v.collectAsList());
        assertEquals(expected, values(spark.read().schema(VerdictRows.SCHEMA).json(dir.resolve("out-json").toString())
                .orderBy("suspect", "victim").collectAsList()));
        assertEquals(expected, values(spark.read().parquet(dir.resolve("out-parquet").toString())
                .orderBy("suspect", "victim").collectAsList()));
        assertThrows(IllegalArgumentException.class, () -> SuspectScreening.write(v, dir.resolve("x").toString(), "csv"));
    }

    @Test
    void aDamagedFingerprintFailsOnTheDriverNamingTheFile() throws IOException {
        Path bad = Files.createDirectories(dir.resolve("bad-fingerprints"));
        Files.writeString(bad.resolve("broken.fp.json"), "{\"format\": \"modelprint-fingerprint\"");
        FingerprintFileException e = assertThrows(FingerprintFileException.class, () -> SuspectScreening.builder(spark)
                .suspects(demoSuspects()).fingerprints(SuspectScreening.fingerprintsInFolder(spark, bad.toString()))
                .build().run());
        assertTrue(e.getMessage().contains("broken.fp.json"), e.getMessage());
    }

    @Test
    void repeatedSuspectNamesAreRefused() {
        List<SuspectSpec> s = List.of(SuspectSpec.of("same", MODELS.resolve("independent-a.onnx").toString()),
                SuspectSpec.of("same", MODELS.resolve("independent-b.onnx").toString()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> screen(s, 1, null));
        assertTrue(e.getMessage().contains("same appears 2 times"), e.getMessage());
    }

    @Test
    void httpSuspectsNeedALedger() throws IOException {
        List<SuspectSpec> s = List.of(SuspectSpec.of("api", "http://127.0.0.1:9/predict"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> screen(s, 1, null));
        assertTrue(e.getMessage().contains("ledger"), e.getMessage());
    }

    private static SuspectSpec api(TestServer server, long budget) {
        return new SuspectSpec("api", server.url(), SuspectSpec.Kind.HTTP, Map.of("budget", Long.toString(budget),
                "retries", "0", "output", "probabilities", "contract", CrashingContract.class.getName()));
    }

    /**
     * Fingerprints are verified in name order: copy-sac-m's 100 queries (2 requests of at most 64),
     * victim-akh's 200 (4), victim-sac-m's 100 (2). The crash at response 3 kills the task after
     * 164 images, with copy-sac-m's answers stored. The retry reads them back and buys only the 300
     * it lacks.
     */
    @Test
    void aRetriedTaskDoesNotBuyAnswersTwice() throws IOException {
        try (OnnxModel served = OnnxModel.load(MODELS.resolve("independent-a.onnx"));
             TestServer server = new TestServer(served)) {
            CrashingContract.arm(-1);
            List<List<Object>> clean = values(screen(List.of(api(server, 10_000)), 1, dir.resolve("ledger-clean"))
                    .collectAsList());
            assertEquals(400, server.images.get());
            clean.forEach(r -> assertNull(r.get(11), () -> "no error expected: " + r));

            server.images.set(0);
            CrashingContract.arm(3);
            Path ledger = dir.resolve("ledger-crash");
            List<List<Object>> retried = values(screen(List.of(api(server, 10_000)), 1, ledger).collectAsList());
            assertEquals(1, CrashingContract.CRASHES.get(), "the first attempt must have crashed");
            assertEquals(clean, retried, "the retried task gives the verdicts (and query counts) of a clean run");
            assertEquals(164 + 300, server.images.get(), "164 images before the crash, then only the 300 not yet answered");
            assertEquals(464, new QueryLedger(ledger.toString()).charged(api(server, 10_000)));
        }
    }

    /**
     * With a budget of 350 and no HTTP retries, the first attempt is granted what is left of what it
     * needs (400, so 350) and crashes after 164 images; the crash unwinds through the screening,
     * which records the 164 in the ledger (an executor lost outright would leave the whole 350
     * charged: {@link QueryLedgerTest}). The retry is granted the 186 left: copy-sac-m's answers are
     * read back, victim-akh's 200 queries do not fit and give an error row, victim-sac-m's 100 do.
     * Without the ledger the retry would have had 350 of its own and sent 400 in all.
     */
    @Test
    void aRetriedTaskNeverPassesTheBudget() throws IOException {
        try (OnnxModel served = OnnxModel.load(MODELS.resolve("independent-a.onnx"));
             TestServer server = new TestServer(served)) {
            CrashingContract.arm(3);
            Path ledger = dir.resolve("ledger-tight");
            List<Row> rows = screen(List.of(api(server, 350)), 1, ledger).collectAsList();
            assertEquals(1, CrashingContract.CRASHES.get());
            assertEquals(164 + 100, server.images.get());
            assertEquals(264, new QueryLedger(ledger.toString()).charged(api(server, 350)));
            Map<String, Row> byVictim = new TreeMap<>();
            rows.forEach(r -> byVictim.put(r.getString(1), r));
            assertNull(byVictim.get("copy-sac-m").getAs("error"), "answers bought before the crash still give a verdict");
            assertEquals(100L, (long) byVictim.get("copy-sac-m").getAs("queries"));
            String error = byVictim.get("victim-akh").getAs("error");
            assertNotNull(error, "200 queries do not fit in the 186 left");
            assertTrue(error.contains("budget"), error);
            assertNull(byVictim.get("victim-sac-m").getAs("error"));
            assertEquals(100L, (long) byVictim.get("victim-sac-m").getAs("queries"));
        }
    }

    @Test
    void aSuspectIsOpenedWithTheOptionsItIsGiven() {
        SuspectSpec labels = new SuspectSpec("b-labels", MODELS.resolve("independent-b.onnx").toString(),
                SuspectSpec.Kind.ONNX, Map.of("output", "labels"));
        List<Row> rows = screen(List.of(labels), 1, null).collectAsList();
        assertEquals(3, rows.size());
        rows.forEach(r -> assertEquals("labels", r.getAs("representation"), () -> "compared on labels: " + r));
    }
}
