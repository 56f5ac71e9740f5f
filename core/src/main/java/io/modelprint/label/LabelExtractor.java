package io.modelprint.label;

import io.modelprint.FingerprintExtractor;
import io.modelprint.Predictions;

/**
 * Reads the top-1 labels of a model's answers, whatever their kind.
 *
 * @param scheme the scheme name recorded in fingerprints
 */
public record LabelExtractor(String scheme) implements FingerprintExtractor<LabelFingerprint> {

    @Override
    public LabelFingerprint extract(Predictions answers) {
        return new LabelFingerprint(scheme, answers.labels(), answers.numClasses());
    }
}
