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

import io.modelprint.SameTask;
import io.modelprint.Verifier;
import io.modelprint.fingerprint.OutputFingerprint;
import io.modelprint.kernel.Matrix;

/**
 * The mean total-variation distance between the two models' output distributions over the
 * queries: {@code (1/N) sum_i (1/2) sum_c |V[i,c] - S[i,c]|}. On label-only answers (one-hot
 * rows) it is the share of queries where the labels differ. A metric on fingerprints of the same
 * queries: zero for identical outputs, symmetric, obeys the triangle inequality, in [0, 1].
 *
 * <pre>{@code
 * double d = new TotalVariationDistance().distance(victimOutputs, suspectOutputs);
 * }</pre>
 */
public final class TotalVariationDistance implements Verifier<OutputFingerprint> {

    @Override
    public String name() {
        return "mean-total-variation";
    }

    @Override
    public double distance(OutputFingerprint victim, OutputFingerprint suspect) {
        Verifier.checkComparable(victim, suspect);
        Matrix v = victim.outputs();
        Matrix s = suspect.outputs();
        SameTask.requireClasses("the suspect", s.cols(), "the victim", v.cols(),
                "this distance compares outputs of the same task");
        float[] a = v.data();
        float[] b = s.data();
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs((double) a[i] - b[i]);
        }
        return Math.min(1, 0.5 * sum / v.rows());
    }
}
