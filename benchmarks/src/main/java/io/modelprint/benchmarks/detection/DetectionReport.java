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

import io.modelprint.evasion.EvasionCost;
import io.modelprint.benchmarks.detection.DetectionResults.SchemeInfo;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
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
 * Writes a detection run's results: {@code RESULTS.md} (the victims; AUC and TPR at FPR <= 5%
 * per stolen family, per victim and as means over the development and test victims of each
 * framework and of both, against every {@link NegativeSet}; the out-of-the-box verdicts; AUC
 * against the query budget; evasions; costs; every model's recipe, queries, accuracy, fidelity and
 * distances), {@code distances.csv}, and per scheme and victim a ROC plot and a distance
 * histogram under {@code plots/}.
 *
 * <pre>{@code
 * Path md = DetectionReport.write(results, Path.of("benchmarks/results/heldout-style"), command, minutes);
 * }</pre>
 */
public final class DetectionReport {

    /** The false-positive rate TPR is reported at. */
    public static final double FPR = 0.05;

    private DetectionReport() {
    }

    /** A set of victims a mean is taken over. */
    record Group(String label, String split, Framework framework) {

        boolean test(BenchmarkMember v) {
            return v.split().equals(split) && (framework == null || v.framework() == framework);
        }

        static List<Group> all() {
            List<Group> out = new ArrayList<>();
            for (String split : List.of("test", "dev")) {
                out.add(new Group(split + ": both", split, null));
                for (Framework f : Framework.values()) {
                    out.add(new Group(split + ": " + f.label(), split, f));
                }
            }
            return out;
        }
    }

    /** Writes everything into {@code dir}; returns the path of RESULTS.md. */
    public static Path write(DetectionResults r, Path dir, String command, double wallMinutes) throws IOException {
        Files.createDirectories(dir.resolve("plots"));
        Files.writeString(dir.resolve("distances.csv"), csv(r));
        for (SchemeInfo s : mainSchemes(r)) {
            for (BenchmarkMember v : r.victims()) {
                if (r.skipped(s.label(), v) == null) {
                    String name = fileName(s.label()) + "-" + fileName(v.victimKey());
                    rocPlot(r, s.label(), v, dir.resolve("plots").resolve("roc-" + name + ".png"));
                    histogram(r, s.label(), v, dir.resolve("plots").resolve("hist-" + name + ".png"));
                }
            }
        }
        Path md = dir.resolve("RESULTS.md");
        Files.writeString(md, markdown(r, command, wallMinutes));
        return md;
    }

    static String fileName(String s) {
        return s.replace('/', '-').replace(':', '-').replace('+', '-');
    }

    /** The schemes that are not points of a budget curve. */
    static List<SchemeInfo> mainSchemes(DetectionResults r) {
        return r.schemes().stream().filter(s -> s.budget() == 0).toList();
    }

    /** The groups with victims; per-framework groups only when the run has both frameworks. */
    private static List<Group> groups(DetectionResults r) {
        boolean both = r.victims().stream().map(BenchmarkMember::framework).distinct().count() > 1;
        return Group.all().stream().filter(g -> r.count(g::test) > 0 && (both || g.framework() == null)).toList();
    }

