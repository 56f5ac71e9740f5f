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

import io.modelprint.FingerprintExtractor;
import io.modelprint.OutputKind;
import io.modelprint.Predictions;
import io.modelprint.kernel.Matrix;

/**
 * Reads a {@link ProfileFingerprint} from a model's answers to a query set whose last
 * {@code controls} queries are samples the victim classifies correctly and whose others are its
 * mistakes (as {@code io.modelprint.query.MistakeQueries} builds them).
 *
 * <p>A profile is {@code log max(p, 1e-6)} of each class's probability, centred over the
 * classes. Logits are turned into probabilities first, so a logit API and a probability API of
 * the same model give the same profile; dividing the logits by a temperature scales the profile,
 * which the correlation that compares profiles ignores. The floor keeps a probability of exactly
 * 0, as float32 APIs return for very confident answers, finite.
 *
 * <pre>{@code
 * ProfileExtractor x = new ProfileExtractor("error-profile", OutputKind.PROBABILITIES, 200);
 * ProfileFingerprint fp = x.extract(model.predict(queries.inputs()));
 * }</pre>
 */
public final class ProfileExtractor implements FingerprintExtractor<ProfileFingerprint> {

    /** The smallest probability a profile distinguishes. */
    public static final double PROBABILITY_FLOOR = 1e-6;

    private final String scheme;
    private final OutputKind representation;
    private final int controls;

    /**
     * @param scheme         the scheme's name
     * @param representation what to read: labels, probabilities or logits
     * @param controls       how many of the last queries are controls (not profiled)
     */
    public ProfileExtractor(String scheme, OutputKind representation, int controls) {
        if (controls < 0) {
            throw new IllegalArgumentException("controls must be >= 0, got " + controls);
        }
        this.scheme = scheme;
        this.representation = representation;
        this.controls = controls;
    }

    /**
     * @throws IllegalArgumentException if the answers are labels only and scores are asked for, or
     *                                  there are no more answers than controls
     */
    @Override
    public ProfileFingerprint extract(Predictions answers) {
        int n = answers.count();
        int mistakes = n - controls;
        if (mistakes < 1) {
            throw new IllegalArgumentException(scheme + " needs mistake queries before its " + controls
                    + " controls, but the model answered only " + n + " queries");
        }
        int c = answers.numClasses();
        if (representation == OutputKind.LABELS) {
            return new ProfileFingerprint(scheme, representation, mistakes, c, new double[0], answers.labels());
        }
        if (answers.kind() == OutputKind.LABELS) {
            throw new IllegalArgumentException(scheme + " cannot read " + representation + " profiles from label-only "
                    + "answers: compare on labels");
        }
        Matrix p = answers.toProbabilities().scores();
        double[] profiles = new double[mistakes * c];
        for (int q = 0; q < mistakes; q++) {
            double mean = 0;
            for (int k = 0; k < c; k++) {
                double v = Math.log(Math.max(p.get(q, k), PROBABILITY_FLOOR));
                profiles[q * c + k] = v;
                mean += v;
            }
            mean /= c;
            for (int k = 0; k < c; k++) {
                profiles[q * c + k] -= mean;
            }
        }
        return new ProfileFingerprint(scheme, representation, mistakes, c, profiles, answers.labels());
    }
}
