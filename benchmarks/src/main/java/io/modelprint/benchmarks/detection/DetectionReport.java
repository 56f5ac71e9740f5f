package io.modelprint.benchmarks.detection;

import io.modelprint.calibration.NullDistribution;
import io.modelprint.zoo.Family;
import io.modelprint.zoo.TrainedMember;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.Histogram;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Writes a detection benchmark's results: {@code RESULTS.md} (AUC and TPR at FPR <= 5% per
 * family and scheme, against independent models and against independent models plus the
 * victim's twins; each model's accuracy, fidelity and distances; timings; suggested default
 * thresholds), {@code distances.csv}, and per scheme a ROC plot and a distance histogram as PNG.
 *
 * <pre>{@code
 * Path md = DetectionReport.write(results, Path.of("benchmarks/results/smoke-dev"), command, minutes);
 * }</pre>
 */
public final class DetectionReport {

    /** The false-positive rate TPR is reported at. */
    public static final double FPR = 0.05;

    private DetectionReport() {
    }

    /** Writes everything into {@code dir}; returns the path of RESULTS.md. */
    public static Path write(DetectionResults r, Path dir, String command, double wallMinutes) throws IOException {
        Files.createDirectories(dir);
        writeCsv(r, dir.resolve("distances.csv"));
        for (String s : r.schemes()) {
            rocPlot(r, s, dir.resolve("roc-" + fileName(s) + ".png"));
            histogram(r, s, dir.resolve("hist-" + fileName(s) + ".png"));
        }
        Path md = dir.resolve("RESULTS.md");
        Files.writeString(md, markdown(r, command, wallMinutes));
        return md;
    }

    static String fileName(String scheme) {
        return scheme.replace('/', '-');
    }