    static String markdown(DetectionResults r, String command, double wallMinutes) {
        StringBuilder s = new StringBuilder();
        String none = Evasion.NONE.name();
        s.append("# Detection benchmark\n\n");
        s.append(String.format(Locale.ROOT, "Reproduce with `%s` (%.0f minutes on this run). Zoos: %s. Every scheme "
                + "fingerprints each victim once with the whole owner data (the 10,000 Fashion-MNIST test images, as "
                + "`FingerprintVerifier.defaults().ownerData(testImages)` is called; the scheme chooses its queries from "
                + "them) and verifies the victim's stolen copies and twins and its split's shared negatives. "
                + "`%s` is the out-of-the-box verifier, `FingerprintVerifier.defaults().ownerData(testImages).build()`; "
                + "`%s` the same with %s.%n%n", command, wallMinutes, String.join(", ", r.zoos()), DetectionRun.DEFAULTS,
                DetectionRun.withReferences(4), "four independent references of the victim's split (its independent "
                        + "models of other architectures first, then student-matched ones), left out of its verdict counts"));
        s.append("Cells are `AUC / TPR at FPR <= 5%`. AUC is the chance that a negative lies farther from the victim than "
                + "a stolen copy (ties count half); TPR the largest share of a family's copies a threshold catches while "
                + "calling at most 5% of the negatives stolen. Each is computed per victim and family, then averaged over "
                + "victims (a family's mean over victims, a scheme's mean over families). Negative sets: (a) all "
                + "negatives (twins, student-matched, independent, corrupted-task); (b) without twins; (c) twins only; "
                + "(d) student-matched only; transferred copies are scored against the corrupted-task models plus the "
                + "set's others.\n\n");
        victims(s, r);
        s.append("## Summary: mean over families and victims\n\n");
        for (NegativeSet set : NegativeSet.values()) {
            s.append("### ").append(setTitle(set)).append("\n\n");
            summary(s, r, set, none);
        }
        for (Group g : groups(r)) {
            s.append("## Per family: ").append(g.label()).append(" victims, ").append(NegativeSet.ALL.label()).append("\n\n");
            families(s, r, g::test, NegativeSet.ALL, none);
        }
        for (NegativeSet set : List.of(NegativeSet.WITHOUT_TWINS, NegativeSet.TWINS, NegativeSet.MATCHED)) {
            for (Group g : groups(r).stream().filter(g -> g.framework() == null).toList()) {
                s.append("## Per family: ").append(g.label()).append(" victims, ").append(setTitle(set)).append("\n\n");
                families(s, r, g::test, set, none);
            }
        }
        verdicts(s, r, none);
        budgets(s, r);
        evasions(s, r);
        costs(s, r);
        s.append("## Per victim\n\n");
        for (BenchmarkMember v : r.victims()) {
            s.append("### ").append(v.victimKey()).append(" (").append(v.architecture())
                    .append(String.format(Locale.ROOT, ", accuracy %.4f)%n%n", v.accuracy()));
            families(s, r, x -> x.equals(v), NegativeSet.ALL, none);
            s.append("Means over families against (b), (c), (d): ");
            List<String> parts = new ArrayList<>();
            for (SchemeInfo scheme : mainSchemes(r)) {
                parts.add(scheme.label() + " " + Arrays.stream(new NegativeSet[] {NegativeSet.WITHOUT_TWINS, NegativeSet.TWINS,
                        NegativeSet.MATCHED}).map(set -> number(r.familyMean(v, (x, f) -> r.auc(scheme.label(), none, x, f, set))))
                        .collect(Collectors.joining(" / ")));
            }
            s.append(String.join("; ", parts)).append(".\n\n");
        }
        models(s, r, none);
        return s.toString();
    }

    private static String setTitle(NegativeSet set) {
        String letter = switch (set) {
            case ALL -> "(a)";
            case WITHOUT_TWINS -> "(b)";
            case TWINS -> "(c)";
            case MATCHED -> "(d)";
        };
        return letter + " " + set.label();
    }

