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

/**
 * What a model's answer to one input looks like.
 *
 * <p>The kind decides which fingerprints a model supports: logits give everything, probabilities
 * everything but raw logits, and labels only label-based fingerprints.
 *
 * <pre>{@code
 * Model api = Models.probabilitiesOnly(victim);
 * boolean scores = api.outputKind().hasScores();   // true: PROBABILITIES
OutputKind both = OutputKind.LOGITS.poorer(api.outputKind());   // PROBABILITIES
 * }</pre>
 */
public enum OutputKind {
    /** Unnormalised class scores, the input of a softmax. The owner's own models usually give these. */
    LOGITS,
    /** A probability vector per input (non-negative, summing to 1): the usual prediction API. */
    PROBABILITIES,
    /** Only the top-1 class: the most restrictive prediction API. */
    LABELS;

    /**
     * The less informative of this kind and {@code other}: what two models can both be compared on.
     * The constants are declared from the most informative to the least.
     */
    public OutputKind poorer(OutputKind other) {
        return compareTo(other) >= 0 ? this : other;
    }

    /** The more informative of this kind and {@code other}. */
    public OutputKind richer(OutputKind other) {
        return compareTo(other) <= 0 ? this : other;
    }

    /** Whether answers of this kind carry a score per class (logits or probabilities). */
    public boolean hasScores() {
        return this != LABELS;
    }
}
