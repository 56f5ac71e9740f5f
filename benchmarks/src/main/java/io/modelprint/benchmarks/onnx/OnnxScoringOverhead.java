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

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.modelprint.FingerprintVerifier;
import io.modelprint.ImageBatch;
import io.modelprint.ImageShape;
import io.modelprint.LabeledImages;
import io.modelprint.OutputKind;
import io.modelprint.VictimFingerprint;
import io.modelprint.data.FashionMnist;
import io.modelprint.onnx.OnnxModel;
import io.modelprint.scheme.Schemes;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Where the time goes when a zoo of ONNX files is scored through the library: every file opened
 * and asked three 100-query sets, through {@code OnnxModel} and through bare ONNX Runtime calls
 * (session, tensor, run, read the floats) in one JVM, each way timed in its parts (opening the
 * model; answering the queries). The first pass of the JVM pays ONNX Runtime's native start-up and
 * the JIT (the "cold" column); later passes show the steady state. Each way runs first in turn, so
 * neither is always the one that warms the JIT.
 *
 * <p>Arguments: the number of ONNX files (default 48), the number of passes (default 3).
 *
 * <pre>
 * ./mvnw -q -pl benchmarks -am compile exec:java@onnx-overhead -Dexec.args="48 3"
 * </pre>
 */
public final class OnnxScoringOverhead {

    private static final ImageShape SHAPE = new ImageShape(1, 28, 28);

    private OnnxScoringOverhead() {
    }

    /** Seconds spent opening the models and answering the queries, for one way and one pass. */
    record Split(double open, double answer) {
        double total() {
            return open + answer;
        }
    }

    /** Runs the passes and prints a Markdown table. */
    public static void main(String[] args) throws Exception {
        // on a thread with a 16 MB stack, as OnnxModel loads ONNX Runtime: loaded from a 1 MB main thread next to
        // ND4J's long class path, its native library was seen to crash the JVM
        Exception[] failed = new Exception[1];
        Thread t = new Thread(null, () -> {
            try {
                run(args);
            } catch (Exception e) {
                failed[0] = e;
            }
        }, "onnx-overhead", 16L << 20);
        t.start();
        t.join();
        if (failed[0] != null) {
            throw failed[0];
        }
    }

    private static void run(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 48;
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path root = Path.of(System.getProperty("modelprint.root", "."));
        List<Path> files = OnnxZoo.files(root, count);
        LabeledImages test = FashionMnist.load().test();
        List<ImageBatch> sets = List.of(test.images().slice(0, 100), test.images().slice(100, 200),
                test.images().slice(200, 300));
        System.out.printf(Locale.ROOT, "%d ONNX files, 3 query sets of 100 images, %d processors%n%n", files.size(),
                Runtime.getRuntime().availableProcessors());
        // three fingerprints of 100 queries each (the first file is the victim), for the way through verify()
        List<VictimFingerprint> fingerprints = new ArrayList<>();
        try (OnnxModel victim = OnnxModel.builder(files.get(0)).inputShape(SHAPE).build()) {
            LabeledImages owner = test.slice(8000, 10000);
            // 100 queries each, as the bare way's three sets: SAC-m's CutMix queries, SAC-w's and AKH's mistakes
            for (String scheme : List.of("sac-m", "sac-w", "akh")) {
                fingerprints.add(FingerprintVerifier.using(Schemes.create(scheme, Map.of("queries", "100"))).ownerData(owner)
                        .selfCalibrate(false).build().fingerprint(victim));
            }
        }
        System.out.println("| pass | way | open s | answer s | total s | vs bare |");
        System.out.println("|---|---|---|---|---|---|");
        for (int pass = 0; pass < passes; pass++) {
            Split bare;
            Split library;
            Split declared;
            Split verified;
            if (pass % 2 == 0) {
                bare = bare(files, sets);
                library = library(files, sets, null);
                declared = library(files, sets, OutputKind.LOGITS);
                verified = verified(files, fingerprints);
            } else {
                verified = verified(files, fingerprints);
                declared = library(files, sets, OutputKind.LOGITS);
                library = library(files, sets, null);
                bare = bare(files, sets);
            }
            String p = pass == 0 ? "1 (cold)" : Integer.toString(pass + 1);
            row(p, "bare ONNX Runtime", bare, bare);
            row(p, "OnnxModel (output kind probed)", library, bare);
            row(p, "OnnxModel (output kind declared)", declared, bare);
            row(p, "OnnxModel + verify() on 3 fingerprints", verified, bare);
        }
    }