    private static void victims(StringBuilder s, DetectionResults r) {
        s.append("## Victims\n\n| framework | split | victim | architecture | accuracy | stolen | twins | matched | "
                + "independent | corrupted-task |\n|---|---|---|---|---|---|---|---|---|---|\n");
        for (BenchmarkMember v : r.victims()) {
            List<BenchmarkMember> sus = r.suspectsOf(v);
            s.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %.4f | %d | %d | %d | %d | %d |%n", v.framework().label(),
                    v.split(), v.victim(), v.architecture(), v.accuracy(), count(sus, Role.STOLEN), count(sus, Role.TWIN),
                    count(sus, Role.MATCHED), count(sus, Role.INDEPENDENT), count(sus, Role.CORRUPTED)));
        }
        s.append('\n');
    }

    private static long count(List<BenchmarkMember> l, Role role) {
        return l.stream().filter(m -> m.role() == role).count();
    }

    private static void summary(StringBuilder s, DetectionResults r, NegativeSet set, String evasion) {
        List<Group> groups = groups(r);
        s.append("| scheme |");
        groups.forEach(g -> s.append(' ').append(g.label()).append(String.format(Locale.ROOT, " (%d) |", r.count(g::test))));
        s.append("\n|---|").append("---|".repeat(groups.size())).append('\n');
        for (SchemeInfo scheme : mainSchemes(r)) {
            s.append("| ").append(scheme.label()).append(" |");
            for (Group g : groups) {
                double auc = r.mean(g::test, v -> r.familyMean(v, (x, f) -> r.auc(scheme.label(), evasion, x, f, set)));
                double tpr = r.mean(g::test, v -> r.familyMean(v, (x, f) -> r.tpr(scheme.label(), evasion, x, f, set, FPR)));
                s.append(' ').append(cell(auc, tpr)).append(" |");
            }
            s.append('\n');
        }
        s.append('\n');
    }

    private static void families(StringBuilder s, DetectionResults r, Predicate<BenchmarkMember> which, NegativeSet set,
                                 String evasion) {
        List<String> families = r.families();
        s.append("| scheme |");
        families.forEach(f -> s.append(' ').append(f).append(" |"));
        s.append(" mean |\n|---|").append("---|".repeat(families.size() + 1)).append('\n');
        for (SchemeInfo scheme : mainSchemes(r)) {
            s.append("| ").append(scheme.label()).append(" |");
            for (String f : families) {
                double auc = r.mean(which, v -> r.auc(scheme.label(), evasion, v, f, set));
                double tpr = r.mean(which, v -> r.tpr(scheme.label(), evasion, v, f, set, FPR));
                s.append(' ').append(cell(auc, tpr)).append(" |");
            }
            double auc = r.mean(which, v -> r.familyMean(v, (x, f) -> r.auc(scheme.label(), evasion, x, f, set)));
            double tpr = r.mean(which, v -> r.familyMean(v, (x, f) -> r.tpr(scheme.label(), evasion, x, f, set, FPR)));
            s.append(' ').append(cell(auc, tpr)).append(" |\n");
        }
        s.append('\n');
    }

    private static void verdicts(StringBuilder s, DetectionResults r, String evasion) {
        List<SchemeInfo> deciding = r.schemes().stream().filter(SchemeInfo::decides).toList();
        if (deciding.isEmpty()) {
            return;
        }
        s.append("## Out-of-the-box verdicts\n\nCounts of verdicts per victim: stolen copies called stolen; "
                + "negatives called stolen by role (independent includes corrupted-task models); verdicts that were "
                + "neither (INCONCLUSIVE: the verdict said it cannot decide, and why). References used by a configuration are left out "
                + "of its counts.\n\n| victim | configuration | stolen caught | independent called stolen | matched "
                + "called stolen | twins called stolen | inconclusive |\n|---|---|---|---|---|---|---|\n");
        for (Group split : groups(r).stream().filter(x -> x.framework() == null).toList()) {
            for (SchemeInfo c : deciding) {
                int[] total = new int[10];
                for (Group g : Group.all().stream().filter(x -> x.split().equals(split.split()) && x.framework() != null
                        && r.count(x::test) > 0).toList()) {
                    int[] sub = new int[10];
                    for (BenchmarkMember v : r.victims().stream().filter(g::test).toList()) {
                        if (r.skipped(c.label(), v) != null) {
                            s.append("| ").append(v.victimKey()).append(" | ").append(c.label()).append(" | not run: ")
                                    .append(r.skipped(c.label(), v)).append(" | | | | |\n");
                            continue;
                        }
                        int[] row = verdictRow(r.verdictCounts(c.label(), evasion, v));
                        for (int i = 0; i < row.length; i++) {
                            sub[i] += row[i];
                            total[i] += row[i];
                        }
                        s.append("| ").append(v.victimKey()).append(" | ").append(c.label()).append(" | ")
                                .append(verdictCells(row)).append(" |\n");
                    }
                    s.append("| **").append(g.label()).append("** | ").append(c.label()).append(" | ").append(verdictCells(sub))
                            .append(" |\n");
                }
                s.append("| **").append(split.label()).append("** | ").append(c.label()).append(" | ")
                        .append(verdictCells(total)).append(" |\n");
            }
        }
        s.append('\n');
    }

    /** stolen caught, stolen n, independent+corrupted called, n, matched called, n, twins called, n, inconclusive, all. */
    private static int[] verdictRow(Map<Role, Map<Outcome, Integer>> counts) {
        int[] row = new int[10];
        for (Map.Entry<Role, Map<Outcome, Integer>> e : counts.entrySet()) {
            int stolen = e.getValue().getOrDefault(Outcome.STOLEN, 0);
            int n = e.getValue().values().stream().mapToInt(Integer::intValue).sum();
            int at = switch (e.getKey()) {
                case STOLEN -> 0;
                case INDEPENDENT, CORRUPTED -> 2;
                case MATCHED -> 4;
                case TWIN -> 6;
                case VICTIM -> -1;
            };
            if (at >= 0) {
                row[at] += stolen;
                row[at + 1] += n;
            }
            row[8] += e.getValue().getOrDefault(Outcome.INCONCLUSIVE, 0);
            row[9] += n;
        }
        return row;
    }

    private static String verdictCells(int[] row) {
        return String.format(Locale.ROOT, "%d of %d | %d of %d | %d of %d | %d of %d | %d of %d", row[0], row[1], row[2],
                row[3], row[4], row[5], row[6], row[7], row[8], row[9]);
    }

    private static void budgets(StringBuilder s, DetectionResults r) {
        List<SchemeInfo> points = r.schemes().stream().filter(x -> x.budget() > 0).toList();
        if (points.isEmpty()) {
            return;
        }
        TreeSet<Integer> budgets = points.stream().map(SchemeInfo::budget).collect(Collectors.toCollection(TreeSet::new));
        List<String> names = points.stream().map(SchemeInfo::scheme).distinct().toList();
        s.append("## AUC against the query budget\n\nMean AUC over families and victims against all negatives "
                + "(`queries` set to the budget; akh-excess keeps its share of controls). `-`: not run (see costs).\n\n");
        for (Group g : groups(r)) {
            s.append("### ").append(g.label()).append(" victims\n\n| scheme |");
            budgets.forEach(b -> s.append(' ').append(b).append(" |"));
            s.append("\n|---|").append("---|".repeat(budgets.size())).append('\n');
            for (String name : names) {
                s.append("| ").append(name).append(" |");
                for (int b : budgets) {
                    String label = name + "/q" + b;
                    double auc = r.mean(g::test, v -> r.familyMean(v, (x, f) -> r.auc(label, Evasion.NONE.name(), x, f,
                            NegativeSet.ALL)));
                    s.append(' ').append(number(auc)).append(" |");
                }
                s.append('\n');
            }
            s.append('\n');
        }
    }

    /** An evasion a scheme survives keeps its mean AUC within this much of the clean one (issue 14). */
    static final double SURVIVAL_MARGIN = 0.05;

    /** Evasions costing the thief less than this much accuracy (2 points) must be survived or detected. */
    static final double CHEAP_EVASION = 0.02;

    private static void evasions(StringBuilder s, DetectionResults r) {
        if (r.evasions().size() < 2) {
            return;
        }
        String none = Evasion.NONE.name();
        List<String> evaded = r.evasions().stream().filter(e -> !e.equals(none)).toList();
        List<SchemeInfo> schemes = mainSchemes(r);
        s.append("## Evasions\n\nEvery suspect, stolen or not, served through the evasion (`EvasionSet`, built from "
                + "`io.modelprint.evasion`). Thief's cost: accuracy lost on ").append(DetectionRun.EVASION_COST_IMAGES)
                .append(" natural test images by each stolen copy (transferred ones left out), mean and largest, in points. "
                + "Cells: mean AUC over families and victims against (b) negatives without twins, and its change from "
                + "`none`; `✗` marks a drop of more than ").append(number(SURVIVAL_MARGIN)).append(".\n\n| evasion | thief's "
                + "cost (mean / max points) |");
        schemes.forEach(x -> s.append(' ').append(x.label()).append(" |"));
        s.append("\n|---|---|").append("---|".repeat(schemes.size())).append('\n');
        // scheme -> evasion -> mean AUC, computed once for the table and the list below it
        Map<String, Map<String, Double>> aucs = new LinkedHashMap<>();
        for (SchemeInfo x : schemes) {
            Map<String, Double> byEvasion = new LinkedHashMap<>();
            r.evasions().forEach(e -> byEvasion.put(e, meanAuc(r, x.label(), e)));
            aucs.put(x.label(), byEvasion);
        }
        for (String e : r.evasions()) {
            s.append("| ").append(e).append(" | ").append(e.equals(none) ? "0" : costCell(r.evasionCosts(e))).append(" |");
            for (SchemeInfo x : schemes) {
                double auc = aucs.get(x.label()).get(e);
                double delta = auc - aucs.get(x.label()).get(none);
                s.append(' ').append(number(auc));
                if (!e.equals(none) && !Double.isNaN(delta)) {
                    s.append(String.format(Locale.ROOT, " (%+.2f)%s", delta, delta < -SURVIVAL_MARGIN ? " ✗" : ""));
                }
                s.append(" |");
            }
            s.append('\n');
        }
        s.append("\nEvasions costing the thief under ").append(number(100 * CHEAP_EVASION)).append(" points (mean over its "
                + "copies) that a scheme does not survive:\n\n");
        for (SchemeInfo x : schemes) {
            List<String> lost = new ArrayList<>();
            for (String e : evaded) {
                double cost = meanLoss(r.evasionCosts(e));
                Map<String, Double> a = aucs.get(x.label());
                if (cost < CHEAP_EVASION && a.get(e) < a.get(none) - SURVIVAL_MARGIN) {
                    lost.add(e);
                }
            }
            s.append("- ").append(x.label()).append(": ").append(lost.isEmpty() ? "none" : String.join(", ", lost)).append('\n');
        }
        s.append('\n');
        List<SchemeInfo> deciding = r.schemes().stream().filter(SchemeInfo::decides).toList();
        if (deciding.isEmpty()) {
            return;
        }
        s.append("### Out-of-the-box verdicts under each evasion\n\nAll victims together; references a configuration used "
                + "are left out of its counts.\n\n| configuration | evasion | stolen caught | independent called stolen | "
                + "matched called stolen | twins called stolen | inconclusive |\n|---|---|---|---|---|---|---|\n");
        for (SchemeInfo c : deciding) {
            for (String e : r.evasions()) {
                int[] total = new int[10];
                for (BenchmarkMember v : r.victims()) {
                    if (r.skipped(c.label(), v) == null) {
                        int[] row = verdictRow(r.verdictCounts(c.label(), e, v));
                        for (int i = 0; i < row.length; i++) {
                            total[i] += row[i];
                        }
                    }
                }
                s.append("| ").append(c.label()).append(" | ").append(e).append(" | ").append(verdictCells(total)).append(" |\n");
            }
        }
        s.append('\n');
    }

    private static double meanAuc(DetectionResults r, String scheme, String evasion) {
        return r.mean(v -> true, v -> r.familyMean(v, (x, f) -> r.auc(scheme, evasion, x, f, NegativeSet.WITHOUT_TWINS)));
    }

    private static double meanLoss(List<EvasionCost> costs) {
        return costs.stream().mapToDouble(EvasionCost::accuracyLoss).average().orElse(Double.NaN);
    }

    private static String costCell(List<EvasionCost> costs) {
        if (costs.isEmpty()) {
            return "-";
        }
        double max = costs.stream().mapToDouble(EvasionCost::accuracyLoss).max().orElseThrow();
        return String.format(Locale.ROOT, "%.2f / %.2f", 100 * meanLoss(costs), 100 * max);
    }

    private static void costs(StringBuilder s, DetectionResults r) {
        s.append("## Cost\n\nQueries sent to each suspect, time to build the query set and fingerprint the victim, and "
                + "time per suspect (query and compare), by victim.\n\n| scheme | victim | queries per suspect | query set "
                + "and victim fingerprint (s) | per suspect (ms) |\n|---|---|---|---|---|\n");
        for (SchemeInfo scheme : r.schemes()) {
            for (BenchmarkMember v : r.victims()) {
                String why = r.skipped(scheme.label(), v);
                DetectionResults.Cost c = r.cost(scheme.label(), v);
                if (why != null) {
                    s.append("| ").append(scheme.label()).append(" | ").append(v.victimKey()).append(" | not run: ")
                            .append(why.replace('|', '/')).append(" | | |\n");
                } else if (c != null) {
                    s.append(String.format(Locale.ROOT, "| %s | %s | %d | %.1f | %.0f |%n", scheme.label(), v.victimKey(),
                            c.queriesPerSuspect(), c.buildSeconds(), c.suspectMillis()));
                }
            }
        }
        s.append('\n');
    }

    private static void models(StringBuilder s, DetectionResults r, String evasion) {
        List<SchemeInfo> schemes = mainSchemes(r);
        s.append("## Models\n\nAccuracy on the test set of the model's own task (the corrupted one for transfer); fidelity "
                + "is agreement with the victim's labels on the clean test set; queries are those its attack sent to the "
                + "victim. Distances to the victim per scheme (every distance is in `distances.csv`).\n\n");
        for (BenchmarkMember v : r.victims()) {
            s.append("### ").append(v.victimKey()).append("\n\n| model | role | family | architecture | recipe | queries | "
                    + "accuracy | fidelity |");
            schemes.forEach(x -> s.append(' ').append(x.label()).append(" |"));
            s.append("\n|---|---|---|---|---|---|---|---|").append("---|".repeat(schemes.size())).append('\n');
            for (BenchmarkMember m : r.suspectsOf(v)) {
                s.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %d | %.4f | %.4f |", shortName(m), m.role().label(),
                        m.family() == null ? "" : m.family(), m.architecture(), recipe(m), m.queries(), m.accuracy(),
                        m.fidelity().getOrDefault(v.victim(), Double.NaN)));
                for (SchemeInfo x : schemes) {
                    double d = r.distance(x.label(), evasion, v, m);
                    Outcome o = r.outcome(x.label(), evasion, v, m);
                    s.append(Double.isNaN(d) ? " - |" : String.format(Locale.ROOT, " %.4f%s |", d,
                            o == Outcome.STOLEN ? " S" : o == Outcome.INCONCLUSIVE ? " ?" : ""));
                }
                s.append('\n');
            }
            s.append('\n');
        }
        s.append("In the out-of-the-box columns, `S` marks a suspect called stolen.\n");
    }

    /** A DL4J member id without its hash, a PyTorch name without its split. */
    static String shortName(BenchmarkMember m) {
        String n = m.name();
        int cut = n.lastIndexOf("__");
        if (m.framework() == Framework.DL4J && cut > 0) {
            return n.substring(0, cut);
        }
        return n;
    }

    private static String recipe(BenchmarkMember m) {
        return m.recipe().entrySet().stream().filter(e -> !e.getKey().equals("base") && !e.getKey().equals("match"))
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" ")).replace('|', '/');
    }

    static String cell(double auc, double tpr) {
        return Double.isNaN(auc) ? "-" : String.format(Locale.ROOT, "%.2f / %.2f", auc, tpr);
    }

    static String number(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f", v);
    }

    /** The CSV header {@link ThresholdReport} reads. */
    static final String CSV_HEADER = "framework,split,victim,model,role,family,architecture,accuracy,fidelity,queries,scheme,"
            + "evasion,distance,outcome,p_value";

    /** The header of the files written before verdicts' p-values were recorded; {@link ThresholdReport} reads both. */
    static final String CSV_HEADER_WITHOUT_P = CSV_HEADER.substring(0, CSV_HEADER.lastIndexOf(','));

    static String csv(DetectionResults r) {
        StringBuilder s = new StringBuilder(CSV_HEADER).append('\n');
        for (SchemeInfo scheme : r.schemes()) {
            for (String e : r.evasions()) {
                for (BenchmarkMember v : r.victims()) {
                    for (BenchmarkMember m : r.suspectsOf(v)) {
                        double d = r.distance(scheme.label(), e, v, m);
                        if (Double.isNaN(d)) {
                            continue;
                        }
                        Outcome o = r.outcome(scheme.label(), e, v, m);
                        double p = r.pValue(scheme.label(), e, v, m);
                        s.append(String.format(Locale.ROOT, "%s,%s,%s,%s,%s,%s,%s,%.4f,%.4f,%d,%s,%s,%.6g,%s,%s%n",
                                v.framework().label(), v.split(), v.victim(), m.name(), m.role().label(),
                                m.family() == null ? "" : m.family(), m.architecture(), m.accuracy(),
                                m.fidelity().getOrDefault(v.victim(), Double.NaN), m.queries(), scheme.label(), e, d,
                                o == null ? "" : o.label(), Double.isNaN(p) ? "" : String.format(Locale.ROOT, "%.4g", p)));
                    }
                }
            }
        }
        return s.toString();
    }

    private static void rocPlot(DetectionResults r, String scheme, BenchmarkMember v, Path file) throws IOException {
        XYChart chart = new XYChartBuilder().width(640).height(520).title("ROC: " + scheme + " (" + v.victimKey() + ")")
                .xAxisTitle("false-positive rate").yAxisTitle("true-positive rate").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisMax(1.0);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(1.05);
        for (String f : r.families()) {
            double[] pos = r.positives(scheme, Evasion.NONE.name(), v, f);
            double[] neg = r.negatives(scheme, Evasion.NONE.name(), v, f, NegativeSet.ALL);
            if (pos.length == 0 || neg.length == 0) {
                continue;
            }
            List<Roc.Point> curve = Roc.curve(neg, pos);
            XYSeries series = chart.addSeries(String.format(Locale.ROOT, "%s (%.2f)", f, Roc.auc(neg, pos)),
                    curve.stream().mapToDouble(Roc.Point::fpr).toArray(), curve.stream().mapToDouble(Roc.Point::tpr).toArray());
            series.setMarker(SeriesMarkers.NONE);
        }
        XYSeries chance = chart.addSeries("chance", new double[] {0, 1}, new double[] {0, 1});
        chance.setMarker(SeriesMarkers.NONE).setLineColor(Color.LIGHT_GRAY);
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    private static void histogram(DetectionResults r, String scheme, BenchmarkMember v, Path file) throws IOException {
        CategoryChart chart = new CategoryChartBuilder().width(800).height(520)
                .title("Distances: " + scheme + " (" + v.victimKey() + ")").xAxisTitle("distance to the victim")
                .yAxisTitle("models").build();
        chart.getStyler().setOverlapped(true);
        chart.getStyler().setXAxisDecimalPattern("0.###");
        chart.getStyler().setXAxisLabelRotation(45);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        double[] all = r.distances(scheme, Evasion.NONE.name(), v, m -> true);
        if (all.length == 0) {
            return;
        }
        double min = Arrays.stream(all).min().orElse(0);
        double max = Arrays.stream(all).max().orElse(1);
        if (max <= min) {
            max = min + 1e-9;
        }
        for (Role role : List.of(Role.INDEPENDENT, Role.MATCHED, Role.TWIN, Role.CORRUPTED)) {
            addSeries(chart, role.label(), r.distances(scheme, Evasion.NONE.name(), v, m -> m.role() == role), min, max);
        }
        for (String f : r.families()) {
            addSeries(chart, f, r.positives(scheme, Evasion.NONE.name(), v, f), min, max);
        }
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    private static void addSeries(CategoryChart chart, String name, double[] d, double min, double max) {
        if (d.length > 0) {
            Histogram h = new Histogram(Arrays.stream(d).boxed().toList(), 24, min, max);
            chart.addSeries(name, h.getxAxisData(), h.getyAxisData());
        }
    }
}
