package io.modelprint.http;

import io.modelprint.ModelException;

/**
 * An {@link HttpModel} refused to send images because that would exceed its query budget: either a
 * new batch (nothing of it was sent) or a retry of a batch already sent once.
 *
 * <pre>{@code
 * try {
 *     verifier.verify(fingerprint, api);
 * } catch (QueryBudgetExceededException e) {
 *     LOG.warn("budget spent: {} of {} images", e.sent(), e.budget());
 * }
 * }</pre>
 */
public class QueryBudgetExceededException extends ModelException {

    private static final long serialVersionUID = 1L;

    private final long budget;
    private final long sent;

    /** A refusal: {@code requested} more images would pass {@code budget} with {@code sent} already sent. */
    public QueryBudgetExceededException(String model, long budget, long sent, long requested) {
        super("HTTP model " + model + ": sending " + requested + " more images would exceed its query budget of "
                + budget + " images (" + sent + " sent so far, retries included); raise the budget or send fewer queries");
        this.budget = budget;
        this.sent = sent;
    }

    /** The budget, in images. */
    public long budget() {
        return budget;
    }

    /** Images sent before the refusal. */
    public long sent() {
        return sent;
    }
}