    static String markdown(DetectionResults r, String command, double wallMinutes) {
        StringBuilder s = new StringBuilder();
        s.append("# Detection benchmark: ").append(r.zoo()).append("\n\n");
        s.append(String.format(Locale.ROOT, "Reproduce with `%s` (%.0f minutes on this run, zoo cached or trained).%n%n",
                command, wallMinutes));
        s.append(counts(r)).append("\n");
        for (boolean twins : new boolean[] {false, true}) {
            String against = twins ? "independent models and the victim's twins" : "independent models";
            s.append("## AUC against ").append(against).append("\n\n");
            s.append(table(r, (scheme, f) -> r.auc(scheme, f, twins)));
            s.append("\n## TPR at FPR <= 5% against ").append(against).append("\n\n");
            s.append(table(r, (scheme, f) -> r.tpr(scheme, f, twins, FPR)));
            s.append("\n");
        }
        s.append("Transfer is scored against independent models of the transfer task in both tables.\n\n");
        s.append("## Cost\n\n| scheme | queries per suspect | query set and victim fingerprint (s) | per suspect (ms) |\n|---|---|---|---|\n");
        for (String scheme : r.schemes()) {
            s.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.0f |%n", scheme, r.queries().get(scheme),
                    r.buildSeconds().get(scheme), r.suspectMillis().get(scheme)));
        }
        s.append("\n## Suggested default thresholds\n\nThe 5% quantile of a log-normal prediction from the independent "
                + "models and twins of the victim's task (io.modelprint.calibration.NullDistribution), per scheme:\n\n```\n");
        for (String scheme : r.schemes()) {
            double[] neg = r.negatives(scheme, Family.EXTRACT_LABELS, true);
            if (neg.length >= NullDistribution.MIN_REFERENCES) {
                s.append(String.format(Locale.ROOT, "%s = %.4g%n", scheme, NullDistribution.of(neg).threshold(FPR).value()));
            }
        }
        s.append("```\n\n## Models\n\n| model | family | architecture | accuracy | fidelity |");
        r.schemes().forEach(x -> s.append(' ').append(x).append(" |"));
        s.append("\n|---|---|---|---|---|");
        r.schemes().forEach(x -> s.append("---|"));
        s.append('\n');
        for (TrainedMember m : r.members()) {
            s.append(String.format(Locale.ROOT, "| %s | %s | %s | %.3f | %.3f |", shortId(m.id()), m.family().label(),
                    m.member().architecture().name(), m.measurements().accuracy(), m.measurements().fidelity()));
            for (String scheme : r.schemes()) {
                s.append(String.format(Locale.ROOT, " %.4f |", r.distances().get(scheme).get(m.id())));
            }
            s.append('\n');
        }
        s.append("\nAccuracy is on the test set of the model's own task (corrupted for the transfer task); fidelity is "
                + "agreement with the victim's labels on the clean test set.\n");
        return s.toString();
    }

    private static String shortId(String id) {
        int cut = id.lastIndexOf("__");
        return cut > 0 ? id.substring(0, cut) : id;
    }

    private static String counts(DetectionResults r) {
        StringBuilder s = new StringBuilder("Models: ");
        List<String> parts = new ArrayList<>();
        for (Family f : Family.values()) {
            long n = r.members().stream().filter(m -> m.family() == f).count();
            if (n > 0 && f != Family.VICTIM) {
                parts.add(f.label() + " " + n);
            }
        }
        return s.append(String.join(", ", parts)).append(".\n").toString();
    }

    private interface Score {
        double of(String scheme, Family family);
    }

    private static String table(DetectionResults r, Score score) {
        StringBuilder s = new StringBuilder("| scheme |");
        DetectionResults.STOLEN.forEach(f -> s.append(' ').append(f.label()).append(" |"));
        s.append(" mean |\n|---|");
        DetectionResults.STOLEN.forEach(f -> s.append("---|"));
        s.append("---|\n");
        for (String scheme : r.schemes()) {
            s.append("| ").append(scheme).append(" |");
            double sum = 0;
            int n = 0;
            for (Family f : DetectionResults.STOLEN) {
                double v = score.of(scheme, f);
                s.append(Double.isNaN(v) ? " - |" : String.format(Locale.ROOT, " %.2f |", v));
                if (!Double.isNaN(v)) {
                    sum += v;
                    n++;
                }
            }
            s.append(String.format(Locale.ROOT, " %.2f |%n", n == 0 ? Double.NaN : sum / n));
        }
        return s.toString();
    }

    private static void writeCsv(DetectionResults r, Path file) throws IOException {
        StringBuilder s = new StringBuilder("zoo,model,family,architecture,accuracy,fidelity,scheme,distance\n");
        for (String scheme : r.schemes()) {
            for (TrainedMember m : r.members()) {
                s.append(String.format(Locale.ROOT, "%s,%s,%s,%s,%.4f,%.4f,%s,%.6g%n", r.zoo(), m.id(), m.family().label(),
                        m.member().architecture().name(), m.measurements().accuracy(), m.measurements().fidelity(), scheme,
                        r.distances().get(scheme).get(m.id())));
            }
        }
        Files.writeString(file, s.toString());
    }

    private static void rocPlot(DetectionResults r, String scheme, Path file) throws IOException {
        XYChart chart = new XYChartBuilder().width(640).height(520).title("ROC: " + scheme + " (" + r.zoo() + ")")
                .xAxisTitle("false-positive rate").yAxisTitle("true-positive rate").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisMax(1.0);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(1.05);
        for (Family f : DetectionResults.STOLEN) {
            double[] pos = r.distances(scheme, f);
            double[] neg = r.negatives(scheme, f, false);
            if (pos.length == 0 || neg.length == 0) {
                continue;
            }
            List<Roc.Point> curve = Roc.curve(neg, pos);
            double[] x = curve.stream().mapToDouble(Roc.Point::fpr).toArray();
            double[] y = curve.stream().mapToDouble(Roc.Point::tpr).toArray();
            XYSeries series = chart.addSeries(String.format(Locale.ROOT, "%s (%.2f)", f.label(), Roc.auc(neg, pos)), x, y);
            series.setMarker(SeriesMarkers.NONE);
        }
        XYSeries chance = chart.addSeries("chance", new double[] {0, 1}, new double[] {0, 1});
        chance.setMarker(SeriesMarkers.NONE).setLineColor(Color.LIGHT_GRAY);
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    private static void histogram(DetectionResults r, String scheme, Path file) throws IOException {
        CategoryChart chart = new CategoryChartBuilder().width(800).height(520)
                .title("Distances: " + scheme + " (" + r.zoo() + ")").xAxisTitle("distance to the victim")
                .yAxisTitle("models").build();
        chart.getStyler().setOverlapped(true);
        chart.getStyler().setXAxisDecimalPattern("0.###");
        chart.getStyler().setXAxisLabelRotation(45);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        double[] all = r.distances().get(scheme).values().stream().mapToDouble(Double::doubleValue).toArray();
        double min = Arrays.stream(all).min().orElse(0);
        double max = Arrays.stream(all).max().orElse(1);
        if (max <= min) {
            max = min + 1e-9;
        }
        int bins = 24;
        List<Family> shown = new ArrayList<>(List.of(Family.INDEPENDENT, Family.TWIN));
        shown.addAll(DetectionResults.STOLEN);
        for (Family f : shown) {
            double[] d = r.distances(scheme, f);
            if (d.length == 0) {
                continue;
            }
            List<Double> values = Arrays.stream(d).boxed().toList();
            Histogram h = new Histogram(values, bins, min, max);
            chart.addSeries(f.label(), h.getxAxisData(), h.getyAxisData());
        }
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }
}
