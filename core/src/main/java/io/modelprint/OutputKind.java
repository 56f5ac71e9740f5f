package io.modelprint;

/**
 * What a model's answer to one input looks like.
 *
 * <p>The kind decides which fingerprints a model supports: logits give everything, probabilities
 * everything but raw logits, and labels only label-based fingerprints.
 */
public enum OutputKind {
    /** Unnormalised class scores, the input of a softmax. The owner's own models usually give these. */
    LOGITS,
    /** A probability vector per input (non-negative, summing to 1): the usual prediction API. */
    PROBABILITIES,
    /** Only the top-1 class: the most restrictive prediction API. */
    LABELS;

    /** Whether answers of this kind carry a score per class (logits or probabilities). */
    public boolean hasScores() {
        return this != LABELS;
    }
}
