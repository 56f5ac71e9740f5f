package io.modelprint.inference;

/**
 * Counts the images sent to one model and refuses a batch that would pass the budget, so that an
 * embedding stops cleanly between batches and never sends a query past the limit.
 */
final class QueryAllowance {

    private final long limit;
    private long spent;

    QueryAllowance(long limit) {
        this.limit = limit;
    }

    /** No limit. */
    static QueryAllowance unlimited() {
        return new QueryAllowance(Long.MAX_VALUE);
    }

    /** Takes {@code images} from the allowance if they fit, and says whether they did. */
    boolean take(int images) {
        if (images > limit - spent) {
            return false;
        }
        spent += images;
        return true;
    }

    long spent() {
        return spent;
    }

    long left() {
        return limit - spent;
    }
}
