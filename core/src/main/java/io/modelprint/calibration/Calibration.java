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

/**
 * What "close" means for one victim: the distances of independent reference models to it, the
 * threshold they give for a target false-positive rate, and how unusual a suspect's distance is.
 *
 * <p>Give it reference models (any adapters: DL4J, ONNX, HTTP, functions), their answers, or
 * their distances directly. The statistics are those of {@link NullDistribution}: a log-normal
 * prediction with Student-t tails, capped so that at most {@code floor(fpr * n)} references would
 * be judged stolen. The facade, {@code FingerprintVerifier}, calibrates through this class.
 *
 * <pre>{@code
 * Calibration c = Calibration.ofModels(scheme, queries.inputs(), victimAnswers,
 *         List.of(independentA, independentB, independentC), OutputKind.LOGITS, 0.05);
 * double d = scheme.distance(victimAnswers, suspect.predict(queries.inputs()), OutputKind.LOGITS);
 * boolean stolen = c.isStolen(d);
 * String why = c.explain(d);
 * // "distance 0.0120; 0 of 3 independent models came this close (p = 0.00040); threshold 0.0500 for FPR <= 5%"
 * }</pre>
 */
public final class Calibration {

    private final NullDistribution nulls;
    private final double targetFpr;
    private final Threshold threshold;

    private Calibration(NullDistribution nulls, double targetFpr) {
        this.nulls = nulls;
        this.targetFpr = targetFpr;
        this.threshold = nulls.threshold(targetFpr);
    }

    /**
     * Calibration from the distances of independent reference models to the victim.
     *
     * @throws IllegalArgumentException with fewer than {@value NullDistribution#MIN_REFERENCES}
     *                                  distances, a negative or non-finite one, or an FPR outside (0, 1)
     */
    public static Calibration ofDistances(double[] referenceDistances, double targetFpr) {
        return new Calibration(NullDistribution.of(referenceDistances), targetFpr);
    }

    /**
     * Calibration from the answers of reference models to the victim's query set, compared with
     * the victim's answers by {@code scheme} as {@code representation}.
     *
     * @throws IllegalArgumentException as {@link #ofDistances}, or when answers do not fit the scheme
     */
    public static Calibration ofAnswers(FingerprintScheme<?> scheme, Predictions victimAnswers,
                                        List<Predictions> referenceAnswers, OutputKind representation,
                                        double targetFpr) {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(victimAnswers, "victimAnswers");
        double[] d = referenceAnswers.stream()
                .mapToDouble(r -> scheme.distance(victimAnswers, r, representation)).toArray();
        return ofDistances(d, targetFpr);
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

    /** The reference distances and their fit. */
    public NullDistribution nullDistribution() {
        return nulls;
    }

    /** The false-positive rate the threshold was set for. */
    public double targetFpr() {
        return targetFpr;
    }

    /** The threshold for {@link #targetFpr()}, with a sentence on how it was set. */
    public Threshold threshold() {
        return threshold;
    }

    /** Number of reference models. */
    public int referenceCount() {
        return nulls.size();
    }

    /** Whether a suspect at {@code distance} is judged stolen by {@link #threshold()}. */
    public boolean isStolen(double distance) {
        return threshold.isStolen(distance);
    }

    /** How many references came at least as close as {@code distance}. */
    public int closerCount(double distance) {
        return nulls.countAtOrBelow(distance);
    }

    /** The log-normal prediction's probability that an independent model comes this close. */
    public double pValue(double distance) {
        return nulls.pValue(distance);
    }

    /** The count-based p-value {@code (1 + closer) / (1 + n)}. */
    public double empiricalPValue(double distance) {
        return nulls.empiricalPValue(distance);
    }

    /**
     * One sentence on a suspect's distance, for example "distance 0.0120; 0 of 12 independent
     * models came this close (p = 0.00040); threshold 0.0500 for FPR <= 5%".
     */
    public String explain(double distance) {
        return String.format(Locale.ROOT, "distance %.4f; %d of %d independent models came this close (p = %.2g); "
                        + "threshold %.4f for FPR <= %.0f%%", distance, closerCount(distance), referenceCount(),
                pValue(distance), threshold.value(), 100 * targetFpr);
    }

    @Override
    public String toString() {
        return "Calibration[" + referenceCount() + " references, threshold " + threshold.value() + " for FPR <= "
                + targetFpr + "]";
    }
}
