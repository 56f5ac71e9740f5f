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
package io.modelprint.benchmarks.attacks;

import io.modelprint.ImageBatch;
import io.modelprint.ImageShape;
import io.modelprint.LabeledImages;
import io.modelprint.Model;
import io.modelprint.Models;
import io.modelprint.OutputKind;
import io.modelprint.ProgressListener;
import io.modelprint.data.FashionMnist;
import io.modelprint.dl4j.Architecture;
import io.modelprint.dl4j.Dl4jModel;
import io.modelprint.dl4j.Trainer;
import io.modelprint.dl4j.TrainingData;
import io.modelprint.cli.ConsoleProgress;
import io.modelprint.zoo.Agreement;
import io.modelprint.zoo.EquationSolving;
import io.modelprint.zoo.Extraction;
import io.modelprint.zoo.IniDefence;
import io.modelprint.zoo.Jbda;
import io.modelprint.zoo.Knockoff;
import io.modelprint.zoo.LabelOnlyRetraining;
import io.modelprint.zoo.OutOfDistribution;
import io.modelprint.zoo.Pgd;
import io.modelprint.zoo.StolenModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Measures the zoo's query-based attacks on Fashion-MNIST: an undefended victim and an InI-defended
 * one of the same architecture, data and seed (clean accuracy, training time), every extraction
 * attack against each (queries, accuracy, fidelity to its victim on the test set, time), and
 * Tram&egrave;r et al.'s equation solving and label-only retraining against a softmax-regression
 * victim (queries, largest weight error up to the shift, fidelity). Writes a Markdown report.
 *
 * <p>Data: the owner's half of the training set trains the victims (its second part, rotated and
 * inverted, is InI's out-of-distribution set); the attacker's half gives the attacks' images; the
 * test set gives accuracy and fidelity. Needs the 60,000 training images (Debian's
 * {@code dataset-fashion-mnist}).
 *
 * <pre>
 * mvn -q -pl benchmarks -am compile exec:java@attacks                                   # the measured run
 * mvn -q -pl benchmarks -am compile exec:java@attacks -Dexec.args="--owner 10000 --queries 10000 --epochs 5"
 * </pre>
 */
@Command(name = "attack-benchmark", mixinStandardHelpOptions = true,
        description = "Steal an undefended and an InI-defended victim with every query-based attack; Tramer's attacks on softmax regression.")
public final class AttackBenchmark implements Callable<Integer> {

    @Option(names = "--owner", defaultValue = "5000", description = "owner images the victims train on (default ${DEFAULT-VALUE})")
    private int ownerImages;

    @Option(names = "--queries", defaultValue = "5000", description = "attacker images per attack (default ${DEFAULT-VALUE})")
    private int queries;

    @Option(names = "--victim", defaultValue = "mlp-256", description = "victim architecture (default ${DEFAULT-VALUE})")
    private String victimArchitecture;

    @Option(names = "--student", defaultValue = "mlp-256", description = "students' architecture (default ${DEFAULT-VALUE})")
    private String studentArchitecture;

    @Option(names = "--epochs", defaultValue = "3", description = "epochs of victims and students (default ${DEFAULT-VALUE})")
    private int epochs;

    @Option(names = "--out", description = "report file (default: <project>/benchmarks/results/attacks/attacks.md)")
    private Path out;

