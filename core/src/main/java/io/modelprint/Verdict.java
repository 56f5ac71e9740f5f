package io.modelprint;

import java.time.Duration;
import java.util.Locale;

/**
 * The answer to "was this suspect derived from my model?", with everything needed to act on it:
 * the distance, the threshold and where it came from, how sure, and what it cost.
 *
 * <pre>{@code
 * Verdict v = verifier.verify(victim, suspect);
 * if (v.stolen()) {
 *     LOG.warn("{}", v.explanation());
 * }
 * }</pre>
 *
 * @param suspect           the suspect's name
 * @param scheme            the scheme used, such as {@code sac-m}
 * @param representation    what both models' answers were compared as
 * @param distance          the distance between the two fingerprints (small means alike)
 * @param threshold         the threshold used, with its source
 * @param stolen            {@code distance < threshold.value()}
 * @param pValue            how likely an independent model comes this close (log-normal fit to
 *                          the references), or NaN without references
 * @param referenceCount    independent reference models behind the threshold, 0 for none
 * @param closerReferences  how many of them came at least this close, or -1 without references
 * @param suspectQueries    queries sent to the suspect for this verdict
 * @param costs             time spent on each step
 */
public record Verdict(String suspect, String scheme, OutputKind representation, double distance,
                      Threshold threshold, boolean stolen, double pValue, int referenceCount,
                      int closerReferences, long suspectQueries, Costs costs) {

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

    /**
     * One readable sentence, for example: "stolen: distance 0.0121 < threshold 0.0480 (FPR <= 5%);
     * 0 of 12 independent models came this close (p = 0.0004)".
     */
    public String explanation() {
        StringBuilder s = new StringBuilder();
        s.append(stolen ? "stolen: " : "independent: ");
        s.append(String.format(Locale.ROOT, "distance %.4f %s threshold %.4f", distance, stolen ? "<" : ">=",
                threshold.value()));
        if (threshold.source() == Threshold.Source.REFERENCE_MODELS && !Double.isNaN(threshold.targetFpr())) {
            s.append(String.format(Locale.ROOT, " (FPR <= %.0f%%)", 100 * threshold.targetFpr()));
        }
        if (referenceCount > 0) {
            s.append(String.format(Locale.ROOT, "; %d of %d independent models came this close", closerReferences,
                    referenceCount));
            if (!Double.isNaN(pValue)) {
                s.append(String.format(Locale.ROOT, " (p = %.2g)", pValue));
            }
        } else {
            s.append("; threshold: ").append(threshold.description());
        }
        return s.toString();
    }
}
