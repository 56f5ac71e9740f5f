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

import io.modelprint.OutputKind;
import io.modelprint.Verifier;
import io.modelprint.fingerprint.ProfileFingerprint;

/**
 * How unlike the victim a suspect errs: {@code 1 - r}, with {@code r} the correlation between the
 * victim's and the suspect's profiles over all the victim's mistake queries and classes (both
 * centred, so this is the cosine of the two concatenated profiles). A copy of the victim errs the
 * same way, down to how it spreads its doubt over the wrong classes: distance near 0. Independent
 * models share only what the data makes hard for everyone. In [0, 2]; a suspect with a flat
 * profile (uniform probabilities) is at 1. On labels, the share of mistake queries on which the
 * suspect's label differs from the victim's (AKH's mismatch rate on those queries).
 *
 * <pre>{@code
 * double d = new ProfileCorrelation().distance(victimPrint, suspectPrint);
 * }</pre>
 */
public final class ProfileCorrelation implements Verifier<ProfileFingerprint> {

    @Override
    public String name() {
        return "profile-correlation";
    }

    /**
     * @throws IllegalArgumentException if the fingerprints cannot be compared (scheme,
     *                                  representation, size) or cover different mistake counts
     */
    @Override
    public double distance(ProfileFingerprint victim, ProfileFingerprint suspect) {
        Verifier.checkComparable(victim, suspect);
        if (victim.mistakes() != suspect.mistakes() || victim.numClasses() != suspect.numClasses()) {
            throw new IllegalArgumentException("the victim's fingerprint has " + victim.mistakes() + " mistakes over "
                    + victim.numClasses() + " classes and the suspect's " + suspect.mistakes() + " over "
                    + suspect.numClasses() + ": both must come from the same query set and task");
        }
        int m = victim.mistakes();
        if (victim.representation() == OutputKind.LABELS) {
            int differ = 0;
            for (int i = 0; i < m; i++) {
                if (victim.label(i) != suspect.label(i)) {
                    differ++;
                }
            }
            return differ / (double) m;
        }
        double[] a = victim.profiles();
        double[] b = suspect.profiles();
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += a[i] * b[i];
            aa += a[i] * a[i];
            bb += b[i] * b[i];
        }
        if (aa == 0 || bb == 0) {
            return 1.0;   // a flat profile correlates with nothing
        }
        return Math.max(0.0, Math.min(2.0, 1.0 - ab / Math.sqrt(aa * bb)));
    }
}
