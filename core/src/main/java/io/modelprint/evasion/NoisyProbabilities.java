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
package io.modelprint.evasion;

import io.modelprint.AbstractModel;
import io.modelprint.ImageBatch;
import io.modelprint.Model;
import io.modelprint.OutputKind;
import io.modelprint.Predictions;
import java.util.SplittableRandom;

/**
 * Probabilities with noise added: each value plus a Gaussian or Laplace draw of the given scale,
 * clipped at 0 and renormalised (a row clipped to all zeros is answered without noise). The
 * noise is drawn per image from the seed and the image ({@link ImageSeeds}).
 */
final class NoisyProbabilities extends AbstractModel {

    /** The noise's distribution. */
    enum Noise { GAUSSIAN, LAPLACE }

    private final Model model;
    private final Noise noise;
    private final double scale;
    private final long seed;

    NoisyProbabilities(Model model, Noise noise, double scale, long seed) {
        super(ProbabilityRows.requireScores(model, noise.name().toLowerCase(java.util.Locale.ROOT) + " noise").name()
                + " [" + noise.name().toLowerCase(java.util.Locale.ROOT) + " noise " + scale + "]",
                model.inputShape(), model.numClasses(), OutputKind.PROBABILITIES);
        if (!(scale >= 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("a noise scale must be finite and >= 0, got " + scale);
        }
        this.model = model;
        this.noise = noise;
        this.scale = scale;
        this.seed = seed;
    }

    @Override
    protected Predictions answer(ImageBatch batch) {
        Predictions p = model.predict(batch).toProbabilities();
        int n = p.count();
        int classes = p.numClasses();
        double[] out = new double[n * classes];
        for (int r = 0; r < n; r++) {
            SplittableRandom rng = ImageSeeds.random(seed, batch, r);
            for (int c = 0; c < classes; c++) {
                out[r * classes + c] = Math.max(0, p.scores().get(r, c) + scale * draw(rng));
            }
        }
        return ProbabilityRows.normalised(out, n, classes, p);
    }

    private double draw(SplittableRandom rng) {
        if (noise == Noise.GAUSSIAN) {
            return rng.nextGaussian();
        }
        double u = rng.nextDouble() - 0.5;   // Laplace(0, 1) by the inverse of its distribution function
        return -Math.signum(u) * Math.log(1 - 2 * Math.abs(u));
    }
}
