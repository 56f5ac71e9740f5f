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

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The answer to "was this suspect derived from my model?", with everything needed to act on it:
 * the outcome, the distance, the threshold and where it came from, how sure, and what it cost.
 *
 * <p>There are three outcomes. {@link Outcome#STOLEN}: the suspect is closer to the victim than
 * independent models come, at the threshold's false-positive rate. {@link Outcome#INDEPENDENT}:
 * it is not, and lies where most independent models do. {@link Outcome#INCONCLUSIVE}: the evidence
 * cannot decide (the suspect is closer than most independent models but not close enough to
 * convict, is not a working model of the task, the references cannot support the target
 * false-positive rate, no threshold was measured for this victim...); {@link #notes()} says why. A verdict is never
 * {@code STOLEN} by default or by accident: every failure before the comparison is an exception.
 *
 * <pre>{@code
 * Verdict v = verifier.verify(victim, suspect);
 * switch (v.outcome()) {
 *     case STOLEN -> LOG.warn("{}", v.explanation());
 *     case INCONCLUSIVE -> LOG.info("cannot decide: {}", v.notes());
 *     case INDEPENDENT -> { }
 * }
 * }</pre>
 *
 * <p><b>JSON.</b> Any Jackson {@code ObjectMapper} writes a verdict as one object with these
 * fields, always all present (absent values are {@code null}, never NaN or -1):
 * {@code suspect}, {@code scheme} (strings); {@code outcome} ({@code "STOLEN"},
 * {@code "INDEPENDENT"} or {@code "INCONCLUSIVE"}); {@code stolen} (boolean); {@code representation}
 * ({@code "LOGITS"}, {@code "PROBABILITIES"} or {@code "LABELS"}); {@code distance} (number, null if
 * not finite); {@code threshold} (null, or {@link Threshold}'s object: {@code value}, {@code source},
 * {@code targetFpr} (number or null), {@code description}); {@code pValue} (number or null);
 * {@code references} (null, or {@code count}, {@code atLeastAsClose}, {@code trained});
 * {@code notes} (array of strings); {@code explanation} (the sentence of {@link #explanation()});
 * {@code suspectQueries} (number); {@code costs} ({@code querySetBuildMs},
 * {@code victimFingerprintMs}, {@code suspectFingerprintMs}, {@code comparisonMs}: milliseconds).
 *
 * <pre>{@code
 * String json = new ObjectMapper().writeValueAsString(verdict);
 * // {"suspect":"copy.onnx","scheme":"sac-m","outcome":"STOLEN","stolen":true,"representation":"LOGITS",
 * //  "distance":0.0093,"threshold":{"value":0.03,"source":"MEASURED_DEFAULT","targetFpr":null,...},"pValue":null,...}
 * }</pre>
 *
 * @param suspect           the suspect's name
 * @param scheme            the scheme used, such as {@code sac-m}
 * @param representation    what both models' answers were compared as
 * @param outcome           stolen, independent or inconclusive
 * @param distance          the distance between the two fingerprints (small means alike)
 * @param threshold         the threshold used, with its source; empty when none could be set (an
 *                          inconclusive verdict without references or a measured default)
 * @param pValue            how likely an independent model comes this close (from the references),
 *                          empty without references
 * @param references        the reference models behind the threshold, empty without references
 * @param notes             why the outcome is inconclusive, and warnings a user should read (a
 *                          default threshold measured with other parameters, say); may be empty
 * @param suspectQueries    queries sent to the suspect for this verdict
 * @param costs             time spent on each step
 */
@JsonSerialize(using = JsonForms.VerdictSerializer.class)
public record Verdict(String suspect, String scheme, OutputKind representation, Outcome outcome, double distance,
                      Optional<Threshold> threshold, OptionalDouble pValue, Optional<ReferenceEvidence> references,
                      List<String> notes, long suspectQueries, Costs costs) {

    /**
     * What the verdict says.
     *
     * <pre>{@code
     * if (verdict.outcome() == Verdict.Outcome.INCONCLUSIVE) { ... }
     * }</pre>
     */
    public enum Outcome {
        /** Derived from the victim, at the threshold's false-positive rate. */
        STOLEN,
        /** No closer to the victim than independent models come. */
        INDEPENDENT,
        /** The evidence cannot decide; the notes say why. */
        INCONCLUSIVE
    }

    /**
     * The independent reference models a calibrated threshold rests on.
     *
     * <pre>{@code
     * verdict.references().ifPresent(r -> LOG.info("{} of {} references came this close", r.atLeastAsClose(), r.count()));
     * }</pre>
     *
     * @param count          how many references
     * @param atLeastAsClose how many of them came at least as close to the victim as the suspect
     * @param trained        whether the verifier trained them itself on the owner's data
     */
    public record ReferenceEvidence(int count, int atLeastAsClose, boolean trained) {

        /** Validates the counts. */
        public ReferenceEvidence {
            if (count < 1 || atLeastAsClose < 0 || atLeastAsClose > count) {
                throw new IllegalArgumentException("reference evidence needs 0 <= atLeastAsClose <= count and count >= 1, got "
                        + atLeastAsClose + " of " + count);
            }
        }
    }

    /**
     * Time spent on each step.
     *
     * <pre>{@code
     * Verdict.Costs c = verdict.costs();
     * long ms = c.suspectFingerprint().toMillis() + c.comparison().toMillis();
     * }</pre>
     *
     * @param querySetBuild      building the query set (once per victim fingerprint)
     * @param victimFingerprint  querying the victim and its references (once per victim fingerprint)
     * @param suspectFingerprint querying the suspect and extracting its fingerprint
     * @param comparison         computing the distance and the verdict
     */
    public record Costs(Duration querySetBuild, Duration victimFingerprint, Duration suspectFingerprint,
                        Duration comparison) {
    }

    /** Validates and freezes. */
    public Verdict {
        Objects.requireNonNull(outcome, "outcome");
        threshold = threshold == null ? Optional.empty() : threshold;
        if (outcome != Outcome.INCONCLUSIVE && threshold.isEmpty()) {
            throw new IllegalArgumentException("a " + outcome + " verdict needs the threshold it was decided by");
        }
        pValue = pValue == null ? OptionalDouble.empty() : pValue;
        references = references == null ? Optional.empty() : references;
        notes = List.copyOf(notes == null ? List.of() : notes);
        if (outcome == Outcome.INCONCLUSIVE && notes.isEmpty()) {
            throw new IllegalArgumentException("an inconclusive verdict must say why: give at least one note");
        }
        if (pValue.isPresent() && !(pValue.getAsDouble() >= 0 && pValue.getAsDouble() <= 1)) {
            throw new IllegalArgumentException("a p-value is in [0, 1], got " + pValue.getAsDouble());
        }
    }

    /** Whether the verdict is {@link Outcome#STOLEN}. */
    public boolean stolen() {
        return outcome == Outcome.STOLEN;
    }

    /** Whether the verdict is {@link Outcome#INCONCLUSIVE}. */
    public boolean inconclusive() {
        return outcome == Outcome.INCONCLUSIVE;
    }

    /**
     * One readable sentence, for example: "stolen: distance 0.0121 {@literal <} threshold 0.0480 (FPR {@literal <=} 5%);
     * 0 of 12 independent models came this close (p = 0.0004)".
     */
    public String explanation() {
        StringBuilder s = new StringBuilder();
        s.append(outcome.name().toLowerCase(Locale.ROOT)).append(": ");
        if (threshold.isPresent()) {
            Threshold t = threshold.get();
            s.append(String.format(Locale.ROOT, "distance %.4f %s threshold %.4f", distance,
                    t.isStolen(distance) ? "<" : ">=", t.value()));
            if (t.source().isCalibrated() && t.targetFpr().isPresent()) {
                s.append(String.format(Locale.ROOT, " (FPR <= %.0f%%)", 100 * t.targetFpr().getAsDouble()));
            }
        } else {
            s.append(String.format(Locale.ROOT, "distance %.4f, no threshold", distance));
        }
        if (references.isPresent()) {
            ReferenceEvidence r = references.get();
            s.append(String.format(Locale.ROOT, "; %d of %d %sindependent models came this close", r.atLeastAsClose(),
                    r.count(), r.trained() ? "self-trained " : ""));
            pValue.ifPresent(p -> s.append(String.format(Locale.ROOT, " (p = %.2g)", p)));
        } else {
            threshold.ifPresent(t -> s.append("; threshold: ").append(t.description()));
        }
        for (String note : notes) {
            s.append("; ").append(note);
        }
        return s.toString();
    }
}
