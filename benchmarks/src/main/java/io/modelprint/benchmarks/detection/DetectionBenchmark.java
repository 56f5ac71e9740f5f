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

import io.modelprint.ImageBatch;
import io.modelprint.Model;
import io.modelprint.data.FashionMnist;
import io.modelprint.cli.ConsoleProgress;
import io.modelprint.zoo.TrainedMember;
import io.modelprint.zoo.Zoo;
import io.modelprint.zoo.ZooData;
import io.modelprint.zoo.ZooSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The detection benchmark: loads (or trains) the zoos named on the command line, scores every
 * scheme and the out-of-the-box verifier on every victim ({@link DetectionRun}) and writes the
 * report under {@code benchmarks/results/<run>} ({@link DetectionReport}).
 *
 * <pre>
 * mvn -q -pl benchmarks -am compile exec:java@detection -Dexec.args="smoke"
 * mvn -q -pl benchmarks -am compile exec:java@detection -Dexec.args="heldout-style --zoo pytorch:zoo-cache/pytorch/full --zoo dl4j:full"
 * </pre>
 */
@Command(name = "detection-benchmark", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Score every fingerprint scheme and the out-of-the-box verifier on the victims of one or more zoos.")
public final class DetectionBenchmark implements Callable<Integer> {

    @Parameters(index = "0", defaultValue = "smoke", description = "the run's name: the report goes to "
            + "benchmarks/results/<run>. Without --zoo, 'smoke' scores the DL4J smoke zoo with the owner models (minutes)")
    private String run;

    @Option(names = "--zoo", description = "a zoo to score, repeatable: pytorch:<directory with manifest.json> "
            + "(relative to the project) or dl4j:<full|mini|smoke|v1> (trained into the cache if missing)")
    private List<String> zoos;

    @Option(names = "--split", split = ",", defaultValue = "dev,test", description = "splits to score (default dev,test)")
    private List<String> splits;

    @Option(names = "--schemes", split = ",", description = "schemes under test: labels of the standard set or "
            + "name:key=value:... (default: the standard set)")
    private List<String> only;

    @Option(names = "--budgets", split = ",", defaultValue = "25,50,100,300,1000",
            description = "query budgets of the AUC-against-budget curves, or none (default 25,50,100,300,1000)")
    private List<String> budgets;

    @Option(names = "--budget-schemes", split = ",",
            description = "schemes run at every budget (default: those under test with a queries parameter)")
    private List<String> budgetSchemes;

    @Option(names = "--references", defaultValue = "4",
            description = "independent references given to the out-of-the-box verifier's second configuration, 0 for none")
    private int references;

    @Option(names = "--no-out-of-the-box", description = "skip FingerprintVerifier.defaults()")
    private boolean noOutOfTheBox;

    @Option(names = "--cached-only", description = "score only the DL4J zoo models already trained (the others are "
            + "listed in the log), as while a zoo is still being trained; the report says which were left out")
    private boolean cachedOnly;

    @Option(names = "--verifier-schemes", split = ",", description = "schemes (name or name:key=value:...) "
            + "also run as the out-of-the-box verifier runs its default (self-calibrated, and with the references): candidates for the default")
    private List<String> verifierSchemes = List.of();

    @Option(names = "--evasions", split = ",", description = "serve every suspect through these evasions too: "
            + "standard, or gauss-S, laplace-B, round-D, top-K, temp-T, detect-P, detect-nn-P (see EvasionSet)")
    private List<String> evasions = List.of();

    @Option(names = "--owner-models", description = "train the owner's own copies and references for each DL4J victim "
            + "and score the conferrable scheme with them")
    private boolean ownerModels;

    @Option(names = "--ablation", description = "score the ablation variants instead of the standard schemes")
    private boolean ablation;

    @Option(names = "--jobs", defaultValue = "1", description = "DL4J models trained at once (with 2: OMP_NUM_THREADS=1)")
    private int jobs;

    @Option(names = "--cache", description = "DL4J zoo cache directory (default: <project>/zoo-cache)")
    private Path cache;

    @Option(names = "--out", description = "output directory (default: <project>/benchmarks/results/<run>)")
    private Path out;

    /** Runs the benchmark. */
    public static void main(String[] args) {
        int code = new CommandLine(new DetectionBenchmark()).execute(args);
        System.exit(code);
    }

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        Path root = Path.of(System.getProperty("modelprint.root", "."));
        List<String> zooArgs = zoos;
        boolean owner = ownerModels;
        List<String> budgetArgs = budgets;
        if (zooArgs == null || zooArgs.isEmpty()) {
            if (!run.equals("smoke")) {
                throw new CommandLine.ParameterException(new CommandLine(this), "name the zoos to score with --zoo "
                        + "(pytorch:<dir> or dl4j:<full|mini|smoke|v1>); only the run 'smoke' has a default zoo");
            }
            // the smoke run of the README: the DL4J smoke zoo with every scheme, within 10 minutes
            zooArgs = List.of("dl4j:smoke");
            owner = true;
            budgetArgs = List.of("none");
        }
        FashionMnist fm = FashionMnist.load();
        Path cacheRoot = cache != null ? cache : root.resolve("zoo-cache");
        List<BenchmarkZoo> loaded = new ArrayList<>();
        Map<String, OwnerModels> owners = new HashMap<>();
        try (ConsoleProgress progress = new ConsoleProgress()) {
            for (String z : zooArgs) {
                int colon = z.indexOf(':');
                String kind = colon < 0 ? "" : z.substring(0, colon);
                String where = colon < 0 ? z : z.substring(colon + 1);
                switch (kind) {
                    case "pytorch" -> {
                        BenchmarkZoo zoo = PyTorchZoo.load(root.resolve(where), fm.test(), progress);
                        loaded.add(onlySplits(zoo));
                    }
                    case "dl4j" -> {
                        ZooData data = Dl4jZoos.data(where, fm);
                        List<Zoo> trained = Dl4jZoos.train(where, splits, data, cacheRoot, jobs, cachedOnly, progress);
                        loaded.add(Dl4jZoos.build(where, trained));
                        if (owner) {
                            owners.putAll(ownerModels(where, trained, data, cacheRoot, progress));
                        }
                    }
                    default -> throw new CommandLine.ParameterException(new CommandLine(this), "--zoo " + z
                            + ": expected pytorch:<directory> or dl4j:<name>");
                }
            }
            DetectionRun.Config config = config(budgetArgs, owners, cacheRoot);
            if (!evasions.isEmpty()) {
                config = config.withEvasions(EvasionSet.parse(evasions, thiefImages(fm), decoy(loaded), 14));
            }
            System.out.printf("scoring %d victims of %s%n", loaded.stream().mapToLong(z -> z.victims().size()).sum(),
                    String.join(", ", zooArgs));
            DetectionResults results = DetectionRun.score(loaded, config, progress);
            Path dir = out != null ? out : root.resolve("benchmarks").resolve("results").resolve(run);
            double minutes = (System.nanoTime() - start) / 6e10;
            Path md = DetectionReport.write(results, dir, command(zooArgs), minutes);
            System.out.printf("%nwrote %s (%.1f minutes)%n", md, minutes);
        } finally {
            loaded.forEach(BenchmarkZoo::close);
        }
        return 0;
    }

    /** The thief's natural images, from which its query detector learns: training images, which the owner never queries with. */
    private static ImageBatch thiefImages(FashionMnist fm) {
        return fm.train().map(t -> t.images().slice(0, Math.min(4000, t.size())))
                .orElseThrow(() -> new IllegalStateException("the detection evasions learn from the thief's own images, "
                        + "the Fashion-MNIST training set, which " + fm.directory() + " lacks: install Debian's "
                        + "dataset-fashion-mnist or leave out detect-P"));
    }

    /** The independent model that answers the queries a detecting thief flags: the first independent model scored. */
    private static Model decoy(List<BenchmarkZoo> zoos) {
        return zoos.stream().flatMap(z -> z.members().stream()).filter(m -> m.role() == Role.INDEPENDENT).findFirst()
                .map(BenchmarkMember::model).orElseThrow(() -> new IllegalStateException("the detection evasions need an "
                        + "independent model of the task as the decoy, and the zoos scored have none"));
    }

    private BenchmarkZoo onlySplits(BenchmarkZoo zoo) {
        return new BenchmarkZoo(zoo.name(), zoo.framework(), zoo.members().stream().filter(m -> splits.contains(m.split()))
                .toList(), zoo.ownerData(), zoo::close);
    }

    private DetectionRun.Config config(List<String> budgetArgs, Map<String, OwnerModels> owners, Path cacheRoot) {
        List<SchemeUnderTest> schemes = new ArrayList<>();
        if (ablation) {
            schemes.addAll(SchemeUnderTest.ablation());
        } else if (only == null) {
            schemes.addAll(SchemeUnderTest.standard());
        } else {
            only.forEach(x -> schemes.add(SchemeUnderTest.parse(x)));
        }
        List<Integer> qs = budgetArgs.equals(List.of("none")) ? List.of()
                : budgetArgs.stream().map(Integer::parseInt).toList();
        List<String> names = budgetSchemes != null ? budgetSchemes
                : DetectionRun.withQueriesParameter(schemes.stream().map(s -> s.scheme().name()).toList());
        return DetectionRun.Config.of(schemes).withBudgets(qs.isEmpty() ? List.of() : names, qs)
                .withOutOfTheBox(!noOutOfTheBox, references)
                .withVerifierSchemes(verifierSchemes)
                .withReferenceTrainer(new CachedReferenceTrainer(cacheRoot.resolve("references")))
                .withPerVictim(v -> {
                    OwnerModels o = owners.get(v.victimKey());
                    if (o == null) {
                        return List.of();
                    }
                    return ablation ? SchemeUnderTest.conferrableAblation(v.model(), o.surrogates(), o.references())
                            : SchemeUnderTest.withOwnerModels(o.surrogates(), o.references());
                });
    }

    /** The owner's own models of one victim, trained on its data with its own seeds: copies of it and independent ones. */
    private record OwnerModels(List<Model> surrogates, List<Model> references) {
    }

    private static Map<String, OwnerModels> ownerModels(String name, List<Zoo> trained, ZooData data, Path cacheRoot,
                                                        ConsoleProgress progress) {
        Map<String, OwnerModels> out = new HashMap<>();
        ZooData ownerData = new ZooData(data.owner(), data.owner(), data.test());
        for (Zoo zoo : trained) {
            String split = Dl4jZoos.split(zoo.spec());
            for (int i = 0; i < zoo.victims().size(); i++) {
                Zoo.TrainedVictim v = zoo.victims().get(i);
                ZooSpec.Variant variant = split.equals("test") ? ZooSpec.Variant.TEST : ZooSpec.Variant.DEV;
                // the first zoos keep the owner zoo their results were measured with
                ZooSpec spec = name.equals("smoke") || name.equals("v1") ? ZooSpec.owner(variant, name.equals("v1"))
                        : ZooSpec.owner(zoo.spec().name() + "-owner-" + v.spec().name(), v.spec(),
                        name.equals("mini") ? 3000 : 10000, (variant == ZooSpec.Variant.TEST ? 1500 : 500) + 100L * i);
                Zoo o = Zoo.build(spec, ownerData, cacheRoot, progress);
                List<Model> surrogates = new ArrayList<>();
                List<Model> references = new ArrayList<>();
                for (TrainedMember m : o.members()) {
                    (m.family().stolen() ? surrogates : references).add(m.model());
                }
                out.put(Framework.DL4J.label() + "/" + split + "/" + v.spec().name(), new OwnerModels(surrogates, references));
            }
        }
        return out;
    }

    private String command(List<String> zooArgs) {
        StringBuilder s = new StringBuilder("mvn -q -pl benchmarks -am compile exec:java@detection -Dexec.args=\"" + run);
        if (zoos != null) {
            zooArgs.forEach(z -> s.append(" --zoo ").append(z));
        }
        if (!splits.equals(List.of("dev", "test"))) {
            s.append(" --split ").append(String.join(",", splits));
        }
        if (only != null) {
            s.append(" --schemes ").append(String.join(",", only));
        }
        if (!budgets.equals(List.of("25", "50", "100", "300", "1000"))) {
            s.append(" --budgets ").append(String.join(",", budgets));
        }
        if (budgetSchemes != null) {
            s.append(" --budget-schemes ").append(String.join(",", budgetSchemes));
        }
        if (references != 4) {
            s.append(" --references ").append(references);
        }
        if (noOutOfTheBox) {
            s.append(" --no-out-of-the-box");
        }
        if (cachedOnly) {
            s.append(" --cached-only");
        }
        if (!verifierSchemes.isEmpty()) {
            s.append(" --verifier-schemes ").append(String.join(",", verifierSchemes));
        }
        if (!evasions.isEmpty()) {
            s.append(" --evasions ").append(String.join(",", evasions));
        }
        if (ownerModels) {
            s.append(" --owner-models");
        }
        if (ablation) {
            s.append(" --ablation");
        }
        return s.append('"').toString();
    }
}
