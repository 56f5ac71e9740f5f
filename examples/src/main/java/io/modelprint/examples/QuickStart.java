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
package io.modelprint.examples;

import io.modelprint.FingerprintVerifier;
import io.modelprint.ImageShape;
import io.modelprint.LabeledImages;
import io.modelprint.Model;
import io.modelprint.Models;
import io.modelprint.Threshold;
import io.modelprint.Verdict;
import io.modelprint.VictimFingerprint;
import io.modelprint.cli.ConsoleProgress;
import io.modelprint.data.FashionMnist;
import io.modelprint.dl4j.Architecture;
import io.modelprint.dl4j.Dl4jModel;
import io.modelprint.dl4j.Trainer;
import io.modelprint.dl4j.TrainingData;
import io.modelprint.kernel.Kernels;
import io.modelprint.scheme.Schemes;
import io.modelprint.zoo.Agreement;
import io.modelprint.zoo.Extraction;
import io.modelprint.zoo.FineTuning;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * The quick start: on the Fashion-MNIST test set that ships with modelprint, train a small victim
 * CNN, steal it twice (fine-tuning a copy; extracting a student of another architecture from the
 * victim's labels alone), train two independent models, and verify all four against the victim
 * with the default scheme ({@code akh-excess}), SAC-m, SAC-w, AKH, IPGuard and SAC-m combined
 * with AKH.
 *
 * <p>Run it with {@code mvn -q -pl examples -am compile exec:java}.
 *
 * <pre>
 * mvn -q -pl examples -am compile exec:java
 * </pre>
 */
public final class QuickStart {

    private static final PrintStream OUT = System.out;
    private static final ImageShape SHAPE = new ImageShape(1, 28, 28);

    /** The schemes shown, in column order; IPGuard runs 300 Adam steps instead of 1000 to keep the run short. */
    private static final List<SchemeChoice> SCHEMES = List.of(
            new SchemeChoice(FingerprintVerifier.DEFAULT_SCHEME, Map.of()),
            new SchemeChoice("akh-excess", Map.of()),
            new SchemeChoice("error-profile", Map.of()),
            new SchemeChoice("sac-m", Map.of()),
            new SchemeChoice("sac-w", Map.of()),
            new SchemeChoice("akh", Map.of()),
            new SchemeChoice("ipguard", Map.of("steps", "300")),
            new SchemeChoice("combined", Map.of()));

    private QuickStart() {
    }

    /** A scheme by name with its parameters. */
    private record SchemeChoice(String name, Map<String, String> parameters) {
    }

    /** A scheme with the victim fingerprinted once by it; suspects are then checked without the victim. */
    private record Fingerprinted(String scheme, FingerprintVerifier verifier, VictimFingerprint fingerprint) {

        Verdict verify(Model suspect) {
            return verifier.verify(fingerprint, suspect);
        }
    }

    /**
     * The owner's and the attacker's data: the owner trains on one part, the attacker holds
     * another, the owner keeps the rest for queries.
     */
    private record Split(LabeledImages ownerTrain, LabeledImages attacker, LabeledImages ownerHeldOut) {
    }

    /** The victim and the four suspects. */
    private record Cast(Dl4jModel victim, List<Model> suspects) {
    }

    /** Runs the quick start. */
    public static void main(String[] args) {
        long start = System.nanoTime();
        LabeledImages all = FashionMnist.load().test();
        Split data = new Split(all.slice(0, 3000), all.slice(3000, 6000), all.slice(6000, 10000));
        OUT.printf("modelprint quick start: Fashion-MNIST, %d owner / %d attacker / %d held-out images, kernels: %s%n%n",
                data.ownerTrain().size(), data.attacker().size(), data.ownerHeldOut().size(), Kernels.backend().name());
        Cast models = trainModels(data);
        List<Fingerprinted> schemes = fingerprint(models.victim(), data.ownerHeldOut());
        OUT.printf(Locale.ROOT, "%nvictim accuracy %.3f on the %d held-out images%n%n",
                Agreement.accuracy(models.victim(), data.ownerHeldOut()), data.ownerHeldOut().size());
        printVerdicts(models, schemes, data.ownerHeldOut());
        printThresholds(models.victim(), schemes);
        OUT.printf("%ndone in %.0f s%n", (System.nanoTime() - start) / 1e9);
    }

    /** The victim, a fine-tuned copy, a student extracted from its labels, and two independent models. */
    private static Cast trainModels(Split data) {
        try (ConsoleProgress progress = new ConsoleProgress()) {
            MultiLayerNetwork victimNet = train(Architecture.cnn(8, 16, 64), data.ownerTrain(), 1, 8,
                    "victim cnn-8-16-64", progress);
            Dl4jModel victim = Dl4jModel.of("victim", victimNet, SHAPE);
            List<Model> suspects = new ArrayList<>();
            MultiLayerNetwork fineTuned = new FineTuning(new Trainer.Config(2, 64, 1e-4, 11))
                    .apply(victimNet, data.attacker(), progress);
            suspects.add(Dl4jModel.of("fine-tuned copy", fineTuned, SHAPE));
            MultiLayerNetwork student = Extraction.labels(Architecture.mlp(256), new Trainer.Config(12, 64, 1e-3, 12))
                    .apply(Models.labelsOnly(victim), data.attacker(), progress);
            suspects.add(Dl4jModel.of("label-extracted mlp-256", student, SHAPE));
            suspects.add(Dl4jModel.of("independent cnn-6-12-48", train(Architecture.cnn(6, 12, 48), data.attacker(), 13, 8,
                    "independent cnn-6-12-48", progress), SHAPE));
            suspects.add(Dl4jModel.of("independent mlp-512-128", train(Architecture.mlp(512, 128), data.attacker(), 14, 12,
                    "independent mlp-512-128", progress), SHAPE));
            return new Cast(victim, suspects);
        }
    }

    /** Every scheme fingerprints the victim once. */
    private static List<Fingerprinted> fingerprint(Model victim, LabeledImages ownerHeldOut) {
        List<Fingerprinted> out = new ArrayList<>();
        try (ConsoleProgress progress = new ConsoleProgress()) {
            for (SchemeChoice c : SCHEMES) {
                FingerprintVerifier v = FingerprintVerifier.using(Schemes.create(c.name(), c.parameters()))
                        .ownerData(ownerHeldOut).progress(progress).build();
                out.add(new Fingerprinted(c.name(), v, v.fingerprint(victim)));
            }
        }
        return out;
    }

    /** One row per suspect: its accuracy and fidelity, then each scheme's distance and verdict. */
    private static void printVerdicts(Cast models, List<Fingerprinted> schemes, LabeledImages ownerHeldOut) {
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-26s %8s %8s", "suspect", "accuracy", "fidelity"));
        schemes.forEach(s -> head.append(String.format(Locale.ROOT, " | %-21s", s.scheme())));
        OUT.println(head);
        for (Model suspect : models.suspects()) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-26s %8.3f %8.3f", suspect.name(),
                    Agreement.accuracy(suspect, ownerHeldOut),
                    Agreement.agreement(models.victim(), suspect, ownerHeldOut.images())));
            for (Fingerprinted s : schemes) {
                Verdict v = s.verify(suspect);
                row.append(String.format(Locale.ROOT, " | %8.4f %-12s", v.distance(),
                        v.stolen() ? "STOLEN" : v.outcome().name().toLowerCase(Locale.ROOT)));
            }
            OUT.println(row);
        }
    }

    /** One row per scheme: its threshold, cost, and where the threshold came from. */
    private static void printThresholds(Model victim, List<Fingerprinted> schemes) {
        OUT.println();
        OUT.printf(Locale.ROOT, "%-13s %10s %18s %16s  %s%n", "scheme", "threshold", "queries/suspect", "query set built",
                "threshold source");
        for (Fingerprinted s : schemes) {
            Verdict any = s.verify(victim);
            OUT.printf(Locale.ROOT, "%-13s %10s %18d %14.1f s  %s%n", s.scheme(),
                    any.threshold().map(t -> String.format(Locale.ROOT, "%.4f", t.value())).orElse("none"),
                    s.fingerprint().querySet().size(), s.fingerprint().querySetBuildTime().toMillis() / 1000.0,
                    any.threshold().map(Threshold::description).orElse(String.join("; ", any.notes())));
        }
    }

    private static MultiLayerNetwork train(Architecture arch, LabeledImages data, long seed, int epochs, String task,
                                           ConsoleProgress progress) {
        MultiLayerNetwork net = arch.build(SHAPE, data.numClasses(), seed);
        Trainer.fit(net, TrainingData.of(data), new Trainer.Config(epochs, 64, 1e-3, seed), task, progress);
        return net;
    }
}