    /** Runs the benchmark. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new AttackBenchmark()).execute(args));
    }

    private record Row(String victim, String attack, long queries, double accuracy, double fidelity, double seconds,
                       String note) {
    }

    private interface Attack {
        StolenModel steal(Model probabilitiesApi, ProgressListener progress);
    }

    private record Named(String name, Attack attack) {
    }

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        Path root = Path.of(System.getProperty("modelprint.root", "."));
        Path report = out != null ? out : root.resolve("benchmarks/results/attacks/attacks.md");
        FashionMnist fm = FashionMnist.load();
        if (fm.train().isEmpty()) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                    "the attack benchmark needs the 60,000 training images: apt-get install dataset-fashion-mnist");
        }
        LabeledImages train = fm.train().get();
        LabeledImages owner = train.slice(0, ownerImages);
        ImageBatch ood = OutOfDistribution.TRANSFORMED.apply(train.slice(ownerImages, 2 * ownerImages).images(), 11);
        ImageBatch attacker = train.slice(30_000, 30_000 + queries).images();
        LabeledImages test = fm.test();
        ImageShape shape = test.images().shape();
        Architecture va = Architecture.parse(victimArchitecture);
        Architecture sa = Architecture.parse(studentArchitecture);
        Trainer.Config victimTraining = new Trainer.Config(epochs, 64, 1e-3, 1);
        Trainer.Config studentTraining = new Trainer.Config(epochs, 64, 1e-3, 2);
        List<Row> victims = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        List<Row> tramer = new ArrayList<>();
        Files.createDirectories(report.toAbsolutePath().getParent());
        try (ConsoleProgress progress = new ConsoleProgress()) {
            tramer(owner, test, shape, progress, tramer, () -> write(report, victims, rows, tramer, start));
            List<Named> attacks = new ArrayList<>();
            attacks.add(new Named("extract-label (natural images)", (api, p) -> steal(api,
                    a -> Extraction.labels(sa, studentTraining).apply(Models.labelsOnly(a), attacker, p))));
            attacks.add(new Named("extract-prob (natural images)", (api, p) -> steal(api,
                    a -> Extraction.probabilities(sa, studentTraining, 1, 1).apply(a, attacker, p))));
            for (OutOfDistribution d : OutOfDistribution.values()) {
                String kind = d.name().toLowerCase(Locale.ROOT);
                attacks.add(new Named("knockoff-prob (" + kind + ")",
                        (api, p) -> Knockoff.probabilities(sa, studentTraining, d).apply(api, attacker, p)));
                attacks.add(new Named("knockoff-label (" + kind + ")",
                        (api, p) -> Knockoff.labels(sa, studentTraining, d).apply(Models.labelsOnly(api), attacker, p)));
            }
            attacks.add(new Named("jbda (150 seeds, 6 rounds, labels, 5 epochs a round)",
                    (api, p) -> Jbda.of(sa, studentTraining.withEpochs(5)).apply(Models.labelsOnly(api), attacker, p)));
            attacks.add(new Named("adv-scratch (labels, PGD eps 0.1 in every batch)", (api, p) -> steal(api,
                    a -> Extraction.labels(sa, studentTraining).withAdversarialTraining(new Pgd(0.1, 0.025, 5))
                            .apply(Models.labelsOnly(a), attacker, p))));
            String[] vnames = {"undefended", "InI"};
            for (int v = 0; v < 2; v++) {
                long t0 = System.nanoTime();
                MultiLayerNetwork net;
                if (v == 0) {
                    net = va.build(shape, 10, victimTraining.seed());
                    Trainer.fit(net, TrainingData.of(owner), victimTraining, "undefended victim", progress);
                } else {
                    net = IniDefence.defaults(victimTraining).train(va, owner, ood, progress);
                }
                Dl4jModel victim = Dl4jModel.of(vnames[v], net, shape, OutputKind.PROBABILITIES);
                victims.add(new Row(vnames[v], va.name(), 0, Agreement.accuracy(victim, test), 1, seconds(t0), ""));
                write(report, victims, rows, tramer, start);
                int[] victimLabels = victim.predict(test.images()).labels();
                for (Named attack : attacks) {
                    long a0 = System.nanoTime();
                    StolenModel s = attack.attack().steal(victim, progress);
                    double secs = seconds(a0);
                    int[] got = Dl4jModel.of("s", s.network(), shape).predict(test.images()).labels();
                    rows.add(new Row(vnames[v], attack.name(), s.queries(), Agreement.fraction(got, test.labels()),
                            Agreement.fraction(got, victimLabels), secs, ""));
                    write(report, victims, rows, tramer, start);
                }
            }
        }
        write(report, victims, rows, tramer, start);
        return 0;
    }

    /** Rewrites the report with what is measured so far, so that a long run leaves its results as it goes. */
    private void write(Path report, List<Row> victims, List<Row> rows, List<Row> tramer, long start) {
        try {
            Files.writeString(report, markdown(victims, rows, tramer, seconds(start)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot write the report " + report, e);
        }
    }

    /** An attack that returns a network, with the queries it sent counted on the way. */
    private static StolenModel steal(Model api, Function<Model, MultiLayerNetwork> attack) {
        long before = api.queryCount();
        MultiLayerNetwork net = attack.apply(api);
        return new StolenModel(net, api.queryCount() - before);
    }

    private void tramer(LabeledImages owner, LabeledImages test, ImageShape shape, ProgressListener progress,
                        List<Row> rows, Runnable written) {
        long t0 = System.nanoTime();
        MultiLayerNetwork sr = Architecture.softmaxRegression().build(shape, 10, 3);
        Trainer.fit(sr, TrainingData.of(owner), new Trainer.Config(epochs, 64, 1e-3, 3), "softmax-regression victim", progress);
        Dl4jModel victim = Dl4jModel.of("softmax-regression", sr, shape, OutputKind.PROBABILITIES);
        rows.add(new Row("softmax-regression", "the victim", 0, Agreement.accuracy(victim, test), 1, seconds(t0), ""));
        int[] victimLabels = victim.predict(test.images()).labels();
        int d = shape.size();
        Trainer.Config retraining = new Trainer.Config(10, 64, 1e-2, 6);
        List<Named> attacks = List.of(
                new Named("equation solving, basis queries", (api, p) -> EquationSolving.basis().apply(api, p)),
                new Named("equation solving, uniform queries", (api, p) -> EquationSolving.uniform(2 * (d + 1), 5).apply(api, p)),
                new Named("label-only retraining, uniform", (api, p) -> new LabelOnlyRetraining(
                        LabelOnlyRetraining.Strategy.UNIFORM, 10 * (d + 1), 8, retraining).apply(Models.labelsOnly(api), p)),
                new Named("label-only retraining, line search", (api, p) -> new LabelOnlyRetraining(
                        LabelOnlyRetraining.Strategy.LINE_SEARCH, 10 * (d + 1), 8, retraining).apply(Models.labelsOnly(api), p)));
        for (Named a : attacks) {
            long a0 = System.nanoTime();
            StolenModel s;
            try {
                s = a.attack().steal(victim, progress);
            } catch (IllegalArgumentException e) {
                rows.add(new Row("softmax-regression", a.name(), 0, Double.NaN, Double.NaN, seconds(a0), "failed: " + e.getMessage()));
                continue;
            }
            double secs = seconds(a0);
            int[] got = Dl4jModel.of("s", s.network(), shape).predict(test.images()).labels();
            String note = a.name().startsWith("equation") ? String.format(Locale.ROOT, "largest weight error up to the shift %.2e",
                    EquationSolving.maxDifferenceUpToShift(sr, s.network())) : labelNote(victim, shape, 10 * (d + 1), retraining.seed(), got);
            rows.add(new Row("softmax-regression", a.name(), s.queries(), Agreement.fraction(got, test.labels()),
                    Agreement.fraction(got, victimLabels), secs, note));
            written.run();
        }
    }

    /**
     * Why a label-only copy is as good as it is: the share of uniformly random images the victim
     * puts in its most frequent class (the labels the copy learns from), and how many classes the
     * copy answers on the test set. {@code n} and {@code seed} draw the uniform images the uniform
     * retrain sent.
     */
    private static String labelNote(Model victim, ImageShape shape, int n, long seed, int[] copyLabels) {
        int[] labels = victim.predict(EquationSolving.uniformImages(shape, n, seed)).labels();
        int[] count = new int[victim.numClasses()];
        for (int l : labels) {
            count[l]++;
        }
        int top = 0;
        for (int c = 1; c < count.length; c++) {
            top = count[c] > count[top] ? c : top;
        }
        long answered = Arrays.stream(copyLabels).distinct().count();
        return String.format(Locale.ROOT, "the victim labels %.1f%% of uniform images as class %d; the copy answers %d classes "
                + "on the test set", 100.0 * count[top] / labels.length, top, answered);
    }

    private String markdown(List<Row> victims, List<Row> rows, List<Row> tramer, double totalSeconds) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Victims: %s on %d owner images, %d epochs; students: %s, %d epochs, %d attacker "
                + "images; accuracy and fidelity on the 10,000 test images; total %.0f s.%n%n", victimArchitecture, ownerImages,
                epochs, studentArchitecture, epochs, queries, totalSeconds));
        sb.append("| victim | architecture | clean accuracy | training s |\n|---|---|---|---|\n");
        for (Row r : victims) {
            sb.append(String.format(Locale.ROOT, "| %s | %s | %.4f | %.0f |%n", r.victim(), r.attack(), r.accuracy(), r.seconds()));
        }
        sb.append("\n| attack | queries | accuracy (undefended) | fidelity (undefended) | accuracy (InI) | fidelity (InI) | s (undefended / InI) |\n");
        sb.append("|---|---|---|---|---|---|---|\n");
        List<Row> undefended = rows.stream().filter(r -> r.victim().equals("undefended")).toList();
        List<Row> ini = rows.stream().filter(r -> r.victim().equals("InI")).toList();
        for (int i = 0; i < undefended.size(); i++) {
            Row a = undefended.get(i);
            Row b = i < ini.size() ? ini.get(i) : null;
            sb.append(String.format(Locale.ROOT, "| %s | %d | %.4f | %.4f | %s | %s | %.0f / %s |%n", a.attack(), a.queries(),
                    a.accuracy(), a.fidelity(), b == null ? "" : String.format(Locale.ROOT, "%.4f", b.accuracy()),
                    b == null ? "" : String.format(Locale.ROOT, "%.4f", b.fidelity()), a.seconds(),
                    b == null ? "" : String.format(Locale.ROOT, "%.0f", b.seconds())));
        }
        sb.append("\n| softmax-regression victim | queries | accuracy | fidelity | s | note |\n|---|---|---|---|---|---|\n");
        for (Row r : tramer) {
            sb.append(String.format(Locale.ROOT, "| %s | %d | %.4f | %.4f | %.1f | %s |%n", r.attack(), r.queries(), r.accuracy(),
                    r.fidelity(), r.seconds(), r.note()));
        }
        return sb.toString();
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