    private static void row(String pass, String way, Split s, Split bare) {
        System.out.printf(Locale.ROOT, "| %s | %s | %.3f | %.3f | %.3f | %.2fx |%n", pass, way, s.open(), s.answer(),
                s.total(), s.total() / bare.total());
    }

    static Split library(List<Path> files, List<ImageBatch> sets, OutputKind kind) {
        return throughOnnxModel(files, f -> {
            OnnxModel.Builder b = OnnxModel.builder(f).inputShape(SHAPE);
            if (kind != null) {
                b.outputKind(kind);
            }
            return b.build();
        }, m -> {
            double sum = 0;
            for (ImageBatch q : sets) {
                sum += m.predict(q).scores().get(0, 0);
            }
            return sum;
        });
    }

    static Split verified(List<Path> files, List<VictimFingerprint> fingerprints) {
        List<FingerprintVerifier> verifiers = new ArrayList<>();
        for (VictimFingerprint fp : fingerprints) {
            verifiers.add(FingerprintVerifier.forFingerprint(fp).build());
        }
        return throughOnnxModel(files, f -> OnnxModel.builder(f).inputShape(SHAPE).build(), m -> {
            double sum = 0;
            for (int i = 0; i < fingerprints.size(); i++) {
                sum += verifiers.get(i).verify(fingerprints.get(i), m).distance();
            }
            return sum;
        });
    }

    // opens each file, times opening and the work apart, closes it
    private static Split throughOnnxModel(List<Path> files, Function<Path, OnnxModel> open,
                                          ToDoubleFunction<OnnxModel> work) {
        long opening = 0;
        long answering = 0;
        double checksum = 0;
        for (Path f : files) {
            long t0 = System.nanoTime();
            try (OnnxModel m = open.apply(f)) {
                long t1 = System.nanoTime();
                checksum += work.applyAsDouble(m);
                opening += t1 - t0;
                answering += System.nanoTime() - t1;
            }
        }
        if (Double.isNaN(checksum)) {
            throw new IllegalStateException("NaN answers");
        }
        return new Split(opening / 1e9, answering / 1e9);
    }

    static Split bare(List<Path> files, List<ImageBatch> sets) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        long open = 0;
        long answer = 0;
        double checksum = 0;
        for (Path f : files) {
            long t0 = System.nanoTime();
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                 OrtSession session = env.createSession(f.toString(), options)) {
                String input = session.getInputNames().iterator().next();
                long[] dims = ((ai.onnxruntime.TensorInfo) session.getInputInfo().get(input).getInfo()).getShape();
                long t1 = System.nanoTime();
                for (ImageBatch q : sets) {
                    long[] d = dims.clone();
                    d[0] = q.count();
                    if (d.length == 2) {
                        d[1] = SHAPE.size();
                    }
                    try (OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(q.pixels()), d);
                         OrtSession.Result r = session.run(Map.of(input, x))) {
                        float[][] out = (float[][]) r.get(0).getValue();
                        checksum += out[0][0];
                    }
                }
                long t2 = System.nanoTime();
                open += t1 - t0;
                answer += t2 - t1;
            }
        }
        if (Double.isNaN(checksum)) {
            throw new IllegalStateException("NaN answers");
        }
        return new Split(open / 1e9, answer / 1e9);
    }
}
