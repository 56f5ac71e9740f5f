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

import io.modelprint.calibration.Calibration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Derives default thresholds from a detection benchmark's {@code distances.csv}: for each scheme,
 * the threshold {@link Calibration} sets for a 5% false-positive rate from the distances of the
 * negatives of the victims' task (independent, student-matched and twins, of every victim in the
 * file, undisguised), the false-positive rate that threshold has on them, and the share of each
 * stolen family it catches. Writes {@code thresholds.md} beside the CSV; these are the figures
 * behind {@code default-thresholds.properties}. Filter the CSV first (by split, framework or
 * victim) to derive them from some victims only.
 *
 * <pre>
 * mvn -q -pl benchmarks -am compile exec:java@thresholds -Dexec.args="benchmarks/results/full-dev"
 * </pre>
 */
@Command(name = "threshold-report", mixinStandardHelpOptions = true,
        description = "Default thresholds from a detection benchmark's distances.csv.")
public final class ThresholdReport implements Callable<Integer> {

    private static final List<String> STOLEN = StolenFamilies.SEVEN;
    private static final List<String> NEGATIVES = List.of(Role.INDEPENDENT.label(), Role.MATCHED.label(), Role.TWIN.label());

    @Parameters(index = "0", description = "a results directory holding distances.csv")
    private Path dir;

    @Option(names = "--fpr", defaultValue = "0.05", description = "target false-positive rate (default 0.05)")
    private double fpr;

    /** Runs the report. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new ThresholdReport()).execute(args));
    }

    /** One row of {@code distances.csv}: the fields this report uses. */
    record Row(String model, String role, String family, String scheme, String evasion, double distance) { }

    /**
     * Reads {@code distances.csv} as {@link DetectionReport} writes it (its header, then
     * comma-separated fields none of which contains a comma).
     *
     * @throws IllegalArgumentException naming the line when a row does not have the expected fields
     */
    static List<Row> read(Path csv) {
        List<String> lines;
        try {
            lines = Files.readAllLines(csv);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv + ": " + e.getMessage(), e);
        }
        if (lines.isEmpty() || !(lines.get(0).equals(DetectionReport.CSV_HEADER)
                || lines.get(0).equals(DetectionReport.CSV_HEADER_WITHOUT_P))) {
            throw new IllegalArgumentException(csv + " is not a detection benchmark distances.csv (header "
                    + (lines.isEmpty() ? "missing" : "'" + lines.get(0) + "'") + ", expected '" + DetectionReport.CSV_HEADER
                    + "'): re-run the benchmark to write one");
        }
        List<String> header = List.of(lines.get(0).split(","));
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            // a trailing empty outcome is kept by the limit -1
            String[] f = lines.get(i).split(",", -1);
            if (f.length != header.size()) {
                throw new IllegalArgumentException(csv + " line " + (i + 1) + ": expected " + header.size() + " fields, got "
                        + f.length);
            }
            rows.add(new Row(f[header.indexOf("model")], f[header.indexOf("role")], f[header.indexOf("family")],
                    f[header.indexOf("scheme")], f[header.indexOf("evasion")], Double.parseDouble(f[header.indexOf("distance")])));
        }
        return rows;
    }

    @Override
    public Integer call() {
        List<Row> rows = read(dir.resolve("distances.csv"));
        Map<String, List<Row>> byScheme = new LinkedHashMap<>();
        rows.stream().filter(r -> r.evasion().equals(Evasion.NONE.name()))
                .forEach(r -> byScheme.computeIfAbsent(r.scheme(), k -> new ArrayList<>()).add(r));
        StringBuilder md = new StringBuilder();
        md.append("# Default thresholds from ").append(dir.getFileName()).append("\n\n")
                .append(String.format(Locale.ROOT, "For each scheme: the threshold that `Calibration` sets for a "
                        + "false-positive rate of %.0f%% from the distances of the negatives of the victims' task "
                        + "(independent, student-matched and twins, pooled over the victims in the file); the share of "
                        + "those models it calls stolen; the share of each stolen family it catches (transfer copies "
                        + "included, as a default threshold cannot know the task).%n%n", 100 * fpr))
                .append("| scheme | independent | threshold | FPR | ").append(String.join(" | ", STOLEN))
                .append(" |\n|---|---|---|---|").append("---|".repeat(STOLEN.size())).append('\n');
        for (Map.Entry<String, List<Row>> e : byScheme.entrySet()) {
            double[] neg = e.getValue().stream().filter(r -> NEGATIVES.contains(r.role()))
                    .mapToDouble(Row::distance).toArray();
            if (neg.length < 2) {
                continue;
            }
            Calibration c = Calibration.ofDistances(neg, fpr);
            double t = c.threshold().value();
            md.append(String.format(Locale.ROOT, "| %s | %d | %.4g | %.2f |", e.getKey(), neg.length, t,
                    share(neg, t)));
            for (String family : STOLEN) {
                double[] pos = e.getValue().stream().filter(r -> r.family().equals(family)).mapToDouble(Row::distance)
                        .toArray();
                md.append(pos.length == 0 ? " - |" : String.format(Locale.ROOT, " %.2f |", share(pos, t)));
            }
            md.append('\n');
        }
        Path out = dir.resolve("thresholds.md");
        try {
            Files.writeString(out, md);
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write " + out + ": " + ex.getMessage(), ex);
        }
        System.out.print(md);
        return 0;
    }

    /** Share of distances strictly below {@code threshold} (called stolen). */
    private static double share(double[] d, double threshold) {
        int n = 0;
        for (double x : d) {
            if (x < threshold) {
                n++;
            }
        }
        return (double) n / d.length;
    }
}
