package io.modelprint.examples;

import io.modelprint.FingerprintVerifier;
import io.modelprint.ImageShape;
import io.modelprint.LabeledImages;
import io.modelprint.Model;
import io.modelprint.Models;
import io.modelprint.Schemes;
import io.modelprint.Verdict;
import io.modelprint.VictimFingerprint;
import io.modelprint.data.FashionMnist;
import io.modelprint.dl4j.Architecture;
import io.modelprint.dl4j.Dl4jModel;
import io.modelprint.dl4j.Trainer;
import io.modelprint.dl4j.TrainingData;
import io.modelprint.kernel.Kernels;
import io.modelprint.stats.Agreement;
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
 * with every scheme: the default (SAC-m combined with AKH), SAC-m, SAC-w, AKH and IPGuard.
 *
 * <p>Run it with {@code mvn -q -pl examples -am compile exec:java}.
 */
public final class QuickStart {

    private static final PrintStream OUT = System.out;
    private static final ImageShape SHAPE = new ImageShape(1, 28, 28);

    private QuickStart() {
    }

    /** Runs the quick start. */
    public static void main(String[] args) {
        long start = System.nanoTime();
        LabeledImages all = FashionMnist.load().test();
        // the owner trains on one part, the attacker holds another, the owner keeps the rest for queries
        LabeledImages ownerTrain = all.slice(0, 4000);
        LabeledImages attacker = all.slice(4000, 8000);
        LabeledImages ownerHeldOut = all.slice(8000, 10000);
        OUT.printf("modelprint quick start: Fashion-MNIST, %d owner / %d attacker / %d held-out images, kernels: %s%n%n",
                ownerTrain.size(), attacker.size(), ownerHeldOut.size(), Kernels.backend().name());

        List<Model> suspects = new ArrayList<>();
        Dl4jModel victim;
        try (ConsoleProgress progress = new ConsoleProgress()) {
            MultiLayerNetwork victimNet = train(Architecture.cnn(8, 16, 64), ownerTrain, 1, 8, "victim cnn-8-16-64", progress);
            victim = Dl4jModel.of("victim", victimNet, SHAPE);

            MultiLayerNetwork fineTuned = new FineTuning(new Trainer.Config(2, 64, 1e-4, 11))
                    .apply(victimNet, attacker, progress);
            suspects.add(Dl4jModel.of("fine-tuned copy", fineTuned, SHAPE));

            MultiLayerNetwork student = Extraction.labels(Architecture.mlp(256), new Trainer.Config(12, 64, 1e-3, 12))
                    .apply(Models.labelsOnly(victim), attacker, progress);
            suspects.add(Dl4jModel.of("label-extracted mlp-256", student, SHAPE));

            suspects.add(Dl4jModel.of("independent cnn-6-12-48", train(Architecture.cnn(6, 12, 48), attacker, 13, 8,
                    "independent cnn-6-12-48", progress), SHAPE));
            suspects.add(Dl4jModel.of("independent mlp-512-128", train(Architecture.mlp(512, 128), attacker, 14, 12,
                    "independent mlp-512-128", progress), SHAPE));
        }

        // every scheme fingerprints the victim once, then checks each suspect without it
        // IPGuard runs 300 Adam steps instead of its default 1000 to keep the quick start short
        List<String> schemes = List.of(FingerprintVerifier.DEFAULT_SCHEME, "sac-m", "sac-w", "akh", "ipguard", "combined");
        List<Map<String, String>> parameters = List.of(Map.of(), Map.of(), Map.of(), Map.of(), Map.of("steps", "300"),
                Map.of());
        List<FingerprintVerifier> verifiers = new ArrayList<>();
        List<VictimFingerprint> fingerprints = new ArrayList<>();
        try (ConsoleProgress progress = new ConsoleProgress()) {
            for (int k = 0; k < schemes.size(); k++) {
                FingerprintVerifier v = FingerprintVerifier.using(Schemes.create(schemes.get(k), parameters.get(k)))
                        .ownerData(ownerHeldOut).progress(progress).build();
                verifiers.add(v);
                fingerprints.add(v.fingerprint(victim));
            }
        }
        OUT.printf(Locale.ROOT, "%nvictim accuracy %.3f on the %d held-out images%n%n", Agreement.accuracy(victim, ownerHeldOut),
                ownerHeldOut.size());

        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-26s %8s %8s", "suspect", "accuracy", "fidelity"));
        schemes.forEach(name -> head.append(String.format(Locale.ROOT, " | %-20s", name)));
        OUT.println(head);
        for (Model suspect : suspects) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-26s %8.3f %8.3f", suspect.name(),
                    Agreement.accuracy(suspect, ownerHeldOut), Agreement.agreement(victim, suspect, ownerHeldOut.images())));
            for (int k = 0; k < schemes.size(); k++) {
                Verdict v = verifiers.get(k).verify(fingerprints.get(k), suspect);
                row.append(String.format(Locale.ROOT, " | %8.4f %-11s", v.distance(), v.stolen() ? "STOLEN" : "independent"));
            }
            OUT.println(row);
        }
        OUT.println();
        OUT.printf(Locale.ROOT, "%-10s %10s %18s %16s  %s%n", "scheme", "threshold", "queries/suspect", "query set built", "threshold source");
        for (int k = 0; k < schemes.size(); k++) {
            VictimFingerprint fp = fingerprints.get(k);
            Verdict any = verifiers.get(k).verify(fp, victim);
            OUT.printf(Locale.ROOT, "%-10s %10.4f %18d %14.1f s  %s%n", schemes.get(k), any.threshold().value(),
                    fp.querySet().size(), fp.querySetBuildTime().toMillis() / 1000.0, any.threshold().description());
        }
        OUT.printf("%ndone in %.0f s%n", (System.nanoTime() - start) / 1e9);
    }

    private static MultiLayerNetwork train(Architecture arch, LabeledImages data, long seed, int epochs, String task,
                                           ConsoleProgress progress) {
        MultiLayerNetwork net = arch.build(SHAPE, data.numClasses(), seed);
        Trainer.fit(net, TrainingData.of(data), new Trainer.Config(epochs, 64, 1e-3, seed), task, progress);
        return net;
    }
}
