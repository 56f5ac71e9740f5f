package io.modelprint.fingerprint;

import io.modelprint.FingerprintExtractor;
import io.modelprint.Predictions;

/**
 * Reads the top-1 labels of a model's answers, whatever their kind.
 *
 * <pre>{@code
 * LabelFingerprint fp = new LabelExtractor("ipguard").extract(suspect, querySet);
 * }</pre>
 *
 * @param scheme the scheme name recorded in fingerprints
 */
public record LabelExtractor(String scheme) implements FingerprintExtractor<LabelFingerprint> {

    @Override
    public LabelFingerprint extract(Predictions answers) {
        return new LabelFingerprint(scheme, answers.labels(), answers.numClasses());
    }
}
