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

import io.modelprint.ImageBatch;
import io.modelprint.Model;
import io.modelprint.ModelException;
import io.modelprint.OutputKind;
import io.modelprint.Predictions;
import io.modelprint.SameTask;
import io.modelprint.Threshold;
import io.modelprint.scheme.FingerprintScheme;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What "close" means for one victim: the distances of independent reference models to it, the
 * threshold they give for a target false-positive rate, and how unusual a suspect's distance is.
 *
 * <p>Give it reference models (any adapters: DL4J, ONNX, HTTP, functions), their answers, or
 * their distances directly. When the scheme measures competence (its control queries, see
 * {@code io.modelprint.scheme.Competence}) and the references differ in it, the null is
 * {@link CompetenceAdjustedNull}: the threshold is set for a model as good as the suspect, since
 * stronger independent models come closer to a strong victim. Otherwise it is
 * {@link NullDistribution}: a log-normal prediction with Student-t tails, capped so that at most
 * {@code floor(fpr * n)} references would be judged stolen. The facade, {@code FingerprintVerifier},
 * calibrates through this class.
 *
 * <pre>{@code
 * Calibration c = Calibration.ofModels(scheme, queries.inputs(), victimAnswers,
 *         List.of(independentA, independentB, independentC), OutputKind.LOGITS, 0.05);
 * double d = scheme.distance(victimAnswers, suspect.predict(queries.inputs()), OutputKind.LOGITS);
 * Calibration.Assessment a = c.assess(d, OptionalDouble.empty());
 * boolean stolen = a.threshold().isStolen(d);
 * }</pre>
 */
public final class Calibration {

    private final double[] distances;
    private final double[] competences;
    private final NullDistribution plain;
    private final CompetenceAdjustedNull adjusted;
    private final double targetFpr;
    private final Threshold.Source source;

    private Calibration(double[] distances, double[] competences, double targetFpr, Threshold.Source source) {
        if (!(targetFpr > 0 && targetFpr < 1)) {
            throw new IllegalArgumentException("target false-positive rate must be in (0, 1), got " + targetFpr);
        }
        this.distances = distances.clone();
        this.competences = competences == null ? null : competences.clone();
        this.plain = NullDistribution.of(distances);
        this.adjusted = competences != null && CompetenceAdjustedNull.supports(competences)
                ? CompetenceAdjustedNull.of(distances, competences) : null;
        this.targetFpr = targetFpr;
        this.source = Objects.requireNonNull(source, "source");
        plain.threshold(targetFpr, source);   // validates the source
    }

    /**
     * What the references say about one suspect.
     *
     * <pre>{@code
     * Calibration.Assessment a = calibration.assess(0.12, OptionalDouble.of(0.93));
     * if (a.threshold().isStolen(0.12)) { ... }
     * }</pre>
     *
     * @param threshold       the threshold for this suspect
     * @param pValue          how likely an independent model (of its competence, when adjusted) comes this close
     * @param atLeastAsClose  references (moved to its competence, when adjusted) at or below its distance
     * @param referenceCount  how many references
     * @param adjusted        whether the references were compared at the suspect's competence
     * @param notes           caveats a verdict should carry (extrapolation beyond the references)
     * @param clearingPValue  the p-value a verdict may clear a suspect on: {@code pValue} within the
     *                        references' competences; outside them the smaller of the p-values at
     *                        the suspect's competence and at the nearest end of the references'
     *                        range ({@link CompetenceAdjustedNull#clearingPValue}), since clearing
     *                        there would extrapolate the line in the lax direction
     */
    public record Assessment(Threshold threshold, double pValue, int atLeastAsClose, int referenceCount,
                             boolean adjusted, List<String> notes, double clearingPValue) {

        /** Freezes the notes. */
        public Assessment {
            notes = List.copyOf(notes);
        }

        /** An assessment whose clearing p-value is its p-value. */
        public Assessment(Threshold threshold, double pValue, int atLeastAsClose, int referenceCount,
                          boolean adjusted, List<String> notes) {
            this(threshold, pValue, atLeastAsClose, referenceCount, adjusted, notes, pValue);
        }
    }

    /**
     * Calibration from the distances of independent reference models to the victim.
     *
     * @throws IllegalArgumentException with fewer than {@value NullDistribution#MIN_REFERENCES}
     *                                  distances, a negative or non-finite one, or an FPR outside (0, 1)
     */
    public static Calibration ofDistances(double[] referenceDistances, double targetFpr) {
        return new Calibration(referenceDistances, null, targetFpr, Threshold.Source.REFERENCE_MODELS);
    }

    /**
     * Calibration from distances and each reference's competence (its accuracy on the scheme's
     * control queries; null when the scheme has none), for references from {@code source}.
     *
     * @throws IllegalArgumentException as {@link #ofDistances}, or if the arrays differ in length
     */
    public static Calibration ofDistances(double[] referenceDistances, double[] competences, double targetFpr,
                                          Threshold.Source source) {
        if (competences != null && competences.length != referenceDistances.length) {
            throw new IllegalArgumentException(referenceDistances.length + " reference distances but "
                    + competences.length + " competences: give one of each per reference");
        }
        return new Calibration(referenceDistances, competences, targetFpr, source);
    }

