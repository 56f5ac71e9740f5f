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
package io.modelprint.verifier;

import io.modelprint.Verifier;
import io.modelprint.fingerprint.LabelFingerprint;
import io.modelprint.query.MistakesAndControls;

/**
 * The {@code akh-excess} distance: how much more often the suspect departs from the victim's
 * labels on the victim's mistakes than on the samples the victim gets right, clipped at 0.
 *
 * <p>The fingerprint holds {@code mistakes} labels on samples the victim misclassifies, then the
 * labels on control samples it classifies correctly ({@link MistakesAndControls}). With
 * {@code m} the mismatch rate on the first block and {@code c} on the second, the distance is
 * {@code max(0, m - c)}, in [0, 1]. Why the control: an independent model that is simply accurate
 * agrees with the victim on most samples, and one that is simply inaccurate disagrees with it on
 * most, mistakes or not; a model derived from the victim repeats its mistakes <em>more</em> than
 * its general agreement explains. Measured on the Fashion-MNIST development zoo
 * (benchmarks/RESULTS.md), subtracting the control raised the mean AUC of AKH's mismatch rate
 * against independent models and twins.
 *
 * <p>Laws: 0 for identical fingerprints, symmetric, in [0, 1], unchanged when the queries are
 * permuted within each block; not a metric (no triangle inequality; distinct fingerprints can be
 * at 0).
 *
 * <pre>{@code
 * double d = new ExcessMismatch(200).distance(victimLabels, suspectLabels);
 * }</pre>
 */
public final class ExcessMismatch implements Verifier<LabelFingerprint> {

    private final int mistakes;

    /**
     * @param mistakes how many of the fingerprint's labels, at its start, are on the victim's
     *                 mistakes; the rest are controls
     * @throws IllegalArgumentException if {@code mistakes < 1}
     */
    public ExcessMismatch(int mistakes) {
        if (mistakes < 1) {
            throw new IllegalArgumentException("the excess mismatch needs at least 1 mistake query, got " + mistakes);
        }
        this.mistakes = mistakes;
    }

    @Override
    public String name() {
        return "excess-mismatch";
    }

    @Override
    public double distance(LabelFingerprint victim, LabelFingerprint suspect) {
        MismatchRate.requireComparable(victim, suspect);
        int n = victim.size();
        if (n <= mistakes) {
            throw new IllegalArgumentException("the fingerprint has " + n + " labels but " + mistakes
                    + " of them are meant to be on the victim's mistakes: it has no control labels; build it with "
                    + "MistakesAndControls (scheme akh-excess)");
        }
        int[] a = victim.labels();
        int[] b = suspect.labels();
        double onMistakes = MismatchRate.mismatch(a, b, 0, mistakes);
        double onControls = MismatchRate.mismatch(a, b, mistakes, n);
        return Math.max(0, onMistakes - onControls);
    }
}
