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
import io.modelprint.fingerprint.LabelFingerprint;

/**
 * The share of queries on which the suspect's label differs from the victim's: one minus the
 * match rate of IPGuard and AKH. In [0, 1]; 0 when the suspect repeats every victim label.
 *
 * <pre>{@code
 * double d = new MismatchRate().distance(victimLabels, suspectLabels);
 * }</pre>
 */
public final class MismatchRate implements Verifier<LabelFingerprint> {

    @Override
    public String name() {
        return "mismatch-rate";
    }

    @Override
    public double distance(LabelFingerprint victim, LabelFingerprint suspect) {
        requireComparable(victim, suspect);
        return mismatch(victim.labels(), suspect.labels(), 0, victim.size());
    }

    /** Checks that two label fingerprints can be compared: same scheme and size, same class count. */
    static void requireComparable(LabelFingerprint victim, LabelFingerprint suspect) {
        Verifier.checkComparable(victim, suspect);
        SameTask.requireClasses("the suspect", suspect.numClasses(), "the victim", victim.numClasses(),
                "labels of different tasks cannot be compared");
    }

    /** Share of positions in [from, to) where {@code a} and {@code b} differ. */
    static double mismatch(int[] a, int[] b, int from, int to) {
        int differ = 0;
        for (int i = from; i < to; i++) {
            if (a[i] != b[i]) {
                differ++;
            }
        }
        return (double) differ / (to - from);
    }
}
