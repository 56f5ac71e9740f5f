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
package io.modelprint.benchmarks.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelprint.LabeledImages;
import io.modelprint.ProgressListener;
import io.modelprint.Verdict;
import io.modelprint.benchmarks.detection.BenchmarkMember;
import io.modelprint.benchmarks.detection.BenchmarkZoo;
import io.modelprint.benchmarks.detection.PyTorchZoo;
import io.modelprint.benchmarks.detection.Roc;
import io.modelprint.benchmarks.detection.Role;
import io.modelprint.data.FashionMnist;
import io.modelprint.inference.BlindWalk;
import io.modelprint.inference.DatasetInference;
import io.modelprint.onnx.OnnxModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Runs Dataset Inference (Blind Walk, the black-box embedding: the zoo's models are ONNX files)
 * against every victim of the PyTorch zoo and writes {@code benchmarks/DATASET-INFERENCE.md}.
 * The owner's private data are Fashion-MNIST training images [0, 25000), on which the victims
 * and twins were trained; its public data are [25000, 30000), which no zoo model saw; attackers
 * and independent models used [30000, 60000). Models of the corrupted transfer task, and copies
 * transferred to it, are left out: Dataset Inference walks to a change of the clean task's label.
 *
 * <p>Arguments: the zoo directory, then options {@code --samples m} (pairs the suspect is tested
 * on, default 50), {@code --regressor r} (pairs the regressor is fitted on, default 100),
 * {@code --directions d} (Blind Walk directions per norm, default 5), {@code --scale s} (step
 * scale, default 1), {@code --budgets b1,b2,...} (default 1000,3000,10000,30000),
 * {@code --victims name,...} (default all), {@code --out file}.
 *
 * <pre>{@code
 * mvn -q -pl benchmarks -am compile exec:java@dataset-inference -Dexec.args="/work/main/zoo-cache/pytorch/full"
 * }</pre>
 */
public final class DatasetInferenceBenchmark {

    private static final int OWNER_TRAIN = 25_000;
    private static final int PUBLIC_END = 30_000;

    private DatasetInferenceBenchmark() {
    }

    /** One suspect's results at every budget. */
    record Row(BenchmarkMember suspect, double pValue, Verdict.Outcome outcome, long queries, double seconds,
               Map<Long, Double> pAtBudget, Map<Long, Long> queriesAtBudget) {
    }

    /** One victim's results. */
    record VictimResult(BenchmarkMember victim, DatasetInference.VictimCheck check, double victimSeconds, List<Row> rows) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: DatasetInferenceBenchmark ZOO_DIR [--samples m] [--regressor r] "
                    + "[--directions d] [--scale s] [--budgets b1,b2] [--victims v1,v2] [--out file]");
        }
        Path zooDir = Path.of(args[0]);
        Map<String, String> opt = new LinkedHashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            opt.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int samples = Integer.parseInt(opt.getOrDefault("samples", "50"));
        int regressor = Integer.parseInt(opt.getOrDefault("regressor", "100"));
        int directions = Integer.parseInt(opt.getOrDefault("directions", "5"));
        double scale = Double.parseDouble(opt.getOrDefault("scale", "1"));
        List<Long> budgets = new ArrayList<>();
        for (String b : opt.getOrDefault("budgets", "1000,3000,10000,30000").split(",")) {
            budgets.add(Long.parseLong(b.trim()));
        }
        String victimFilter = opt.getOrDefault("victims", "");
        String root = System.getProperty("modelprint.root", ".");
        Path out = Path.of(opt.getOrDefault("out", root + "/benchmarks/DATASET-INFERENCE.md"));
        String command = "mvn -q -pl benchmarks -am compile exec:java@dataset-inference -Dexec.args=\"" + String.join(" ", args)
                + "\"";

        FashionMnist fm = FashionMnist.load();
        LabeledImages train = fm.train().orElseThrow(() -> new IllegalStateException("the Fashion-MNIST training set is "
                + "needed (install the dataset-fashion-mnist package)"));
        LabeledImages privateData = train.slice(0, OWNER_TRAIN);
        LabeledImages publicData = train.slice(OWNER_TRAIN, PUBLIC_END);
        JsonNode manifest = new ObjectMapper().readTree(zooDir.resolve("manifest.json").toFile());
        BlindWalk walk = BlindWalk.defaults().withDirections(directions).withStepScale(scale);
        if (opt.containsKey("probe")) {
            probe(zooDir, manifest, privateData, publicData, samples, regressor, directions, opt.get("probe"), victimFilter);
            return;
        }
        List<VictimResult> results = new ArrayList<>();
        long start = System.nanoTime();
        try (BenchmarkZoo zoo = PyTorchZoo.load(zooDir, fm.test(), ProgressListener.NONE)) {
            for (BenchmarkMember victim : zoo.victims()) {
                if (!victimFilter.isEmpty() && !List.of(victimFilter.split(",")).contains(victim.victim())) {
                    continue;
                }
                DatasetInference di = DatasetInference.builder(privateData, publicData).samples(samples)
                        .regressorSamples(regressor).blindWalk(walk).embedding(DatasetInference.Embedding.BLIND_WALK)
                        .seed(3).testInseparableVictims(true).build();
                long t0 = System.nanoTime();
                DatasetInference.VictimCheck check = di.victimCheck(victim.model(), DatasetInference.Embedding.BLIND_WALK);
                double victimSeconds = (System.nanoTime() - t0) / 1e9;
                log("%s %s: victim p = %.3g, effect %.2f, %d queries, %.0f s", victim.split(), victim.victim(),
                        check.pValue(), check.effect(), check.queries(), victimSeconds);
                List<Row> rows = new ArrayList<>();
                VictimResult vr = new VictimResult(victim, check, victimSeconds, rows);
                results.add(vr);
                List<BenchmarkMember> suspects = zoo.suspectsOf(victim).stream()
                        .filter(s -> s.role() != Role.CORRUPTED && !s.transferTask()).toList();
                for (BenchmarkMember s : suspects) {
                    long t1 = System.nanoTime();
                    Verdict v = di.verify(victim.model(), s.model());
                    double seconds = (System.nanoTime() - t1) / 1e9;
                    Map<Long, Double> pAt = new TreeMap<>();
                    Map<Long, Long> qAt = new TreeMap<>();
                    for (long b : budgets) {
                        Verdict vb = di.withQueryBudget(b).verify(victim.model(), s.model());
                        pAt.put(b, vb.pValue().orElse(1));
                        qAt.put(b, vb.suspectQueries());
                    }
                    rows.add(new Row(s, v.pValue().orElse(1), v.outcome(), v.suspectQueries(), seconds, pAt, qAt));
                    log("  %-45s %-11s %-18s p = %.3g %s, %d queries, %.0f s", s.name(), s.role().label(),
                            s.family() == null ? "" : s.family(), v.pValue().orElse(1), v.outcome(), v.suspectQueries(),
                            seconds);
                }
                write(out, command, manifest, zooDir, samples, regressor, walk, budgets, results,
                        (System.nanoTime() - start) / 1e9);
            }
        }
        write(out, command, manifest, zooDir, samples, regressor, walk, budgets, results, (System.nanoTime() - start) / 1e9);
        log("wrote %s", out);
    }

    /** The victims' own held-out tests at each step scale of {@code scales}: to choose the walk before a run. */
    private static void probe(Path zooDir, JsonNode manifest, LabeledImages privateData, LabeledImages publicData,
                              int samples, int regressor, int directions, String scales, String victimFilter) {
        for (JsonNode m : manifest.path("models")) {
            String victim = m.path("name").asText();
            if (!"victim".equals(m.path("role").asText())
                    || (!victimFilter.isEmpty() && !List.of(victimFilter.split(",")).contains(m.path("victim").asText()))) {
                continue;
            }
            try (OnnxModel model = OnnxModel.builder(zooDir.resolve(m.path("file").asText())).build()) {
                log("%s: accuracy %.4f on private [0, 5000), %.4f on public [25000, 30000)", victim,
                        accuracy(model, privateData.slice(0, 5000)), accuracy(model, publicData));
                for (String sc : scales.split(",")) {
                    BlindWalk walk = BlindWalk.defaults().withDirections(directions).withStepScale(Double.parseDouble(sc));
                    long t0 = System.nanoTime();
                    DatasetInference.VictimCheck c = DatasetInference.builder(privateData, publicData).samples(samples)
                            .regressorSamples(regressor).blindWalk(walk).embedding(DatasetInference.Embedding.BLIND_WALK)
                            .seed(3).build().victimCheck(model, DatasetInference.Embedding.BLIND_WALK);
                    log("%s scale %s: p = %.3g, effect %.2f, %d queries (%.0f per sample), %.0f s", victim, sc, c.pValue(),
                            c.effect(), c.queries(), c.queries() / (2.0 * (samples + regressor)),
                            (System.nanoTime() - t0) / 1e9);
                }
            }
        }
    }

    private static double accuracy(io.modelprint.Model model, LabeledImages data) {
        int[] got = model.predict(data.images()).labels();
        int right = 0;
        for (int i = 0; i < got.length; i++) {
            right += got[i] == data.labels()[i] ? 1 : 0;
        }
        return right / (double) got.length;
    }

    @SuppressWarnings("SystemOut")
    private static void log(String format, Object... values) {
        System.err.println(String.format(Locale.ROOT, format, values));
    }

    private static double[] p(List<Row> rows, Predicate<Row> which) {
        return rows.stream().filter(which).mapToDouble(Row::pValue).toArray();
    }

    private static double[] pAt(List<Row> rows, Predicate<Row> which, long budget) {
        return rows.stream().filter(which).mapToDouble(r -> r.pAtBudget().get(budget)).toArray();
    }

    private static String auc(double[] negatives, double[] positives) {
        return negatives.length == 0 || positives.length == 0 ? "-"
                : String.format(Locale.ROOT, "%.2f", Roc.auc(negatives, positives));
    }

    private static String rate(List<Row> rows, Predicate<Row> which) {
        List<Row> sel = rows.stream().filter(which).toList();
        if (sel.isEmpty()) {
            return "-";
        }
        long flagged = sel.stream().filter(r -> r.outcome() == Verdict.Outcome.STOLEN).count();
        long inconclusive = sel.stream().filter(r -> r.outcome() == Verdict.Outcome.INCONCLUSIVE).count();
        long significant = sel.stream().filter(r -> r.pValue() < 0.05).count();
        return flagged + "/" + sel.size() + (inconclusive > 0 ? " (" + inconclusive + " inconclusive)" : "") + "; p < 0.05: "
                + significant + "/" + sel.size();
    }

    private static void write(Path out, String command, JsonNode manifest, Path zooDir, int samples, int regressor,
                              BlindWalk walk, List<Long> budgets, List<VictimResult> results, double seconds) {
        StringBuilder s = new StringBuilder();
        s.append("# Dataset Inference on the PyTorch zoo\n\n");
        s.append("Dataset Inference (Maini, Yaghini and Papernot, ICLR 2021; `io.modelprint.inference.DatasetInference`) with ")
                .append("Blind Walk, its black-box embedding, against the victims of the PyTorch zoo (ONNX files loaded with ")
                .append("`OnnxModel`). Private data: Fashion-MNIST training images [0, 25000), the victims' and twins' ")
                .append("training data; public data: [25000, 30000), held back from every zoo model; attackers, matched and ")
                .append("independent models were trained on [30000, 60000).\n\n");
        s.append("Reproduce (about ").append(String.format(Locale.ROOT, "%.0f", seconds / 60)).append(" minutes on 2 shared cores):\n\n```\n")
                .append(command).append("\n```\n\n");
        s.append(String.format(Locale.ROOT, "Settings: %d private and %d public samples per suspect test, %d pairs to fit the "
                + "regressor (on the victim), Blind Walk with %d directions for each of %s (the paper's reference code uses "
                + "more; fewer here to fit the run into the time on 2 cores), step scale %.3g, at most %d steps, seed 3, "
                + "alpha 0.05. Suspects are tested even when the victim itself does not test positive "
                + "(`testInseparableVictims(true)`): their verdicts are then INCONCLUSIVE but their p-values enter the AUCs; "
                + "a suspect without a p-value (budget spent before 5 pairs) counts as p = 1.\n\n", samples, samples, regressor,
                walk.directions(), walk.norms(), walk.stepScale(), walk.maxSteps()));
        s.append("Zoo: `").append(zooDir).append("`, manifest complete: ").append(manifest.path("complete").asText("?"))
                .append(" (").append(manifest.path("models").size()).append(" models listed when the run started). ");
        s.append("Left out: models of the corrupted transfer task and copies transferred to it.\n\n");
        for (VictimResult vr : results) {
            List<Row> rows = vr.rows();
            BenchmarkMember v = vr.victim();
            s.append("## ").append(v.split()).append(" / ").append(v.victim()).append(" (").append(v.architecture())
                    .append(")\n\n");
            s.append(String.format(Locale.ROOT, "The victim's own held-out test: p = %.3g, effect %.2f (standardised difference "
                    + "of its training-data scores, private minus public), %d victim queries, %.0f s.\n\n",
                    vr.check().pValue(), vr.check().effect(), vr.check().queries(), vr.victimSeconds()));
            Predicate<Row> independent = r -> r.suspect().role() == Role.INDEPENDENT;
            Predicate<Row> matched = r -> r.suspect().role() == Role.MATCHED;
            Predicate<Row> twin = r -> r.suspect().role() == Role.TWIN;
            Predicate<Row> otherData = independent.or(matched);
            s.append("| stolen family | n | AUC vs independent | AUC vs matched | AUC vs twins | AUC vs independent + matched "
                    + "| STOLEN verdicts; p < 0.05 | mean queries |\n|---|---|---|---|---|---|---|---|\n");
            Map<String, List<Row>> families = new TreeMap<>();
            for (Row r : rows) {
                if (r.suspect().role() == Role.STOLEN) {
                    families.computeIfAbsent(r.suspect().family(), f -> new ArrayList<>()).add(r);
                }
            }
            families.put("(all stolen)", rows.stream().filter(r -> r.suspect().role() == Role.STOLEN).toList());
            for (Map.Entry<String, List<Row>> f : families.entrySet()) {
                double[] pos = f.getValue().stream().mapToDouble(Row::pValue).toArray();
                s.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | %s | %.0f |\n", f.getKey(), pos.length,
                        auc(p(rows, independent), pos), auc(p(rows, matched), pos), auc(p(rows, twin), pos),
                        auc(p(rows, otherData), pos), rate(f.getValue(), r -> true),
                        f.getValue().stream().mapToLong(Row::queries).average().orElse(0)));
            }
            s.append("\nVerdicts on the negatives (STOLEN / all): independent ").append(rate(rows, independent))
                    .append(", matched ").append(rate(rows, matched)).append(", twins ").append(rate(rows, twin))
                    .append(" (twins are positive by Dataset Inference's definition).\n\n");
            s.append("AUC of all stolen copies against independent + matched models by query budget per suspect (mean "
                    + "queries spent in brackets):\n\n| budget |");
            for (long b : budgets) {
                s.append(' ').append(b).append(" |");
            }
            s.append(" unlimited |\n|---|");
            s.append("---|".repeat(budgets.size() + 1)).append("\n| AUC |");
            Predicate<Row> stolen = r -> r.suspect().role() == Role.STOLEN;
            for (long b : budgets) {
                double mean = rows.stream().filter(stolen).mapToLong(r -> r.queriesAtBudget().get(b)).average().orElse(0);
                s.append(' ').append(auc(pAt(rows, otherData, b), pAt(rows, stolen, b)))
                        .append(String.format(Locale.ROOT, " (%.0f)", mean)).append(" |");
            }
            s.append(' ').append(auc(p(rows, otherData), p(rows, stolen))).append(String.format(Locale.ROOT, " (%.0f)",
                    rows.stream().filter(stolen).mapToLong(Row::queries).average().orElse(0))).append(" |\n\n");
            s.append("<details><summary>every suspect</summary>\n\n| suspect | role | family | fidelity | p | verdict | "
                    + "queries | s |\n|---|---|---|---|---|---|---|---|\n");
            for (Row r : rows) {
                Double fid = r.suspect().fidelity().get(v.victim());
                s.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %.3g | %s | %d | %.1f |\n", r.suspect().name(),
                        r.suspect().role().label(), r.suspect().family() == null ? "" : r.suspect().family(),
                        fid == null ? "-" : String.format(Locale.ROOT, "%.3f", fid), r.pValue(), r.outcome(), r.queries(),
                        r.seconds()));
            }
            s.append("\n</details>\n\n");
        }
        try {
            Files.writeString(out, s.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
