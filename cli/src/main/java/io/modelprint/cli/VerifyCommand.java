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

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelprint.FingerprintVerifier;
import io.modelprint.Model;
import io.modelprint.SuspectVerdicts;
import io.modelprint.Verdict;
import io.modelprint.VictimFingerprint;
import io.modelprint.store.FingerprintFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code modelprint verify}: verifies one or more suspects against a fingerprint file, printing a
 * verdict per suspect as text or, with {@code --json}, as one JSON object per line.
 *
 * <p>JSON fields per suspect: those of the library's {@link Verdict} form ({@code suspect},
 * {@code scheme}, {@code outcome}, {@code stolen}, {@code representation}, {@code distance},
 * {@code threshold}, {@code pValue}, {@code references}, {@code notes}, {@code explanation},
 * {@code suspectQueries}, {@code costs}) and {@code victim} (the fingerprint's victim) and
 * {@code error} (null); a suspect that failed gets {@code suspect}, {@code victim},
 * {@code outcome: "ERROR"} and {@code error} (the message) only.
 *
 * <p>Exit code: {@value ModelprintCli#ERROR} if any suspect failed, else
 * {@value ModelprintCli#STOLEN} if any is stolen, else {@value ModelprintCli#INCONCLUSIVE} if any
 * is inconclusive, else {@value ModelprintCli#INDEPENDENT}.
 *
 * <pre>
 * modelprint verify --fingerprint victim.fp.json --suspect copy.onnx --suspect other.zip --json
 * cat victim.fp.json | modelprint verify --fingerprint - --suspect https://api.example.com/predict --budget 500
 * </pre>
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Verify suspects (DL4J zip, ONNX file or http(s):// prediction API) against a fingerprint file. "
                + "Exits 0 if independent, 1 if stolen, 2 on error, 3 if inconclusive.")
final class VerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--fingerprint", required = true, paramLabel = "FILE",
            description = "A file written by 'modelprint fingerprint'; - reads it from standard input.")
    String fingerprint;

    @Option(names = "--suspect", required = true, paramLabel = "FILE|URL",
            description = "A suspect: a DL4J .zip, an .onnx file or an http(s):// URL speaking modelprint's JSON contract; "
                    + "repeat for several.")
    List<String> suspects = new ArrayList<>();

    @Option(names = "--threshold", description = "A fixed threshold instead of the fingerprint's calibration or the default.")
    Double threshold;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "1",
            description = "Verify up to N suspects at once (default ${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = "--json", description = "One JSON object per suspect, one per line, on standard output.")
    boolean json;

    @Option(names = "--quiet", description = "No progress bars on standard error.")
    boolean quiet;

    @Mixin
    ModelOptions modelOptions;

    @Override
    public Integer call() throws Exception {
        if (parallel < 1) {
            throw new IllegalArgumentException("--parallel " + parallel + " must be at least 1");
        }
        VictimFingerprint fp = "-".equals(fingerprint) ? fromStandardInput() : FingerprintFile.read(Path.of(fingerprint));
        FingerprintVerifier.Builder b = FingerprintVerifier.forFingerprint(fp);
        if (threshold != null) {
            b.threshold(threshold);
        }
        List<Model> models = new ArrayList<>();
        List<Optional<Exception>> openFailures = new ArrayList<>();
        try (ConsoleProgress progress = new ConsoleProgress(quiet || suspects.size() == 1)) {
            for (String s : suspects) {
                try {
                    models.add(modelOptions.open(s, fp.numClasses()));
                    openFailures.add(Optional.empty());
                } catch (IllegalArgumentException e) {
                    if (suspects.size() == 1) {
                        throw e;   // one suspect: the error is the command's
                    }
                    models.add(null);
                    openFailures.add(Optional.of(e));
                }
            }
            List<Model> opened = models.stream().filter(m -> m != null).toList();
            SuspectVerdicts verdicts = b.progress(progress).build().verifyAll(fp, opened, parallel);
            if (suspects.size() == 1 && verdicts.entries().get(0).failed()) {
                throw verdicts.entries().get(0).failure().orElseThrow();
            }
            PrintWriter out = spec.commandLine().getOut();
            int code = ModelprintCli.INDEPENDENT;
            boolean anyFailed = false;
            boolean anyStolen = false;
            boolean anyInconclusive = false;
            int next = 0;
            for (int i = 0; i < suspects.size(); i++) {
                Optional<Exception> failure = openFailures.get(i);
                Optional<Verdict> verdict = Optional.empty();
                if (failure.isEmpty()) {
                    SuspectVerdicts.Entry e = verdicts.entries().get(next++);
                    failure = e.failure();
                    verdict = e.verdict();
                }
                if (failure.isPresent()) {
                    anyFailed = true;
                    print(out, suspects.get(i), fp, failure.get());
                } else {
                    Verdict v = verdict.orElseThrow();
                    anyStolen |= v.stolen();
                    anyInconclusive |= v.inconclusive();
                    print(out, fp, v);
                }
            }
            out.flush();
            if (anyFailed) {
                code = ModelprintCli.ERROR;
            } else if (anyStolen) {
                code = ModelprintCli.STOLEN;
            } else if (anyInconclusive) {
                code = ModelprintCli.INCONCLUSIVE;
            }
            return code;
        } finally {
            for (Model m : models) {
                if (m instanceof AutoCloseable c) {
                    c.close();
                }
            }
        }
    }

    private static VictimFingerprint fromStandardInput() {
        try {
            InputStream in = System.in;
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, FingerprintFile.MAX_DOCUMENT_BYTES + 1));
            if (bytes.length > FingerprintFile.MAX_DOCUMENT_BYTES) {
                throw new IllegalArgumentException("the fingerprint on standard input is over "
                        + FingerprintFile.MAX_DOCUMENT_BYTES + " bytes, more than a fingerprint file can hold");
            }
            if (bytes.length == 0) {
                throw new IllegalArgumentException("--fingerprint - reads standard input, which is empty: pipe a file "
                        + "written by 'modelprint fingerprint' into it");
            }
            return FingerprintFile.fromBytes(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the fingerprint from standard input: " + e.getMessage(), e);
        }
    }

    private void print(PrintWriter out, VictimFingerprint fp, Verdict v) throws IOException {
        if (json) {
            ObjectNode node = CliJson.MAPPER.valueToTree(v);
            node.put("victim", fp.provenance().victim());
            node.putNull("error");
            out.println(CliJson.MAPPER.writeValueAsString(node));
            return;
        }
        out.printf(Locale.ROOT, "%s: %s%n", v.suspect(), v.stolen() ? "STOLEN" : v.outcome().name().toLowerCase(Locale.ROOT));
        out.printf(Locale.ROOT, "  %s%n", v.explanation());
        out.printf(Locale.ROOT, "  victim %s, scheme %s compared on %s, %d queries to the suspect%n",
                fp.provenance().victim(), v.scheme(), v.representation().name().toLowerCase(Locale.ROOT),
                v.suspectQueries());
    }

    private void print(PrintWriter out, String suspect, VictimFingerprint fp, Exception failure) throws IOException {
        String message = ModelprintCli.oneLine(failure);
        if (json) {
            ObjectNode node = CliJson.MAPPER.createObjectNode();
            node.put("suspect", suspect);
            node.put("victim", fp.provenance().victim());
            node.put("outcome", "ERROR");
            node.put("error", message);
            out.println(CliJson.MAPPER.writeValueAsString(node));
            return;
        }
        out.printf(Locale.ROOT, "%s: ERROR%n  %s%n", suspect, message);
    }
}
