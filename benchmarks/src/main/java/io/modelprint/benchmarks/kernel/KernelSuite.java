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
package io.modelprint.benchmarks.kernel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the kernel benchmarks as one suite and writes a Markdown table of the results: time per
 * operation, GFLOP/s, the ratio to the baseline loops measured just before in the same suite,
 * and the fraction of this machine's FP32 peak.
 *
 * <p>Every (operation, N, C) runs all its backends back to back, so that their ratio is taken
 * under the same load. The baseline is skipped where one call would take more than about 10 s
 * (stated in the table). The peak is {@code cores x clock x 32 FLOP/cycle} (AVX-512 on Zen 4: two
 * 256-bit FMA pipes, 8 float lanes, 2 FLOP per FMA), the clock read from {@code /proc/cpuinfo}.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar io.modelprint.benchmarks.kernel.KernelSuite results.md
 * java -cp benchmarks/target/benchmarks.jar io.modelprint.benchmarks.kernel.KernelSuite results.md --quick
 * java -cp benchmarks/target/benchmarks.jar io.modelprint.benchmarks.kernel.KernelSuite fused.md --only=FusedDistance
 * }</pre>
 */
public final class KernelSuite {

    /** FP32 FLOP per cycle per core: 2 FMA pipes x 8 lanes x 2 (Zen 4 runs AVX-512 as two 256-bit halves). */
    static final int FLOP_PER_CYCLE = 32;

    /** Baseline calls above this many multiply-adds (over 10 s at its ~0.8 GMAC/s) are skipped. */
    static final double BASELINE_LIMIT = 1e10;

    private record Config(String benchmark, String method, String function, int n, int c, List<String> backends,
                          String skipped) {
    }

    private record Row(Config config, String backend, double ms, double error, double load) {
    }

    private KernelSuite() {
    }

