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
package io.modelprint.fingerprint;

import io.modelprint.Fingerprint;
import io.modelprint.OutputKind;
import java.util.Arrays;

/**
 * What {@code error-profile} reads from a model's answers on the victim's mistakes: for each
 * mistake query, the model's log-probabilities centred over the classes (its profile: which
 * classes it leans to and how much, whatever its overall confidence), and its top-1 label on
 * every query. A label-only model has labels and no profiles.
 *
 * <pre>{@code
 * ProfileFingerprint fp = new ProfileExtractor("error-profile", OutputKind.PROBABILITIES, 200).extract(answers);
 * int mistakes = fp.mistakes();
 * }</pre>
 *
 * @param scheme         the scheme that made it
 * @param representation labels, probabilities or logits (logits and probabilities give the same profile)
 * @param mistakes       how many of the queries, the first ones, are the victim's mistakes
 * @param numClasses     the class count
 * @param profiles       {@code mistakes x numClasses} centred log-probabilities, row by row; empty for labels
 * @param labels         the top-1 label of every query
 */
public record ProfileFingerprint(String scheme, OutputKind representation, int mistakes, int numClasses,
                                 double[] profiles, int[] labels) implements Fingerprint {

    /** Validates and copies. */
    public ProfileFingerprint {
        if (scheme == null || representation == null || profiles == null || labels == null) {
            throw new IllegalArgumentException("a profile fingerprint needs a scheme, a representation, profiles and labels");
        }
        if (mistakes < 1 || mistakes > labels.length) {
            throw new IllegalArgumentException("a profile fingerprint needs between 1 and " + labels.length
                    + " mistake queries, got " + mistakes);
        }
        int expected = representation == OutputKind.LABELS ? 0 : mistakes * numClasses;
        if (profiles.length != expected) {
            throw new IllegalArgumentException("a " + representation + " profile fingerprint of " + mistakes
                    + " mistakes over " + numClasses + " classes needs " + expected + " profile values, got "
                    + profiles.length);
        }
        profiles = profiles.clone();
        labels = labels.clone();
    }

    @Override
    public int size() {
        return labels.length;
    }

    /** The profiles (a copy). */
    @Override
    public double[] profiles() {
        return profiles.clone();
    }

    /** The labels (a copy). */
    @Override
    public int[] labels() {
        return labels.clone();
    }

    /** The label of query {@code i}. */
    public int label(int i) {
        return labels[i];
    }

    /** Profile entry {@code (query, cls)} of a mistake query. */
    public double profile(int query, int cls) {
        return profiles[query * numClasses + cls];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProfileFingerprint f && f.scheme.equals(scheme) && f.representation == representation
                && f.mistakes == mistakes && f.numClasses == numClasses && Arrays.equals(f.profiles, profiles)
                && Arrays.equals(f.labels, labels);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(labels) * 31 + Arrays.hashCode(profiles);
    }

    @Override
    public String toString() {
        return "ProfileFingerprint[" + scheme + ", " + representation + ", " + mistakes + " mistakes of " + labels.length
                + " queries]";
    }
}
