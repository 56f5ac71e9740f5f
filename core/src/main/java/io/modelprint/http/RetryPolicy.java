package io.modelprint.http;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * When an {@link HttpModel} tries a request again: after HTTP 5xx, 429, timeouts and dropped
 * connections, up to {@code maxRetries} times, waiting an exponential backoff (doubling from
 * {@code initialBackoff} up to {@code maxBackoff}) or the server's {@code Retry-After}, whichever
 * is longer.
 *
 * @param maxRetries     retries after the first attempt
 * @param initialBackoff the first retry's wait
 * @param maxBackoff     the longest wait
 */
record RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff) {

    /** Attempts in all: the first and the retries. */
    int attempts() {
        return maxRetries + 1;
    }

    /** Whether an answer with HTTP {@code status} is worth trying again (5xx, 429). */
    static boolean retryable(int status) {
        return status / 100 == 5 || status == 429;
    }

    /** The wait before retry number {@code retry} (from 1), at least {@code retryAfterNanos}. */
    long backoffNanos(int retry, long retryAfterNanos) {
        double exp = (double) initialBackoff.toNanos() * Math.pow(2, retry - 1);
        long wait = (long) Math.min((double) maxBackoff.toNanos(), exp);
        // a server's Retry-After is honoured in full: retrying earlier only earns another 429
        return Math.max(wait, retryAfterNanos);
    }

    /** The server's {@code Retry-After} in seconds, as nanoseconds; 0 when absent or an HTTP date. */
    static long retryAfterNanos(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").map(v -> {
            try {
                return TimeUnit.SECONDS.toNanos(Math.max(0, Long.parseLong(v.trim())));
            } catch (NumberFormatException e) {
                return 0L;   // an HTTP date: fall back to the backoff
            }
        }).orElse(0L);
    }
}
