package io.modelprint.benchmarks.detection;

import io.modelprint.FingerprintVerifier;
import io.modelprint.Model;
import io.modelprint.Verdict;
import io.modelprint.VictimFingerprint;
import io.modelprint.data.FashionMnist;
import io.modelprint.examples.ConsoleProgress;
import io.modelprint.zoo.TrainedMember;
import io.modelprint.zoo.Zoo;
import io.modelprint.zoo.ZooData;
import io.modelprint.zoo.ZooSpec;
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
 * The detection benchmark: builds (or loads) a zoo of stolen and independent models, runs every
 * scheme on it and writes the tables and plots (see {@link DetectionReport}).
 *
 * <pre>
 * mvn -q -pl benchmarks -am compile exec:java@detection -Dexec.args="smoke"
 * mvn -q -pl benchmarks -am compile exec:java@detection -Dexec.args="full --variant test"
 * </pre>
 */
@Command(name = "detection-benchmark", mixinStandardHelpOptions = true,
        description = "Build a zoo of stolen and independent models and score every fingerprint scheme on it.")
public final class DetectionBenchmark implements Callable<Integer> {

    /** Zoo sizes. */
    enum Size { SMOKE, FULL }

    @Parameters(index = "0", defaultValue = "smoke", description = "smoke (minutes) or full (about an hour)")
    private String size;

    @Option(names = "--variant", defaultValue = "dev", description = "dev or test zoo (disjoint seeds)")
    private String variant;

    @Option(names = "--cache", description = "zoo cache directory (default: <project>/zoo-cache)")
    private Path cache;

    @Option(names = "--out", description = "output directory (default: <project>/benchmarks/results/<zoo>)")
    private Path out;

    @Option(names = "--schemes", split = ",", description = "scheme labels to run (default: all)")
    private List<String> only;

    @Option(names = "--ablation", description = "run the ablation variants instead of the standard schemes")
    private boolean ablation;

    /** Runs the benchmark. */
    public static void main(String[] args) {
        int code = new CommandLine(new DetectionBenchmark()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
        System.exit(code);
    }

    /** The owner's own models, trained on its data with its own seeds: copies of the victim and independent ones. */
    private record OwnerModels(List<Model> surrogates, List<Model> references) {
    }

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        Path root = Path.of(System.getProperty("modelprint.root", "."));
        ZooSpec.Variant v = ZooSpec.Variant.valueOf(variant.toUpperCase(Locale.ROOT));
        boolean full = size.equalsIgnoreCase("full");
        if (!full && !size.equalsIgnoreCase("smoke")) {
            throw new CommandLine.ParameterException(new CommandLine(this), "size must be smoke or full, got " + size);
        }
        ZooSpec spec = full ? ZooSpec.full(v) : ZooSpec.smoke(v);
        FashionMnist fm = FashionMnist.load();
        ZooData data = split(fm, full);
        if (full && !data.isFull()) {
            System.err.println("the full zoo needs the 60,000 training images: install Debian's dataset-fashion-mnist "
                    + "(apt-get install dataset-fashion-mnist) or set -Dmodelprint.data.dir");
            return 2;
        }
        System.out.printf("zoo %s: %d models; data from %s (owner %d, attacker %d, test %d)%n", spec.name(),
                spec.members().size() + 1, fm.directory(), data.owner().size(), data.attacker().size(), data.test().size());
        Path cacheRoot = cache != null ? cache : root.resolve("zoo-cache");
        Zoo zoo;
        OwnerModels owner;
        try (ConsoleProgress progress = new ConsoleProgress()) {
            zoo = Zoo.build(spec, data, cacheRoot, progress);
            owner = ownerModels(Zoo.build(ZooSpec.owner(v, full), new ZooData(data.owner(), data.owner(), data.test()),
                    cacheRoot, progress));
        }
        DetectionResults results = DetectionResults.empty(spec.name(), zoo.members());
        for (SchemeUnderTest s : schemes(zoo, owner, full)) {
            if (only == null || only.contains(s.label())) {
                run(s, zoo, results);
            }
        }
        Path dir = out != null ? out : root.resolve("benchmarks").resolve("results")
                .resolve(spec.name() + (ablation ? "-ablation" : ""));
        Path md = DetectionReport.write(results, dir, command(v), (System.nanoTime() - start) / 6e10);
        System.out.printf("%nwrote %s (%.1f minutes)%n", md, (System.nanoTime() - start) / 6e10);
        return 0;
    }