    public static void main(String[] args) throws RunnerException, IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "kernel-results.md");
        boolean quick = List.of(args).contains("--quick");
        // --only=FusedDistance keeps the configurations whose benchmark name contains that text
        String only = List.of(args).stream().filter(a -> a.startsWith("--only=")).map(a -> a.substring(7))
                .findFirst().orElse("");
        List<Config> configs = configs(quick).stream().filter(c -> c.benchmark().contains(only)).toList();
        Instant start = Instant.now();
        String loadBefore = loadAverage();
        List<Row> rows = new ArrayList<>();
        for (Config config : configs) {
            double load = oneMinuteLoad();
            for (RunResult r : run(config)) {
                rows.add(new Row(config, r.getParams().getParam("backend"), r.getPrimaryResult().getScore(),
                        r.getPrimaryResult().getScoreError(), load));
            }
            Files.writeString(out, report(rows, start, loadBefore), StandardCharsets.UTF_8);
        }
        Files.writeString(out, report(rows, start, loadBefore), StandardCharsets.UTF_8);
    }

    private static List<Config> configs(boolean quick) {
        List<Config> out = new ArrayList<>();
        int[] sizes = quick ? new int[] {100, 500} : new int[] {100, 500, 2000, 8000};
        int[] fusedSizes = quick ? new int[] {100, 500} : new int[] {100, 500, 2000, 4096, 8000};
        int[] classes = quick ? new int[] {10} : new int[] {10, 100, 1000};
        for (int n : fusedSizes) {
            for (int c : classes) {
                // the baseline's triangle: N^2 / 2 pairs, C multiply-adds for each model
                out.add(config("FusedDistanceBenchmark", "fusedDistance", "cosine", n, c, (double) n * n * c));
            }
        }
        out.add(config("FusedDistanceBenchmark", "fusedDistance", "gaussian", quick ? 500 : 4096, 10, 0));
        for (String method : List.of("cosineMatrix", "gaussianMatrix")) {
            for (int n : sizes) {
                for (int c : classes) {
                    out.add(config("CorrelationMatrixBenchmark", method, method.replace("Matrix", ""), n, c,
                            (double) n * n * c / 2));
                }
            }
        }
        for (int n : sizes) {
            out.add(config("MeanAbsoluteDifferenceBenchmark", "meanAbsoluteDifference", "-", n, 0, 0));
        }
        if (!quick) {
            out.add(new Config("LargeFusedDistanceBenchmark", "fusedDistance", "cosine", 50_000, 10,
                    List.of("java", "nd4j"), "memory check in a -Xmx100m fork; baseline not run (~17 s per call)"));
        }
        return out;
    }

    private static Config config(String benchmark, String method, String function, int n, int c,
            double baselineMultiplyAdds) {
        if (baselineMultiplyAdds > BASELINE_LIMIT) {
            return new Config(benchmark, method, function, n, c, List.of("java", "nd4j"), String.format(Locale.ROOT,
                    "baseline skipped: %.1e multiply-adds, over 10 s per call", baselineMultiplyAdds));
        }
        return new Config(benchmark, method, function, n, c, List.of("baseline", "java", "nd4j"), null);
    }

    private static Collection<RunResult> run(Config config) throws RunnerException {
        ChainedOptionsBuilder o = new OptionsBuilder()
                .include("^" + KernelSuite.class.getPackageName().replace(".", "\\.") + "\\." + config.benchmark() + "\\."
                        + config.method() + "$")
                .param("n", Integer.toString(config.n()))
                .param("backend", config.backends().toArray(String[]::new))
                .shouldFailOnError(true);
        if (config.c() > 0) {
            o.param("c", Integer.toString(config.c()));
        }
        if (config.benchmark().equals("FusedDistanceBenchmark")) {
            o.param("function", config.function());
        }
        // calls of a second or more: one warm-up and two measured calls are enough and keep the suite short
        double multiplyAdds = (double) config.n() * config.n() * Math.max(1, config.c());
        if (multiplyAdds > 2e9 && !config.benchmark().startsWith("Large")) {
            o.warmupIterations(1).measurementIterations(2).measurementTime(TimeValue.seconds(1));
        }
        return new Runner(o.build()).run();
    }

    private static String report(List<Row> rows, Instant start, String loadBefore) {
        double ghz = clockGhz();
        int cores = Runtime.getRuntime().availableProcessors();
        double peak = cores * ghz * FLOP_PER_CYCLE;
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "CPU: %s, %d cores, %.3f GHz (/proc/cpuinfo \"cpu MHz\"); "
                        + "FP32 peak %d x %.3f x %d = %.1f GFLOP/s%n", cpuModel(), cores, ghz, cores, ghz, FLOP_PER_CYCLE,
                peak));
        s.append(String.format(Locale.ROOT, "JVM: %s %s; OMP_NUM_THREADS=%s; started %s, %d min; load average "
                        + "before: %s, now: %s%n%n", System.getProperty("java.vm.name"), System.getProperty("java.version"),
                System.getenv("OMP_NUM_THREADS"), start, Duration.between(start, Instant.now()).toMinutes(), loadBefore,
                loadAverage()));
        s.append("| operation | f | N | C | backend | ms/op | ± | GFLOP/s | x baseline | % of peak | load | note |\n");
        s.append("|---|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---|\n");
        for (Row r : rows) {
            Config c = r.config();
            double flops = flops(c);
            double gflops = flops / (r.ms() * 1e6);
            Row base = rows.stream().filter(b -> b.config().equals(c) && b.backend().equals("baseline")).findFirst()
                    .orElse(null);
            String ratio = base == null ? "-" : String.format(Locale.ROOT, "%.1f", base.ms() / r.ms());
            String note = c.skipped() != null ? c.skipped() : "";
            if (c.benchmark().startsWith("MeanAbsolute")) {
                note = String.format(Locale.ROOT, "%.1f GB/s read", 8.0 * c.n() * c.n() / (r.ms() * 1e6));
            }
            s.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | %s | %.3f | %.3f | %.1f | %s | %.1f%% | %.1f | %s |%n",
                    c.benchmark().replace("Benchmark", "") + (c.method().equals("fusedDistance") ? "" : "." + c.method()),
                    c.function(), c.n(), c.c() > 0 ? Integer.toString(c.c()) : "-", r.backend(), r.ms(), r.error(),
                    gflops, ratio, 100 * gflops / peak, r.load(), note));
        }
        return s.toString();
    }

    /** FLOPs counted per call: {@code 2 N^2 C} per Gram product, as if computed in full; {@code 2 N^2} for the difference. */
    static double flops(Config c) {
        double n2 = (double) c.n() * c.n();
        return switch (c.benchmark()) {
            case "FusedDistanceBenchmark", "LargeFusedDistanceBenchmark" -> 2 * n2 * (2.0 * c.c());
            case "CorrelationMatrixBenchmark" -> 2 * n2 * c.c();
            default -> 2 * n2;
        };
    }

    private static double clockGhz() {
        return cpuInfo("cpu MHz").map(v -> Double.parseDouble(v) / 1000).orElse(Double.NaN);
    }

    private static String cpuModel() {
        return cpuInfo("model name").orElse(System.getProperty("os.arch"));
    }

    private static Optional<String> cpuInfo(String key) {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith(key))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private static double oneMinuteLoad() {
        String l = loadAverage();
        return l.equals("?") ? Double.NaN : Double.parseDouble(l.split(" ")[0]);
    }
}
