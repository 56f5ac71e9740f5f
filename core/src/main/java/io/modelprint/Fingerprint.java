package io.modelprint;

/**
 * What a scheme reads from one model's answers on a query set: a correlation matrix (SAC), a
 * label vector (IPGuard). Two fingerprints of the same scheme and query set are compared by a
 * {@link Verifier}.
 *
 * <pre>{@code
 * Fingerprint victimPrint = extractor.extract(victimAnswers);
 * assert victimPrint.size() == querySet.size();
 * }</pre>
 */
public interface Fingerprint {

    /** The name of the scheme that made it, such as {@code sac-m}. */
    String scheme();

    /** Number of queries it was read on. */
    int size();

    /** What the model's answers were turned into before comparison (logits, probabilities or labels). */
    OutputKind representation();
}
