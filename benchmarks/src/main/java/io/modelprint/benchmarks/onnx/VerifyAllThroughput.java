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
package io.modelprint.benchmarks.onnx;

import io.modelprint.FingerprintVerifier;
import io.modelprint.ImageShape;
import io.modelprint.LabeledImages;
import io.modelprint.Model;
import io.modelprint.SuspectVerdicts;
import io.modelprint.Verdict;
import io.modelprint.VictimFingerprint;
import io.modelprint.data.FashionMnist;
import io.modelprint.onnx.OnnxModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Many suspects against one fingerprint: a plain loop of {@code verify} calls against
 * {@code verifyAll} with parallelism 1, 2 and 4, on the same ONNX models (sessions made once and
 * reused). Prints a Markdown table of the median of the rounds: seconds per pass over every
 * suspect and suspects per second.
 *
 * <p>Arguments: the number of ONNX files (default 48: the first is the victim), the number of
 * rounds (default 5), the scheme (default sac-m).
 *
 * <pre>
 * ./mvnw -q -pl benchmarks -am compile exec:java@verify-all -Dexec.args="48 5 sac-m"
 * </pre>
 */
public final class VerifyAllThroughput {

    private static final ImageShape SHAPE = new ImageShape(1, 28, 28);

    private VerifyAllThroughput() {
    }

    /** Runs the comparison and prints the table. */
    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 48;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        String scheme = args.length > 2 ? args[2] : "sac-m";
        Path root = Path.of(System.getProperty("modelprint.root", "."));
        List<Path> files = OnnxZoo.files(root, count);
        LabeledImages owner = FashionMnist.load().test().slice(8000, 10000);
        List<OnnxModel> models = new ArrayList<>();
        for (Path f : files) {
            models.add(OnnxModel.builder(f).name(root.toAbsolutePath().normalize().relativize(f.toAbsolutePath()
                    .normalize()).toString()).inputShape(SHAPE).build());
        }
        try {
            OnnxModel victim = models.get(0);
            List<Model> suspects = List.copyOf(models.subList(1, models.size()));
            FingerprintVerifier fingerprinter = FingerprintVerifier.using(scheme).ownerData(owner).seed(3).build();
            VictimFingerprint fp = fingerprinter.fingerprint(victim);
            FingerprintVerifier verifier = FingerprintVerifier.forFingerprint(fp).build();
            System.out.printf(Locale.ROOT, "%d suspects (ONNX files) against %s, scheme %s, %d queries each; %d "
                    + "processors; median of %d rounds (the ways take turns) after one warm-up pass%n%n", suspects.size(), victim.name(),
                    scheme, fp.querySet().size(), Runtime.getRuntime().availableProcessors(), rounds);
            // one warm-up pass: ONNX Runtime's first run of each session allocates its buffers
            loop(verifier, fp, suspects);
            // the ways take turns within each round, in a rotating order, so that a change in the machine's load
            // (other jobs share it) falls on all of them alike
            int[] parallelisms = {1, 2, 4};
            int ways = 1 + parallelisms.length;
            double[][] seconds = new double[ways][rounds];
            for (int r = 0; r < rounds; r++) {
                for (int k = 0; k < ways; k++) {
                    int way = (k + r) % ways;
                    long t0 = System.nanoTime();
                    if (way == 0) {
                        loop(verifier, fp, suspects);
                    } else {
                        SuspectVerdicts v = verifier.verifyAll(fp, suspects, parallelisms[way - 1]);
                        if (!v.failures().isEmpty()) {
                            throw new IllegalStateException(v.failures().size() + " suspects failed: "
                                    + v.failures().get(0).failure().orElseThrow());
                        }
                    }
                    seconds[way][r] = (System.nanoTime() - t0) / 1e9;
                }
            }
            System.out.println("| way | parallelism | s per pass | suspects/s | vs loop |");
            System.out.println("|---|---|---|---|---|");
            double loop = median(seconds[0]);
            row("plain loop of verify()", "1", loop, suspects.size(), loop);
            for (int k = 0; k < parallelisms.length; k++) {
                row("verifyAll", Integer.toString(parallelisms[k]), median(seconds[k + 1]), suspects.size(), loop);
            }
        } finally {
            for (OnnxModel m : models) {
                m.close();
            }
        }
    }

    private static void loop(FingerprintVerifier verifier, VictimFingerprint fp, List<Model> suspects) {
        List<Verdict> verdicts = new ArrayList<>();
        for (Model s : suspects) {
            verdicts.add(verifier.verify(fp, s));
        }
        if (verdicts.size() != suspects.size()) {
            throw new IllegalStateException("lost a verdict");
        }
    }

    private static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static void row(String way, String parallelism, double seconds, int suspects, double loop) {
        System.out.printf(Locale.ROOT, "| %s | %s | %.3f | %.1f | %.2fx |%n", way, parallelism, seconds, suspects / seconds,
                loop / seconds);
    }
}
