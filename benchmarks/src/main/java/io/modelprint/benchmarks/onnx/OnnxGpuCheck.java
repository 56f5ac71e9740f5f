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

import io.modelprint.ImageBatch;
import io.modelprint.ImageShape;
import io.modelprint.OutputKind;
import io.modelprint.data.FashionMnist;
import io.modelprint.onnx.ExecutionProvider;
import io.modelprint.onnx.OnnxModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The ONNX zoo scored on the CPU and on the GPU (ONNX Runtime's CUDA provider), side by side: the
 * held-out-sized query sets (three sets of 100 images, and one of 2,000) through every file, the
 * time each way after a warm-up, the ratio, and the largest difference between the two providers'
 * outputs. Run by {@code benchmarks/gpu-check.sh}; on a machine without CUDA every model falls back
 * to the CPU and the table says so.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.modelprint.benchmarks.onnx.OnnxGpuCheck 48
 * </pre>
 */
public final class OnnxGpuCheck {

    private static final ImageShape SHAPE = new ImageShape(1, 28, 28);

    private OnnxGpuCheck() {
    }

    /** Scores the zoo both ways and prints a Markdown table. */
    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 48;
        Path root = Path.of(System.getProperty("modelprint.root", "."));
        List<Path> files = OnnxZoo.files(root, count);
        ImageBatch test = FashionMnist.load().test().images();
        List<ImageBatch> small = List.of(test.slice(0, 100), test.slice(100, 200), test.slice(200, 300));
        List<ImageBatch> large = List.of(test.slice(8000, 10000));
        List<OnnxModel> cpu = open(files, ExecutionProvider.CPU);
        List<OnnxModel> gpu = open(files, ExecutionProvider.CUDA);
        try {
            long onGpu = gpu.stream().filter(m -> m.executionProvider() == ExecutionProvider.CUDA).count();
            System.out.printf(Locale.ROOT, "%d ONNX files; %d of them run on CUDA (the others fell back to the CPU: "
                    + "see the warnings above)%n%n", files.size(), onGpu);
            System.out.println("| query sets | CPU s | GPU s | CPU/GPU | max abs difference |");
            System.out.println("|---|---|---|---|---|");
            for (List<ImageBatch> sets : List.of(small, large)) {
                score(cpu, sets);   // warm-up: first runs allocate
                score(gpu, sets);
                double c = score(cpu, sets);
                double g = score(gpu, sets);
                double diff = 0;
                for (int i = 0; i < files.size(); i++) {
                    for (ImageBatch q : sets) {
                        float[] a = cpu.get(i).predict(q).scores().data();
                        float[] b = gpu.get(i).predict(q).scores().data();
                        for (int k = 0; k < a.length; k++) {
                            diff = Math.max(diff, Math.abs(a[k] - b[k]));
                        }
                    }
                }
                System.out.printf(Locale.ROOT, "| %d x %d | %.3f | %.3f | %.2f | %.2g |%n", sets.size(),
                        sets.get(0).count(), c, g, c / g, diff);
            }
        } finally {
            cpu.forEach(OnnxModel::close);
            gpu.forEach(OnnxModel::close);
        }
    }

    private static List<OnnxModel> open(List<Path> files, ExecutionProvider provider) {
        List<OnnxModel> models = new ArrayList<>();
        for (Path f : files) {
            models.add(OnnxModel.builder(f).inputShape(SHAPE).outputKind(OutputKind.LOGITS).executionProvider(provider)
                    .build());
        }
        return models;
    }

    private static double score(List<OnnxModel> models, List<ImageBatch> sets) {
        long t0 = System.nanoTime();
        double checksum = 0;
        for (OnnxModel m : models) {
            for (ImageBatch q : sets) {
                checksum += m.predict(q).scores().get(0, 0);
            }
        }
        if (Double.isNaN(checksum)) {
            throw new IllegalStateException("NaN answers");
        }
        return (System.nanoTime() - t0) / 1e9;
    }
}
