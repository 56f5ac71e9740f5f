package io.modelprint;

import java.time.Duration;
import java.util.List;

/**
 * Everything needed to check suspects against a victim without the victim: the query set, the
 * victim's answers to it, the answers of independent reference models (for calibration), and the
 * provenance. Made once by {@link FingerprintVerifier#fingerprint(Model)}, stored, and used for
 * many {@link FingerprintVerifier#verify(VictimFingerprint, Model)} calls.
 *
 * <p>The victim's raw answers are kept (not only a correlation matrix), so one fingerprint serves
 * suspects that answer logits, probabilities or labels alike. The whole record is an owner
 * secret: a suspect must only ever see the query images.
 *
 * <pre>{@code
 * VictimFingerprint fp = verifier.fingerprint(victim);
 * FingerprintFile.write(fp, Path.of("victim.fp.json"));
 * Verdict v = verifier.verify(fp, suspect);   // the victim is not needed again
 * }</pre>
 *
 * @param provenance        how it was made
 * @param querySet          the queries
 * @param victimAnswers     the victim's answers to them
 * @param references        independent reference models' answers to them (may be empty)
 * @param querySetBuildTime time spent building the query set
 * @param fingerprintTime   time spent querying the victim and the references
 */
public record VictimFingerprint(Provenance provenance, QuerySet querySet, Predictions victimAnswers,
                                List<ReferenceAnswers> references, Duration querySetBuildTime,
                                Duration fingerprintTime) {

    /**
     * An independent reference model's answers to the query set.
     *
     * <pre>{@code
     * for (VictimFingerprint.ReferenceAnswers r : fingerprint.references()) {
     *     LOG.info("{} answered {}", r.name(), r.answers());
     * }
     * }</pre>
     *
     * @param name    the reference model's name
     * @param answers its answers
     * @param trained whether the verifier trained it on the owner's data (rather than the user giving it)
     */
    public record ReferenceAnswers(String name, Predictions answers, boolean trained) {

        /** A reference the user gave. */
        public ReferenceAnswers(String name, Predictions answers) {
            this(name, answers, false);
        }
    }

    /** Checks that the parts fit together. */
    public VictimFingerprint {
        if (provenance == null || querySet == null || victimAnswers == null) {
            throw new IllegalArgumentException("a victim fingerprint needs provenance, a query set and the victim's answers");
        }
        if (victimAnswers.count() != querySet.size()) {
            throw new IllegalArgumentException("the victim answered " + victimAnswers.count() + " of "
                    + querySet.size() + " queries");
        }
        references = List.copyOf(references == null ? List.of() : references);
        for (ReferenceAnswers r : references) {
            if (r.answers().count() != querySet.size()) {
                throw new IllegalArgumentException("reference " + r.name() + " answered " + r.answers().count()
                        + " of " + querySet.size() + " queries");
            }
        }
        if (!provenance.querySetSha256().equals(querySet.sha256())) {
            throw new IllegalArgumentException("the provenance names query set " + provenance.querySetSha256()
                    + " but the query set hashes to " + querySet.sha256());
        }
        querySetBuildTime = querySetBuildTime == null ? Duration.ZERO : querySetBuildTime;
        fingerprintTime = fingerprintTime == null ? Duration.ZERO : fingerprintTime;
    }

    /** The scheme's name. */
    public String scheme() {
        return provenance.scheme();
    }

    /** Number of classes of the victim. */
    public int numClasses() {
        return victimAnswers.numClasses();
    }
}
