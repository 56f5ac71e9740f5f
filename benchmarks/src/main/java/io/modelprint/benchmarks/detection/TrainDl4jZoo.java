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

import io.modelprint.ProgressListener;
import io.modelprint.data.FashionMnist;
import io.modelprint.cli.ConsoleProgress;
import io.modelprint.zoo.TrainedMember;
import io.modelprint.zoo.Zoo;
import io.modelprint.zoo.ZooData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Trains a DL4J benchmark zoo into the cache (what is cached is loaded, not trained again) and
 * writes a table of every model (accuracy, fidelity, queries, training time) beside it as
 * {@code zoo-cache/<data>/<zoo>/MODELS.md}. The detection benchmark trains what it lacks too;
 * this command trains without scoring, for long runs in the background.
 *
 * <pre>
 * OMP_NUM_THREADS=1 mvn -q -pl benchmarks -am compile exec:java@zoo -Dexec.args="full --jobs 2"
 * mvn -q -pl benchmarks -am compile exec:java@zoo -Dexec.args="mini"
 * </pre>
 */
@Command(name = "train-dl4j-zoo", mixinStandardHelpOptions = true,
        description = "Train a DL4J benchmark zoo into the cache: full, mini, smoke or v1.")
public final class TrainDl4jZoo implements Callable<Integer> {

    @Parameters(index = "0", defaultValue = "full", description = "zoo: full (hours), mini (minutes), smoke, v1")
    private String zoo;

    @Option(names = "--split", split = ",", defaultValue = "dev,test", description = "splits to train (default dev,test)")
    private List<String> splits;

    @Option(names = "--jobs", defaultValue = "1",
            description = "models trained at once (default 1; with 2, set OMP_NUM_THREADS=1)")
    private int jobs;

    @Option(names = "--cache", description = "zoo cache directory (default: <project>/zoo-cache)")
    private Path cache;

    /** Runs the training. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new TrainDl4jZoo()).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        long start = System.nanoTime();
        Path root = Path.of(System.getProperty("modelprint.root", "."));
        Path cacheRoot = cache != null ? cache : root.resolve("zoo-cache");
        ZooData data = Dl4jZoos.data(zoo, FashionMnist.load());
        List<Zoo> zoos;
        try (ConsoleProgress progress = new ConsoleProgress()) {
            ProgressListener p = progress;
            zoos = Dl4jZoos.train(zoo, splits, data, cacheRoot, jobs, p);
        }
        double minutes = (System.nanoTime() - start) / 6e10;
        for (Zoo z : zoos) {
            Path file = cacheRoot.resolve(data.tag()).resolve(z.spec().name()).resolve("MODELS.md");
            Files.writeString(file, table(z, minutes));
            System.out.printf("%s: %d victims, %d models; %s%n", z.spec().name(), z.victims().size(), z.members().size(), file);
        }
        System.out.printf("zoo %s ready in %.1f minutes (models in the cache are loaded, not trained)%n", zoo, minutes);
        return 0;
    }

    /** Every model of a trained zoo with what was measured of it. */
    static String table(Zoo z, double minutes) {
        StringBuilder s = new StringBuilder("# DL4J zoo " + z.spec().name() + "\n\n");
        s.append(String.format(Locale.ROOT, "Loaded or trained in %.1f minutes. Training time is per model, measured when "
                + "it was trained (wall time on 2 cores, other work running).%n%n", minutes));
        s.append("| victim | model | family | architecture | recipe | queries | accuracy | fidelity | train s |\n");
        s.append("|---|---|---|---|---|---|---|---|---|\n");
        double total = 0;
        for (Zoo.TrainedVictim v : z.victims()) {
            total += row(s, v.spec().name(), v.victim());
            for (TrainedMember m : v.members()) {
                total += row(s, v.spec().name(), m);
            }
        }
        for (TrainedMember m : z.shared()) {
            total += row(s, "(shared)", m);
        }
        s.append(String.format(Locale.ROOT, "%nSum of the training times: %.1f minutes.%n", total / 60));
        return s.toString();
    }

    private static double row(StringBuilder s, String victim, TrainedMember m) {
        double secs = m.measurements().trainSeconds();
        s.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %d | %.4f | %.4f | %.0f |%n", victim, m.id(),
                m.family().label(), m.member().architecture().name(), Dl4jZoos.recipe(m.member()), m.member().queries(),
                m.measurements().accuracy(), m.measurements().fidelity(), secs));
        return Double.isNaN(secs) ? 0 : secs;
    }
}
