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

/**
 * Reads a {@link ProfileFingerprint} from a model's answers to a query set whose last
 * {@code controls} queries are samples the victim classifies correctly and whose others are its
 * mistakes (as {@code io.modelprint.query.MistakeQueries} builds them).
 *
 * <p>A profile is each class's log-probability, centred over the classes: for logits, the
 * logits centred (the same thing, without float underflow); for probabilities, their logarithms
 * centred, with the answer's smallest non-zero probability standing in for exact zeros (float32
 * APIs return 0 for very confident answers). So a logit API and a probability API of the same
 * model give the same profile, and dividing the logits by a temperature only scales it, which the
 * correlation that compares profiles ignores: on the PyTorch development victims a served
 * temperature of 0.5 or 3 left the AUC unchanged (an absolute floor of 1e-6, used before, lost
 * 0.11 at 0.5 and 0.04 of clean AUC).
 *
 * <pre>{@code
 * ProfileExtractor x = new ProfileExtractor("error-profile", OutputKind.PROBABILITIES, 200);
 * ProfileFingerprint fp = x.extract(model.predict(queries.inputs()));
 * }</pre>
 */
public final class ProfileExtractor implements FingerprintExtractor<ProfileFingerprint> {

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
        double[] profiles = ProbabilityScale.centredLogProbabilities(answers, 1.0, mistakes);
        return new ProfileFingerprint(scheme, representation, mistakes, c, profiles, answers.labels());
    }
}
