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
package io.modelprint;

/**
 * The distance between a victim's and a suspect's fingerprints: the third of a scheme's three
 * parts. Small means the suspect behaves like the victim. A verifier only compares: it decides
 * nothing. {@link FingerprintVerifier}, the facade (a name from the same design card), decides: a
 * {@link Threshold} turns the distance into a {@link Verdict}. The implementations, each named for
 * what it computes, are in {@code io.modelprint.verifier}.
 *
 * <pre>{@code
 * double d = verifier.distance(victimPrint, suspectPrint);
 * boolean stolen = threshold.isStolen(d);
 * }</pre>
 *
 * @param <F> the fingerprint type
 */
public interface Verifier<F extends Fingerprint> {

    /** A short name of the distance, such as {@code mean-absolute-difference}. */
    String name();

    /**
     * The distance, at least 0.
     *
     * @throws IllegalArgumentException if the fingerprints come from different schemes,
     *                                  representations or query-set sizes
     */
    double distance(F victim, F suspect);

    /** Checks that two fingerprints can be compared; every implementation calls this first. */
    static void checkComparable(Fingerprint victim, Fingerprint suspect) {
        if (!victim.scheme().equals(suspect.scheme())) {
            throw new IllegalArgumentException("cannot compare a " + victim.scheme() + " fingerprint with a "
                    + suspect.scheme() + " fingerprint: fingerprint the suspect with the victim's scheme");
        }
        if (victim.representation() != suspect.representation()) {
            throw new IllegalArgumentException("cannot compare a fingerprint of " + victim.representation()
                    + " with one of " + suspect.representation()
                    + ": extract both at the representation both models can give");
        }
        if (victim.size() != suspect.size()) {
            throw new IllegalArgumentException("the victim's fingerprint covers " + victim.size()
                    + " queries and the suspect's " + suspect.size() + ": both must answer the same query set");
        }
    }
}
