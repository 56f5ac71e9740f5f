package io.modelprint;

/**
 * Turns one model's answers on a query set into a fingerprint: the second of a scheme's three
 * parts.
 *
 * <pre>{@code
 * Predictions answers = model.predict(querySet.inputs());
 * CorrelationFingerprint fp = extractor.extract(answers);
 * }</pre>
 *
 * @param <F> the fingerprint type
 */
public interface FingerprintExtractor<F extends Fingerprint> {

    /**
     * The fingerprint of a model from its answers on a query set.
     *
     * @throws IllegalArgumentException if the answers cannot give this extractor's representation
     *                                  (labels only, where scores are needed)
     */
    F extract(Predictions answers);

    /** Queries {@code model} with {@code queries} and extracts its fingerprint. */
    default F extract(Model model, QuerySet queries) {
        return extract(model.predict(queries.inputs()));
    }
}
