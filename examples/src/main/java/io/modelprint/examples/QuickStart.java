package io.modelprint.examples;

import io.modelprint.FingerprintVerifier;
import io.modelprint.ImageShape;
import io.modelprint.LabeledImages;
import io.modelprint.Model;
import io.modelprint.Models;
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
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * The quick start: on the Fashion-MNIST test set that ships with modelprint, train a small victim
 * CNN, steal it twice (fine-tuning a copy; extracting a student of another architecture from the
 * victim's labels alone), train two independent models, and verify all four against the victim.
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

            MultiLayerNetwork student = new Extraction(Architecture.mlp(256), new Trainer.Config(12, 64, 1e-3, 12))
                    .apply(Models.labelsOnly(victim), attacker.images(), progress);
            suspects.add(Dl4jModel.of("label-extracted mlp-256", student, SHAPE));

            suspects.add(Dl4jModel.of("independent cnn-6-12-48", train(Architecture.cnn(6, 12, 48), attacker, 13, 8,
                    "independent cnn-6-12-48", progress), SHAPE));
            suspects.add(Dl4jModel.of("independent mlp-512-128", train(Architecture.mlp(512, 128), attacker, 14, 12,
                    "independent mlp-512-128", progress), SHAPE));
        }

        FingerprintVerifier verifier = FingerprintVerifier.defaults().ownerData(ownerHeldOut).build();
        VictimFingerprint fingerprint = verifier.fingerprint(victim);
        OUT.printf("%nvictim accuracy %.3f; %s fingerprint on %d queries, threshold: %s%n%n",
                Agreement.accuracy(victim, ownerHeldOut), verifier.scheme().name(), fingerprint.querySet().size(),
                verifier.scheme().defaultThreshold(fingerprint.victimAnswers().kind()).description());

        OUT.printf(Locale.ROOT, "%-26s %8s %8s %9s %10s %12s  %s%n", "suspect", "accuracy", "fidelity", "distance",
                "threshold", "verdict", "queries");
        for (Model suspect : suspects) {
            double accuracy = Agreement.accuracy(suspect, ownerHeldOut);
            double fidelity = Agreement.agreement(victim, suspect, ownerHeldOut.images());
            Verdict v = verifier.verify(fingerprint, suspect);
            OUT.printf(Locale.ROOT, "%-26s %8.3f %8.3f %9.4f %10.4f %12s  %d%n", suspect.name(), accuracy, fidelity,
                    v.distance(), v.threshold().value(), v.stolen() ? "STOLEN" : "independent", v.suspectQueries());
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
