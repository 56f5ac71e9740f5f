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
package io.modelprint.calibration;

import io.modelprint.OutputKind;
import io.modelprint.Predictions;
import io.modelprint.kernel.Matrix;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Whether a suspect is a working model of the victim's task, which a verdict needs before it can
 * say anything: a model that answers one class for everything, answers at random, has its labels
 * shuffled or gives uniform probabilities is "equally wrong everywhere", and every distance that
 * compares where it errs with where it does not would call it close. Such a suspect gets an
 * {@code INCONCLUSIVE} verdict with the reason, never {@code STOLEN}.
 *
 * <p>The checks, on the suspect's answers to the query set: more than one distinct label; not
 * near-uniform probabilities (top probability below {@code 1.5 / classes} on 90% of the queries);
 * and agreement with the victim: at least {@value #MIN_CONTROL_AGREEMENT} on the scheme's control
 * queries (samples the victim classifies correctly: there it is the suspect's accuracy), or, for
 * schemes without controls, at least {@code 2.5 / classes} over all queries.
 *
 * <pre>{@code
 * Optional<String> why = SuspectScreen.problem(victimAnswers, suspectAnswers, competence);
 * why.ifPresent(reason -> LOG.info("cannot judge {}: {}", suspect.name(), reason));
 * }</pre>
 */
public final class SuspectScreen {

    /** The least accuracy on the controls of a working model. */
    public static final double MIN_CONTROL_AGREEMENT = 0.5;

    private SuspectScreen() {
    }

    /**
     * Why the suspect cannot be judged, or empty if it can.
     *
     * @param victimAnswers  the victim's answers to the query set
     * @param suspectAnswers the suspect's answers to it
     * @param competence     the suspect's accuracy on the scheme's controls, empty without controls
     */
    public static Optional<String> problem(Predictions victimAnswers, Predictions suspectAnswers,
                                           OptionalDouble competence) {
        int n = suspectAnswers.count();
        int classes = suspectAnswers.numClasses();
        int[] labels = suspectAnswers.labels();
        int[] counts = new int[classes];
        for (int l : labels) {
            counts[l]++;
        }
        int distinct = 0;
        for (int c : counts) {
            distinct += c > 0 ? 1 : 0;
        }
        if (distinct <= 1) {
            return Optional.of("the suspect answers class " + labels[0] + " for all " + n
                    + " queries: it is not a working model of the task, so it cannot be judged");
        }
        if (suspectAnswers.kind() != OutputKind.LABELS) {
            Matrix p = suspectAnswers.toProbabilities().scores();
            int flat = 0;
            for (int i = 0; i < n; i++) {
                float max = 0;
                for (int k = 0; k < classes; k++) {
                    max = Math.max(max, p.get(i, k));
                }
                if (max < 1.5 / classes) {
                    flat++;
                }
            }
            if (flat >= 0.9 * n) {
                return Optional.of(String.format(Locale.ROOT, "the suspect's probabilities are nearly uniform on %d of %d "
                        + "queries: its answers carry no information, so it cannot be judged", flat, n));
            }
        }
        if (competence.isPresent()) {
            double c = competence.getAsDouble();
            if (c < MIN_CONTROL_AGREEMENT) {
                return Optional.of(String.format(Locale.ROOT, "the suspect is right on only %.0f%% of the samples the victim "
                        + "classifies correctly (chance is %.0f%%): it is not a working model of the task, so it cannot "
                        + "be judged", 100 * c, 100.0 / classes));
            }
        } else {
            int agree = 0;
            for (int i = 0; i < n; i++) {
                agree += victimAnswers.label(i) == labels[i] ? 1 : 0;
            }
            double rate = agree / (double) n;
            if (rate < 2.5 / classes) {
                return Optional.of(String.format(Locale.ROOT, "the suspect agrees with the victim on only %.0f%% of the "
                        + "queries (chance is %.0f%%): it does not solve the victim's task, so it cannot be judged",
                        100 * rate, 100.0 / classes));
            }
        }
        return Optional.empty();
    }
}
