package io.modelprint.benchmarks.detection;

import io.modelprint.Verdict;
import java.util.Locale;

/**
 * What a verdict says, as the benchmark counts it.
 *
 * <pre>{@code
 * Outcome o = Outcome.of(verifier.verify(fingerprint, suspect));
 * }</pre>
 */
public enum Outcome {
    /** Called stolen. */
    STOLEN,
    /** Called independent. */
    INDEPENDENT,
    /** Neither: the evidence could not decide (counted once verdicts can say so). */
    INCONCLUSIVE;

    /**
     * The outcome of a verdict. Today's {@link Verdict} says stolen or not; when it gains a third
     * outcome, this is the one place that reads it.
     */
    public static Outcome of(Verdict v) {
        return v.stolen() ? STOLEN : INDEPENDENT;
    }

    /** A lower-case name for tables. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
