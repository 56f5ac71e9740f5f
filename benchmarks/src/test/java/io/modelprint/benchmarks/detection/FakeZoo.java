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
package io.modelprint.benchmarks.detection;

import io.modelprint.ImageBatch;
import io.modelprint.ImageShape;
import io.modelprint.LabeledImages;
import io.modelprint.Model;
import io.modelprint.Models;
import io.modelprint.OutputKind;
import io.modelprint.Predictions;
import io.modelprint.kernel.Matrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Tiny zoos of linear "models" for the benchmark's tests: no training, deterministic answers. */
final class FakeZoo {

    static final ImageShape SHAPE = new ImageShape(1, 28, 28);

    private FakeZoo() {
    }

    /** Fixed random weights: a model answering {@code x W} as logits. */
    static float[] weights(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] w = new float[SHAPE.size() * 10];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) rng.nextGaussian();
        }
        return w;
    }

    /** {@code base} plus {@code noise} times fresh Gaussian weights: a copy that moved a little. */
    static float[] perturbed(float[] base, double noise, long seed) {
        float[] w = weights(seed);
        float[] out = new float[base.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (base[i] + noise * w[i]);
        }
        return out;
    }

    static Model linear(String name, float[] w) {
        return Models.of(name, SHAPE, 10, OutputKind.LOGITS, batch -> answer(batch, w));
    }

    private static Predictions answer(ImageBatch batch, float[] w) {
        int n = batch.count();
        int d = SHAPE.size();
        float[] px = batch.pixels();
        float[] out = new float[n * 10];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                float x = px[i * d + j];
                if (x != 0) {
                    for (int c = 0; c < 10; c++) {
                        out[i * 10 + c] += x * w[j * 10 + c];
                    }
                }
            }
        }
        return Predictions.ofScores(OutputKind.LOGITS, Matrix.of(n, 10, out));
    }

    /** A member with everything the tests do not look at left plain. */
    static BenchmarkMember member(Framework f, String split, String victim, String name, Role role, String family,
                                  boolean transfer, Model model) {
        return new BenchmarkMember(f, split, victim, name, role, family, "linear", Map.of(), 0, 0.5, transfer, Map.of(),
                model);
    }

    /**
     * One victim per split ({@code dev}, {@code test}): each with copies (fine-tune-all: tiny noise;
     * extract-labels: more noise), a twin, and shared independent, matched and corrupted models.
     */
    static BenchmarkZoo twoSplits(LabeledImages owner) {
        List<BenchmarkMember> m = new ArrayList<>();
        long seed = 1;
        for (String split : List.of("dev", "test")) {
            float[] v = weights(seed++);
            m.add(member(Framework.DL4J, split, "v", split + "/victim", Role.VICTIM, null, false, linear("victim", v)));
            for (int i = 0; i < 2; i++) {
                m.add(member(Framework.DL4J, split, "v", split + "/ft-" + i, Role.STOLEN, "fine-tune-all", false,
                        linear("ft", perturbed(v, 0.05, seed++))));
                m.add(member(Framework.DL4J, split, "v", split + "/labels-" + i, Role.STOLEN, "extract-labels", false,
                        linear("labels", perturbed(v, 0.3, seed++))));
            }
            m.add(member(Framework.DL4J, split, "v", split + "/twin", Role.TWIN, null, false, linear("twin", weights(seed++))));
            for (int i = 0; i < 3; i++) {
                m.add(member(Framework.DL4J, split, null, split + "/independent-" + i, Role.INDEPENDENT, null, false,
                        linear("independent", weights(seed++))));
                m.add(member(Framework.DL4J, split, null, split + "/matched-" + i, Role.MATCHED, null, false,
                        linear("matched", weights(seed++))));
            }
            m.add(member(Framework.DL4J, split, null, split + "/corrupted", Role.CORRUPTED, null, true,
                    linear("corrupted", weights(seed++))));
        }
        return new BenchmarkZoo("dl4j:fake", Framework.DL4J, m, owner, () -> { });
    }
}