    /**
     * Calibration from the answers of reference models to the victim's query set, compared with
     * the victim's answers by {@code scheme} as {@code representation}; their competence is read
     * with the scheme's own measure.
     *
     * @throws IllegalArgumentException as {@link #ofDistances}, or when answers do not fit the scheme
     */
    public static Calibration ofAnswers(FingerprintScheme<?> scheme, Predictions victimAnswers,
                                        List<Predictions> referenceAnswers, OutputKind representation,
                                        double targetFpr, Threshold.Source source) {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(victimAnswers, "victimAnswers");
        double[] d = referenceAnswers.stream()
                .mapToDouble(r -> scheme.distance(victimAnswers, r, representation)).toArray();
        double[] c = new double[referenceAnswers.size()];
        boolean measured = true;
        for (int i = 0; i < c.length && measured; i++) {
            OptionalDouble ci = scheme.competence().of(victimAnswers, referenceAnswers.get(i));
            measured = ci.isPresent();
            c[i] = ci.orElse(Double.NaN);
        }
        return ofDistances(d, measured ? c : null, targetFpr, source);
    }

    /** {@link #ofAnswers(FingerprintScheme, Predictions, List, OutputKind, double, Threshold.Source)} for references the user gave. */
    public static Calibration ofAnswers(FingerprintScheme<?> scheme, Predictions victimAnswers,
                                        List<Predictions> referenceAnswers, OutputKind representation,
                                        double targetFpr) {
        return ofAnswers(scheme, victimAnswers, referenceAnswers, representation, targetFpr,
                Threshold.Source.REFERENCE_MODELS);
    }

    /**
     * Calibration from reference models: each is sent {@code queries} (the victim's query images)
     * and compared with the victim's answers.
     *
     * @throws IllegalArgumentException as {@link #ofAnswers}, or if a reference predicts another
     *                                  number of classes than the victim
     * @throws ModelException if a reference fails to answer
     */
    public static Calibration ofModels(FingerprintScheme<?> scheme, ImageBatch queries, Predictions victimAnswers,
                                       List<? extends Model> references, OutputKind representation,
                                       double targetFpr) {
        List<Predictions> answers = new ArrayList<>();
        for (Model m : references) {
            SameTask.requireClasses("reference " + m.name(), m.numClasses(), "the victim", victimAnswers.numClasses(),
                    "references must solve the victim's task");
            answers.add(m.predict(queries));
        }
        return ofAnswers(scheme, victimAnswers, answers, representation, targetFpr);
    }

    /**
     * What the references say about a suspect at {@code distance} whose competence is
     * {@code competence} (empty when the scheme measures none).
     */
    public Assessment assess(double distance, OptionalDouble competence) {
        if (adjusted != null && competence.isPresent()) {
            double c = competence.getAsDouble();
            List<String> notes = new ArrayList<>();
            double[] range = adjusted.competenceRange();
            if (c < range[0] - 0.02 || c > range[1] + 0.02) {
                notes.add(String.format(Locale.ROOT, "the suspect's accuracy on the controls (%.3f) lies outside the "
                        + "references' (%.3f to %.3f): the threshold is extrapolated, and widened for it", c, range[0],
                        range[1]));
            }
            return new Assessment(adjusted.threshold(targetFpr, c, source), adjusted.pValue(distance, c),
                    adjusted.countAtOrBelow(distance, c), adjusted.size(), true, notes,
                    adjusted.clearingPValue(distance, c));
        }
        return new Assessment(plain.threshold(targetFpr, source), plain.pValue(distance),
                plain.countAtOrBelow(distance), plain.size(), false, List.of());
    }

    /** The reference distances and their plain fit. */
    public NullDistribution nullDistribution() {
        return plain;
    }

    /** The competence-adjusted fit, when the references' competences support one. */
    public Optional<CompetenceAdjustedNull> adjustedNull() {
        return Optional.ofNullable(adjusted);
    }

    /** The references' distances (a copy). */
    public double[] distances() {
        return distances.clone();
    }

    /** The references' competences (a copy), when measured. */
    public Optional<double[]> competences() {
        return Optional.ofNullable(competences).map(double[]::clone);
    }

    /** The false-positive rate the threshold was set for. */
    public double targetFpr() {
        return targetFpr;
    }

    /** The threshold of the plain fit (for a suspect of unknown competence), with a sentence on how it was set. */
    public Threshold threshold() {
        return plain.threshold(targetFpr, source);
    }

    /** Number of reference models. */
    public int referenceCount() {
        return plain.size();
    }

    /** Whether a suspect at {@code distance} is judged stolen by {@link #threshold()}. */
    public boolean isStolen(double distance) {
        return threshold().isStolen(distance);
    }

    /** How many references came at least as close as {@code distance}. */
    public int closerCount(double distance) {
        return plain.countAtOrBelow(distance);
    }

    /** The log-normal prediction's probability that an independent model comes this close. */
    public double pValue(double distance) {
        return plain.pValue(distance);
    }

    /** The count-based p-value {@code (1 + closer) / (1 + n)}. */
    public double empiricalPValue(double distance) {
        return plain.empiricalPValue(distance);
    }

    /**
     * One sentence on a suspect's distance, for example "distance 0.0120; 0 of 12 independent
     * models came this close (p = 0.00040); threshold 0.0500 for FPR {@literal <=} 5%".
     */
    public String explain(double distance) {
        return String.format(Locale.ROOT, "distance %.4f; %d of %d independent models came this close (p = %.2g); "
                        + "threshold %.4f for FPR <= %.0f%%", distance, closerCount(distance), referenceCount(),
                pValue(distance), threshold().value(), 100 * targetFpr);
    }

    @Override
    public String toString() {
        return "Calibration[" + referenceCount() + " references" + (adjusted != null ? ", competence-adjusted" : "")
                + ", threshold " + threshold().value() + " for FPR <= " + targetFpr + "]";
    }
}
