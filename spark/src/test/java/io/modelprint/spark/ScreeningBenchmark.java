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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelprint.FingerprintVerifier;
import io.modelprint.LabeledImages;
import io.modelprint.VictimFingerprint;
import io.modelprint.data.FashionMnist;
import io.modelprint.onnx.OnnxModel;
import io.modelprint.store.FingerprintFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.apache.spark.sql.SparkSession;

/**
 * Suspects per minute, screening N suspects against M victim fingerprints on Spark's
 * {@code local[2]} and with a single-JVM loop ({@code FingerprintVerifier.verify} for each
 * suspect and victim, each suspect opened once), side by side in one run. Suspects are the
 * PyTorch zoo's ONNX files of the clean task, repeated under new names up to N; victims are the
 * zoo's victims and twins, fingerprinted with the default scheme
 * ({@value io.modelprint.FingerprintVerifier#DEFAULT_SCHEME})
 * on the Fashion-MNIST test images.
 *
 * <pre>
 * mvn -q -pl spark -am test-compile exec:exec@benchmark -Dbenchmark.args="zoo-cache/pytorch/full 50,100,200 1,5 spark/target/benchmark.md"
 * </pre>
 */
public final class ScreeningBenchmark {

    private ScreeningBenchmark() {
    }

    /** Arguments: zoo directory, suspect counts, victim counts, output Markdown file. */
    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            throw new IllegalArgumentException("usage: ScreeningBenchmark ZOO_DIR N1,N2,... M1,M2,... OUT.md");
        }
        Path zoo = Path.of(args[0]);
        List<Integer> ns = ints(args[1]);
        List<Integer> ms = ints(args[2]);
        Path out = Path.of(args[3]);
        JsonNode manifest = new ObjectMapper().readTree(zoo.resolve("manifest.json").toFile());
        List<Path> suspectFiles = new ArrayList<>();
        List<Path> victimFiles = new ArrayList<>();
        for (JsonNode m : manifest.get("models")) {
            Path f = zoo.resolve(m.get("file").asText());
            if (!Files.isRegularFile(f) || !m.path("task").asText().equals("clean")) {
                continue;
            }
            (m.get("kind").asText().equals("victim") ? victimFiles : suspectFiles).add(f);
        }
        int maxM = ms.stream().mapToInt(Integer::intValue).max().orElseThrow();
        if (victimFiles.size() < maxM) {
            throw new IllegalArgumentException("the zoo has " + victimFiles.size() + " victims, fewer than " + maxM);
        }
        LabeledImages owner = FashionMnist.load().test();
        Path work = Files.createTempDirectory("screening-benchmark");
        Map<String, VictimFingerprint> fps = new TreeMap<>();
        long fpStart = System.nanoTime();
        for (int i = 0; i < maxM; i++) {
            try (OnnxModel v = OnnxModel.load(victimFiles.get(i))) {
                String name = String.format(Locale.ROOT, "v%d-%s", i, victimFiles.get(i).getParent().getFileName()
                        + "-" + victimFiles.get(i).getFileName().toString().replace(".onnx", ""));
                fps.put(name, FingerprintVerifier.defaults().ownerData(owner).selfCalibrate(false).build().fingerprint(v));
            }
        }
        double fpSeconds = (System.nanoTime() - fpStart) / 1e9;
        String memory = sessionMemory(suspectFiles);
        SparkSession spark = SparkSession.builder().master("local[2]").appName("screening-benchmark")
                .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1").getOrCreate();
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "%d suspect files (zoo: %s), %d victims fingerprinted with %s "
                        + "in %.1f s; %d cores%n%n", suspectFiles.size(), zoo, maxM, FingerprintVerifier.DEFAULT_SCHEME, fpSeconds,
                Runtime.getRuntime().availableProcessors()));
        md.append(memory).append("\n\n");
        md.append("| N suspects | M victims | verdicts | Spark local[2] s | Spark suspects/min | single JVM s | "
                + "single JVM suspects/min | Spark / single |\n|---|---|---|---|---|---|---|---|\n");
        // warm-up: JIT, ONNX Runtime's natives, Spark's first job
        measure(spark, specs(suspectFiles, 8), subset(fps, 1), work, "warm");
        for (int m : ms) {
            for (int n : ns) {
                Map<String, VictimFingerprint> victims = subset(fps, m);
                List<SuspectSpec> specs = specs(suspectFiles, n);
                double[] t = measure(spark, specs, victims, work, n + "x" + m);
                String row = String.format(Locale.ROOT, "| %d | %d | %d | %.1f | %.0f | %.1f | %.0f | %.2f |%n", n, m, n * m,
                        t[0], n / (t[0] / 60), t[1], n / (t[1] / 60), t[0] / t[1]);
                md.append(row);
                System.out.print(row);
                Files.writeString(out, md.toString());
            }
        }
        spark.stop();
        Files.writeString(out, md.toString());
    }

    /** The resident memory an open ONNX Runtime session adds, from every suspect file open at once. */
    private static String sessionMemory(List<Path> files) throws IOException {
        List<SuspectOpener.Opened> open = new ArrayList<>();
        long before = residentKb();
        long bytes = 0;
        try {
            for (Path f : files) {
                open.add(SuspectOpener.open(SuspectSpec.of(f.getFileName().toString(), f.toString()), 10,
                        OptionalLong.empty()));
                bytes += Files.size(f);
            }
            long after = residentKb();
            return String.format(Locale.ROOT, "%d ONNX Runtime sessions open at once (files %.1f MB in all) add %.0f MB "
                    + "of resident memory: %.1f MB per session", files.size(), bytes / 1e6, (after - before) / 1024.0,
                    (after - before) / 1024.0 / files.size());
        } finally {
            open.forEach(SuspectOpener.Opened::close);
        }
    }

    private static long residentKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }

    /** Seconds for Spark, then for the single-JVM loop. */
    private static double[] measure(SparkSession spark, List<SuspectSpec> specs, Map<String, VictimFingerprint> victims,
                                    Path work, String label) {
        Path dir = work.resolve("fp-" + label);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        victims.forEach((name, fp) -> FingerprintFile.write(fp, dir.resolve(name + ".fp.json")));
        long t0 = System.nanoTime();
        long rows = SuspectScreening.builder(spark).suspects(specs)
                .fingerprints(SuspectScreening.fingerprintsInFolder(spark, dir.toString())).partitions(8)
                .build().run().filter("error is null").count();
        double sparkSeconds = (System.nanoTime() - t0) / 1e9;
        if (rows != (long) specs.size() * victims.size()) {
            throw new IllegalStateException("Spark gave " + rows + " verdicts without error, expected "
                    + specs.size() * victims.size());
        }
        long t1 = System.nanoTime();
        int verdicts = 0;
        for (SuspectSpec s : specs) {
            try (SuspectOpener.Opened o = SuspectOpener.open(s, 10, OptionalLong.empty())) {
                for (Map.Entry<String, VictimFingerprint> v : victims.entrySet()) {
                    FingerprintVerifier.forFingerprint(v.getValue()).build().verify(v.getValue(), o.model());
                    verdicts++;
                }
            }
        }
        double jvmSeconds = (System.nanoTime() - t1) / 1e9;
        if (verdicts != specs.size() * victims.size()) {
            throw new IllegalStateException("the loop gave " + verdicts + " verdicts");
        }
        return new double[] {sparkSeconds, jvmSeconds};
    }

    private static List<SuspectSpec> specs(List<Path> files, int n) {
        List<SuspectSpec> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Path f = files.get(i % files.size());
            out.add(SuspectSpec.of(String.format(Locale.ROOT, "s%04d-%s", i, f.getFileName()), f.toString()));
        }
        return out;
    }

    private static Map<String, VictimFingerprint> subset(Map<String, VictimFingerprint> all, int m) {
        Map<String, VictimFingerprint> out = new TreeMap<>();
        all.entrySet().stream().limit(m).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private static List<Integer> ints(String csv) {
        List<Integer> out = new ArrayList<>();
        for (String s : csv.split(",")) {
            out.add(Integer.parseInt(s.trim()));
        }
        return out;
    }
}
