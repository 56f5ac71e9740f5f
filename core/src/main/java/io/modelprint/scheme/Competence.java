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
package io.modelprint.scheme;

import io.modelprint.Predictions;
import java.util.OptionalDouble;

/**
 * How good a model is at the victim's task, read off a scheme's own queries: the share of the
 * query samples that the victim classifies correctly (the scheme's controls) on which the model
 * gives the victim's label, which is its accuracy on them. Calibration uses it to compare a
 * suspect with reference models of the same competence (a stronger independent model agrees
 * with a strong victim more, stolen or not), and the verifier to refuse to judge a suspect that
 * is not a working model of the task.
 *
 * <pre>{@code
 * Competence c = Competence.onLastQueries(200);   // the last 200 queries are controls
 * double accuracy = c.of(victimAnswers, suspectAnswers).orElse(Double.NaN);
 * }</pre>
 */
@FunctionalInterface
public interface Competence {

    /** For schemes without control queries: always empty. */
    Competence NONE = (victim, suspect) -> OptionalDouble.empty();

    /**
     * The model's agreement with the victim on the scheme's control queries, in [0, 1], or empty
     * when the scheme has none.
     */
    OptionalDouble of(Predictions victimAnswers, Predictions modelAnswers);

    /**
     * Agreement with the victim's labels on the last {@code controls} queries (query sets that
     * end with samples the victim classifies correctly, as {@code akh-excess}'s do).
     *
     * @throws IllegalArgumentException if {@code controls < 1}
     */
    static Competence onLastQueries(int controls) {
        if (controls < 1) {
            throw new IllegalArgumentException("competence needs at least 1 control query, got " + controls);
        }
        return (victim, model) -> {
            int n = victim.count();
            if (model.count() != n || n < controls) {
                throw new IllegalArgumentException("the victim answered " + n + " queries and the model " + model.count()
                        + ": both must answer the same query set of at least " + controls + " queries");
            }
            int agree = 0;
            for (int i = n - controls; i < n; i++) {
                if (victim.label(i) == model.label(i)) {
                    agree++;
                }
            }
            return OptionalDouble.of(agree / (double) controls);
        };
    }
}
