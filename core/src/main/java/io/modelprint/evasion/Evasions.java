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

import io.modelprint.Model;
import io.modelprint.Models;
import io.modelprint.OutputKind;

/**
 * Ways a thief serves a stolen model so that fingerprints miss it, each a {@link Model} wrapping
 * the suspect, for testing a scheme (or your own setup) against them. Every wrapper answers each
 * query through the wrapped model, counts its own queries, and is deterministic: noise is drawn
 * per image from the seed and the image, so the same seed gives the same answers whatever the
 * batching, and asking again gives the same answer (no averaging the noise away).
 *
 * <ul>
 *   <li>{@link #gaussianNoise} and {@link #laplaceNoise}: probabilities plus noise, clipped at 0 and
 *       renormalised;</li>
 *   <li>{@link #roundedProbabilities}: probabilities rounded to a few decimals, rows still summing
 *       to 1;</li>
 *   <li>{@link #topOneLabel}: the top-1 label only;</li>
 *   <li>{@link #topKProbabilities}: the k largest probabilities, the others zeroed;</li>
 *   <li>{@link #temperature}: probabilities at another temperature (flatter or sharper, same top-1);</li>
 *   <li>{@link #detecting}: queries a {@link QueryDetector} flags are answered by a decoy model.</li>
 * </ul>
 * Wrappers of probabilities accept suspects answering logits (turned into probabilities first) or
 * probabilities, and refuse label-only ones. {@link EvasionCost} says what each costs the thief.
 *
 * <pre>{@code
 * Model noisy = Evasions.gaussianNoise(stolen, 0.05, 7);
 * Model coarse = Evasions.roundedProbabilities(stolen, 1);
 * QueryDetector d = QueryDetector.fit(thiefsImages, QueryDetector.Statistic.MAHALANOBIS, 0.95);
 * Model wary = Evasions.detecting(stolen, d, independent);
 * for (Model m : List.of(noisy, coarse, wary)) {
 *     Verdict v = verifier.verify(fingerprint, m);
 * }
 * }</pre>
 */
public final class Evasions {

    private Evasions() {
    }

    /**
     * Probabilities plus Gaussian noise of standard deviation {@code sigma}, clipped at 0 and
     * renormalised.
     *
     * @throws IllegalArgumentException if {@code sigma} is negative or not finite, or the model answers labels only
     */
    public static Model gaussianNoise(Model model, double sigma, long seed) {
        return new NoisyProbabilities(model, NoisyProbabilities.Noise.GAUSSIAN, sigma, seed);
    }

    /**
     * Probabilities plus Laplace noise of scale {@code b} (standard deviation {@code b * sqrt(2)}),
     * clipped at 0 and renormalised.
     *
     * @throws IllegalArgumentException if {@code b} is negative or not finite, or the model answers labels only
     */
    public static Model laplaceNoise(Model model, double b, long seed) {
        return new NoisyProbabilities(model, NoisyProbabilities.Noise.LAPLACE, b, seed);
    }

    /**
     * Probabilities rounded to {@code decimals} places (1 to 6), each row still summing to 1
     * (largest-remainder rounding).
     *
     * @throws IllegalArgumentException if {@code decimals} is outside 1..6 or the model answers labels only
     */
    public static Model roundedProbabilities(Model model, int decimals) {
        return new RoundedProbabilities(model, decimals);
    }

    /** The top-1 label only. */
    public static Model topOneLabel(Model model) {
        if (model == null) {
            throw new IllegalArgumentException("top-1 labels need a model to wrap, got null");
        }
        return Models.of(model.name() + " [top-1 label]", model.inputShape(), model.numClasses(), OutputKind.LABELS,
                batch -> model.predict(batch).toLabels());
    }

    /**
     * The {@code k} largest probabilities of each answer, the others zeroed, renormalised.
     *
     * @throws IllegalArgumentException if {@code k} is not between 1 and the class count, or the
     *                                  model answers labels only
     */
    public static Model topKProbabilities(Model model, int k) {
        return new TopKProbabilities(model, k);
    }

    /**
     * Probabilities at temperature {@code t}: {@code softmax(logits / t)}.
     *
     * @throws IllegalArgumentException if {@code t} is not finite and positive, or the model answers labels only
     */
    public static Model temperature(Model model, double t) {
        return new TemperatureScaled(model, t);
    }

    /**
     * Answers the queries {@code detector} flags with {@code decoy} (an independent model of the same
     * task), the others with {@code model}, in {@code model}'s output kind.
     *
     * @throws IllegalArgumentException if the three do not share input shape and classes
     */
    public static Model detecting(Model model, QueryDetector detector, Model decoy) {
        if (detector == null) {
            throw new IllegalArgumentException("a detecting model needs a detector: QueryDetector.fit(...)");
        }
        return new DetectingModel(model, detector, decoy);
    }
}
