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
package io.modelprint.cli;

import io.modelprint.FingerprintVerifier;
import io.modelprint.LabeledImages;
import io.modelprint.Model;
import io.modelprint.VictimFingerprint;
import io.modelprint.scheme.SchemeInputs;
import io.modelprint.scheme.SchemeProvider;
import io.modelprint.scheme.Schemes;
import io.modelprint.store.FingerprintFile;
import io.modelprint.store.WriteOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
        description = "Fingerprint a victim model (DL4J zip, ONNX file or HTTP API) on the owner's labelled images "
                + "(Fashion-MNIST, any IDX pair, or a folder of PNG images) into a fingerprint file.")
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
            wrap(s, p.name() + ": " + p.description() + (p.usesModels()
                    ? " (the owner's models: --surrogate and --selection-reference)" : ""), "  ", "    ");
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

    @Option(names = "--model", required = true, paramLabel = "FILE|URL",
            description = "The victim: a DL4J .zip, an .onnx file or an http(s):// prediction API.")
    String model;

    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "Where to write the fingerprint (JSON); - writes it to standard output. Never the model or "
                    + "a reference.")
    String out;

    @Option(names = "--scheme", defaultValue = FingerprintVerifier.DEFAULT_SCHEME, completionCandidates = SchemeNames.class,
            description = "Fingerprint scheme: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}); their parameters "
                    + "are listed below.")
    String scheme;

    @Option(names = "--param", paramLabel = "NAME=VALUE",
            description = "A scheme parameter, such as queries=200; repeat for several.")
    Map<String, String> params = new LinkedHashMap<>();

    @Mixin
    OwnerDataOptions ownerData;

    @Option(names = "--seed", defaultValue = "3", description = "Seed of the query set (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--reference", paramLabel = "FILE",
            description = "An independent model (trained without the victim) that calibrates the threshold; give two or more.")
    List<String> references = new ArrayList<>();

    @Option(names = "--surrogate", paramLabel = "FILE",
            description = "conferrable: one of the owner's own stolen copies of the victim (fine-tuned, extracted, ...); "
                    + "give one or more.")
    List<String> surrogates = new ArrayList<>();

    @Option(names = "--selection-reference", paramLabel = "FILE",
            description = "conferrable: an independent model that query selection steers away from; give one or more.")
    List<String> selectionReferences = new ArrayList<>();

    @Option(names = "--self-calibrate", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "With no --reference, train reference models on half the owner data to calibrate the "
                    + "threshold (needs 2000 or more images; slow: eight small DL4J networks). --no-self-calibrate "
                    + "uses the scheme's measured default threshold instead.")
    boolean selfCalibrate;

    @Option(names = "--json", description = "Print the fingerprint's summary as one JSON object instead of a sentence.")
    boolean json;

    @Option(names = "--quiet", description = "No progress bars on standard error.")
    boolean quiet;

    @Mixin
    ModelOptions modelOptions;

    @Override
    public Integer call() throws Exception {
        SchemeProvider provider = Schemes.providers().get(scheme);
        if (provider != null && provider.usesModels() && surrogates.isEmpty()) {
            throw new IllegalArgumentException("scheme " + scheme + " builds its queries with the owner's own models: "
                    + "give the owner's stolen copies of the victim with --surrogate FILE (one or more) and independent "
                    + "models with --selection-reference FILE, or choose another --scheme");
        }
        if (provider != null && !provider.usesModels() && !(surrogates.isEmpty() && selectionReferences.isEmpty())) {
            throw new IllegalArgumentException("--surrogate and --selection-reference are for schemes that use the "
                    + "owner's models (conferrable); " + scheme + " does not: leave them out");
        }
        Path outFile = "-".equals(out) ? null : Path.of(out);
        if (outFile != null) {
            refuseToOverwrite(outFile, localFiles(model, references, surrogates, selectionReferences));
        }
        LabeledImages owner = ownerData.load(0);
        List<Model> opened = new ArrayList<>();
        try (ConsoleProgress progress = new ConsoleProgress(quiet)) {
            Model victim = modelOptions.open(model, owner.numClasses());
            opened.add(victim);
            if (victim.numClasses() > owner.numClasses()) {
                owner = new LabeledImages(owner.images(), owner.labels(), victim.numClasses());
            } else if (victim.numClasses() < owner.numClasses()) {
                throw new IllegalArgumentException("the victim answers " + victim.numClasses() + " classes but the owner's "
                        + "data has labels up to " + (owner.numClasses() - 1) + ": the data and the model do not solve the "
                        + "same task");
            }
            List<Model> refs = openAll(references, victim.numClasses(), opened);
            SchemeInputs inputs = SchemeInputs.of(params)
                    .withSurrogates(openAll(surrogates, victim.numClasses(), opened))
                    .withSelectionReferences(openAll(selectionReferences, victim.numClasses(), opened));
            FingerprintVerifier verifier = FingerprintVerifier.using(Schemes.create(scheme, inputs))
                    .ownerData(owner).seed(seed).references(refs).selfCalibrate(selfCalibrate).progress(progress).build();
            VictimFingerprint fp = verifier.fingerprint(victim);
            PrintWriter stdout = spec.commandLine().getOut();
            PrintWriter report = "-".equals(out) ? spec.commandLine().getErr() : stdout;
            long bytes;
            if ("-".equals(out)) {
                byte[] b = FingerprintFile.toBytes(fp);
                stdout.print(new String(b, StandardCharsets.UTF_8));
                stdout.flush();
                bytes = b.length;
            } else {
                Path file = outFile;
                WriteOptions options = WriteOptions.protecting(localFiles(model, references, surrogates,
                        selectionReferences));
                FingerprintFile.write(fp, file, options);
                bytes = Files.size(file);
            }
            if (json) {
                report.println(CliJson.MAPPER.writeValueAsString(fp.summary()));
            } else {
                report.printf(Locale.ROOT, "fingerprinted %s (%s) with %s: %d queries, %d reference models; wrote %s (%d KB)%n",
                        victim.name(), victim.outputKind().name().toLowerCase(Locale.ROOT), fp.scheme(),
                        fp.querySet().size(), fp.references().size(), "-".equals(out) ? "standard output" : out,
                        bytes / 1024);
            }
            report.flush();
            return ModelprintCli.INDEPENDENT;
        } finally {
            for (Model m : opened) {
                if (m instanceof AutoCloseable c) {
                    c.close();
                }
            }
        }
    }

    private List<Model> openAll(List<String> locations, int numClasses, List<Model> opened) {
        List<Model> models = new ArrayList<>();
        for (String r : locations) {
            Model m = modelOptions.open(r, numClasses);
            opened.add(m);
            models.add(m);
        }
        return models;
    }

    // before any work: --out must not be one of this run's model files, however the path is spelt
    // (FingerprintFile.write checks again as it writes)
    private static void refuseToOverwrite(Path out, Path[] inputs) {
        if (!Files.exists(out)) {
            return;
        }
        for (Path input : inputs) {
            try {
                if (Files.exists(input) && Files.isSameFile(out, input)) {
                    throw new IllegalArgumentException("refusing to write the fingerprint to " + out + ": it is "
                            + (out.equals(input) ? "" : "the same file as ") + input + ", a model of this run; choose "
                            + "another --out");
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot compare --out " + out + " with " + input + ": " + e.getMessage(), e);
            }
        }
    }

    // every model file of this run: the fingerprint must never be written over one of them
    @SafeVarargs
    private static Path[] localFiles(String model, List<String>... more) {
        List<Path> files = new ArrayList<>();
        List<String> all = new ArrayList<>(List.of(model));
        for (List<String> m : more) {
            all.addAll(m);
        }
        for (String location : all) {
            if (!location.startsWith("http://") && !location.startsWith("https://")) {
                files.add(Path.of(location));
            }
        }
        return files.toArray(new Path[0]);
    }
}
