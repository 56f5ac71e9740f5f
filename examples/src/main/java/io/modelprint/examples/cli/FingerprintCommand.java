package io.modelprint.examples.cli;

import io.modelprint.FingerprintVerifier;
import io.modelprint.LabeledImages;
import io.modelprint.Model;
import io.modelprint.VictimFingerprint;
import io.modelprint.data.FashionMnist;
import io.modelprint.scheme.SchemeProvider;
import io.modelprint.scheme.Schemes;
import io.modelprint.store.FingerprintFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code modelprint fingerprint}: fingerprints a victim model into a file. The schemes, their
 * parameters and defaults in its help come from the registry ({@link Schemes}) and the schemes'
 * typed parameters.
 *
 * <pre>
 * bin/modelprint fingerprint --model victim.zip --scheme sac-m --param queries=300 --out victim.fp.json
 * bin/modelprint fingerprint --help    # every scheme with its parameters
 * </pre>
 */
@Command(name = "fingerprint", mixinStandardHelpOptions = true,
        description = "Fingerprint a victim model (DL4J zip or ONNX file) on Fashion-MNIST queries into a fingerprint file.")
final class FingerprintCommand implements Callable<Integer> {

    /** The scheme names, for {@code --scheme}'s help: whatever the registry finds. */
    static final class SchemeNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Schemes.providers().keySet().iterator();
        }
    }

    /** The help's footer: each scheme, what it does, and its parameters with their defaults. */
    static String schemesHelp() {
        StringBuilder s = new StringBuilder("%nSchemes and their parameters (--param NAME=VALUE; defaults after =):%n");
        for (SchemeProvider p : Schemes.providers().values()) {
            s.append("%n");
            wrap(s, p.name() + ": " + p.description() + (p.usesModels() ? " (the owner's models: from the Java API only)"
                    : ""), "  ", "    ");
            for (String line : p.help().split("\n")) {
                wrap(s, line, "      ", "          ");
            }
        }
        return s.toString();
    }

    // picocli wraps long footer lines without indenting them: wrap here, within its 80 columns
    private static void wrap(StringBuilder out, String text, String first, String rest) {
        String indent = first;
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && indent.length() + line.length() + 1 + word.length() > 79) {
                out.append(escape(indent + line)).append("%n");
                indent = rest;
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        out.append(escape(indent + line)).append("%n");
    }

    // picocli treats % as a format directive in help sections
    private static String escape(String text) {
        return text.replace("%", "%%");
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "The victim: a DL4J .zip or an .onnx file.")
    String model;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the fingerprint (JSON).")
    Path out;

    @Option(names = "--scheme", defaultValue = FingerprintVerifier.DEFAULT_SCHEME, completionCandidates = SchemeNames.class,
            description = "Fingerprint scheme: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}); their parameters "
                    + "are listed below.")
    String scheme;

    @Option(names = "--param", paramLabel = "NAME=VALUE",
            description = "A scheme parameter, such as queries=200; repeat for several.")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--data", paramLabel = "DIR",
            description = "Directory with the Fashion-MNIST IDX files (default: -Dmodelprint.data.dir, the Debian "
                    + "package, or data/fashion-mnist).")
    Path data;

    @Option(names = "--data-range", paramLabel = "FROM:TO",
            description = "Test images to draw queries from, held out from the victim's training (default: all).")
    String range;

    @Option(names = "--seed", defaultValue = "3", description = "Seed of the query set (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--reference", paramLabel = "FILE",
            description = "An independent model (trained without the victim) that calibrates the threshold; give two or more.")
    List<String> references = new ArrayList<>();

    @Mixin
    ModelOptions modelOptions;

    @Override
    public Integer call() throws Exception {
        LabeledImages owner = ownerData();
        List<Model> opened = new ArrayList<>();
        try {
            Model victim = modelOptions.open(model, FashionMnist.NUM_CLASSES);
            opened.add(victim);
            List<Model> refs = new ArrayList<>();
            for (String r : references) {
                Model m = modelOptions.open(r, victim.numClasses());
                opened.add(m);
                refs.add(m);
            }
            FingerprintVerifier verifier = FingerprintVerifier.using(Schemes.create(scheme, params))
                    .ownerData(owner).seed(seed).references(refs).build();
            VictimFingerprint fp = verifier.fingerprint(victim);
            FingerprintFile.write(fp, out);
            spec.commandLine().getOut().printf(Locale.ROOT,
                    "fingerprinted %s (%s) with %s: %d queries, %d reference models; wrote %s (%d KB)%n",
                    victim.name(), victim.outputKind().name().toLowerCase(Locale.ROOT), fp.scheme(),
                    fp.querySet().size(), fp.references().size(), out, Files.size(out) / 1024);
            return ModelprintCli.INDEPENDENT;
        } finally {
            for (Model m : opened) {
                if (m instanceof AutoCloseable c) {
                    c.close();
                }
            }
        }
    }

    private LabeledImages ownerData() {
        LabeledImages test = (data == null ? FashionMnist.load() : FashionMnist.load(data)).test();
        if (range == null) {
            return test;
        }
        String[] p = range.split(":");
        try {
            int from = Integer.parseInt(p[0].trim());
            int to = Integer.parseInt(p[1].trim());
            if (p.length != 2 || from < 0 || to > test.size() || from >= to) {
                throw new NumberFormatException();
            }
            return test.slice(from, to);
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("--data-range " + range + " is not FROM:TO with 0 <= FROM < TO <= "
                    + test.size());
        }
    }
}
