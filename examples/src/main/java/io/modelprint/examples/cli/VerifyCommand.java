package io.modelprint.examples.cli;

import io.modelprint.FingerprintVerifier;
import io.modelprint.Model;
import io.modelprint.Verdict;
import io.modelprint.VictimFingerprint;
import io.modelprint.store.FingerprintFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code modelprint verify}: verifies a suspect against a fingerprint file. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Verify a suspect (DL4J zip, ONNX file or http(s):// prediction API) against a fingerprint file. "
                + "Exits 0 if independent, 1 if stolen, 2 on error.")
final class VerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--fingerprint", required = true, paramLabel = "FILE", description = "A file written by 'modelprint fingerprint'.")
    Path fingerprint;

    @Option(names = "--suspect", required = true, paramLabel = "FILE|URL",
            description = "The suspect: a DL4J .zip, an .onnx file or an http(s):// URL speaking modelprint's JSON contract.")
    String suspect;

    @Option(names = "--threshold", description = "A fixed threshold instead of the fingerprint's calibration or the default.")
    Double threshold;

    @Mixin
    ModelOptions modelOptions;

    @Override
    public Integer call() throws Exception {
        VictimFingerprint fp = FingerprintFile.read(fingerprint);
        FingerprintVerifier.Builder b = FingerprintVerifier.forFingerprint(fp);
        if (threshold != null) {
            b.threshold(threshold);
        }
        Model model = modelOptions.open(suspect, fp.numClasses());
        try {
            Verdict v = b.build().verify(fp, model);
            PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "%s: %s%n", v.suspect(), v.stolen() ? "STOLEN" : v.outcome().name().toLowerCase(Locale.ROOT));
            out.printf(Locale.ROOT, "  %s%n", v.explanation());
            out.printf(Locale.ROOT, "  victim %s, scheme %s compared on %s, %d queries to the suspect%n",
                    fp.provenance().victim(), v.scheme(), v.representation().name().toLowerCase(Locale.ROOT),
                    v.suspectQueries());
            return switch (v.outcome()) {
                case STOLEN -> ModelprintCli.STOLEN;
                case INDEPENDENT -> ModelprintCli.INDEPENDENT;
                case INCONCLUSIVE -> ModelprintCli.INCONCLUSIVE;
            };
        } finally {
            if (model instanceof AutoCloseable c) {
                c.close();
            }
        }
    }
}
