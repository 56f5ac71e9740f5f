package io.modelprint.http;

/**
 * The hard limit on images an {@link HttpModel} sends, retries included: a batch that would pass
 * it is refused before anything of it is sent, and so is a retry.
 */
final class QueryBudget {

    private final String model;
    private final long limit;
    private long sent;

    /** A budget of {@code limit} images ({@link Long#MAX_VALUE} for none) for the model called {@code model}. */
    QueryBudget(String model, long limit) {
        this.model = model;
        this.limit = limit;
    }

    long limit() {
        return limit;
    }

    synchronized long sent() {
        return sent;
    }

    /** Refuses up front a call that would send {@code images} more than the budget allows. */
    synchronized void admit(int images) {
        if (sent + images > limit) {
            throw new QueryBudgetExceededException(model, limit, sent, images);
        }
    }

    /** Counts {@code images} about to be sent, or refuses them if they would pass the budget. */
    synchronized void spend(int images) {
        admit(images);
        sent += images;
    }
}