    /** The data split; smoke uses half the test set for accuracy, fidelity and queries. */
    private static ZooData split(FashionMnist fm, boolean full) {
        ZooData data = ZooData.of(fm);
        if (!full && data.isFull()) {
            // half the test set keeps the smoke run within 10 minutes
            // (without the training set the split is already small: 4,000 / 4,000 / 2,000 test images)
            return new ZooData(data.owner(), data.attacker(), data.test().slice(0, data.test().size() / 2));
        }
        return data;
    }

    private static OwnerModels ownerModels(Zoo owner) {
        List<Model> surrogates = new ArrayList<>();
        List<Model> references = new ArrayList<>();
        for (TrainedMember m : owner.members()) {
            (m.family().stolen() ? surrogates : references).add(m.model());
        }
        return new OwnerModels(surrogates, references);
    }

    /** The ablation variants, or the standard schemes and those that use the owner's models. */
    private List<SchemeUnderTest> schemes(Zoo zoo, OwnerModels owner, boolean full) {
        List<SchemeUnderTest> schemes = new ArrayList<>();
        if (ablation) {
            schemes.addAll(SchemeUnderTest.ablation(zoo.victim().model(), owner.surrogates(), owner.references()));
            return schemes;
        }
        for (SchemeUnderTest s : SchemeUnderTest.standard()) {
            // smoke: IPGuard with 300 Adam steps, as in the quick start (a few seeds that never settle
            // otherwise hold the batch for all 1,000 steps: three minutes on the smoke victim)
            schemes.add(!full && s.label().equals("ipguard") ? SchemeUnderTest.of("ipguard", "ipguard",
                    Map.of("steps", "300")) : s);
        }
        schemes.addAll(SchemeUnderTest.withOwnerModels(owner.surrogates(), owner.references()));
        return schemes;
    }

    private String command(ZooSpec.Variant v) {
        return "mvn -q -pl benchmarks -am compile exec:java@detection -Dexec.args=\"" + size.toLowerCase(Locale.ROOT)
                + (v == ZooSpec.Variant.DEV ? "" : " --variant " + variant) + (ablation ? " --ablation" : "") + "\"";
    }

    private static void run(SchemeUnderTest s, Zoo zoo, DetectionResults results) {
        try (ConsoleProgress progress = new ConsoleProgress()) {
            // only distances are used here: a threshold of 0 avoids looking up defaults that may not exist
            FingerprintVerifier verifier = FingerprintVerifier.using(s.scheme()).ownerData(zoo.cleanTest())
                    .progress(progress).threshold(0).build();
            long t0 = System.nanoTime();
            VictimFingerprint fp = verifier.fingerprint(zoo.victim().model());
            double build = (System.nanoTime() - t0) / 1e9;
            Map<String, Double> d = new LinkedHashMap<>();
            long suspectNanos = 0;
            int i = 0;
            for (TrainedMember m : zoo.members()) {
                progress.onProgress("scoring " + s.label(), i++, zoo.members().size());
                Verdict verdict = verifier.verify(fp, m.model());
                suspectNanos += verdict.costs().suspectFingerprint().toNanos() + verdict.costs().comparison().toNanos();
                d.put(m.id(), verdict.distance());
            }
            progress.onProgress("scoring " + s.label(), zoo.members().size(), zoo.members().size());
            results.distances().put(s.label(), d);
            results.buildSeconds().put(s.label(), build);
            results.suspectMillis().put(s.label(), suspectNanos / 1e6 / zoo.members().size());
            results.queries().put(s.label(), fp.querySet().size());
        }
    }
}
