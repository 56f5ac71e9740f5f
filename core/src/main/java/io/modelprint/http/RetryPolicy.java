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
package io.modelprint.http;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * When an {@link HttpModel} tries a request again: after HTTP 5xx, 429, timeouts and dropped
 * connections, up to {@code maxRetries} times, waiting an exponential backoff (doubling from
 * {@code initialBackoff} up to {@code maxBackoff}) or the server's {@code Retry-After}, whichever
 * is longer, but never longer than {@code maxRetryWait}: a server that asks for a longer wait is
 * not waited for (the call fails, saying so), since retrying earlier only earns another 429.
 *
 * @param maxRetries     retries after the first attempt
 * @param initialBackoff the first retry's wait
 * @param maxBackoff     the longest backoff
 * @param maxRetryWait   the longest wait accepted before a retry, a server's {@code Retry-After} included
 */
record RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff, Duration maxRetryWait) {

    /** The most retries a policy allows: more would only hide a server that is down. */
    static final int MAX_RETRIES = 1_000;

    /** A {@code Retry-After} in seconds: digits only (RFC 9110), as many as the server sends. */
    private static final Pattern DELAY_SECONDS = Pattern.compile("[0-9]+");

    /** Attempts in all: the first and the retries. */
    int attempts() {
        return maxRetries + 1;
    }

    /** Whether an answer with HTTP {@code status} is worth trying again (5xx, 429). */
    static boolean retryable(int status) {
        return status / 100 == 5 || status == 429;
    }

    /** The backoff before retry number {@code retry} (from 1), at least {@code retryAfterNanos}. */
    long backoffNanos(int retry, long retryAfterNanos) {
        double exp = (double) initialBackoff.toNanos() * Math.pow(2, retry - 1);
        long wait = (long) Math.min((double) maxBackoff.toNanos(), exp);
        // a server's Retry-After is honoured in full (up to maxRetryWait): retrying earlier only earns another 429
        return Math.max(wait, retryAfterNanos);
    }

    /** The longest wait accepted before a retry, in nanoseconds. */
    long maxRetryWaitNanos() {
        return maxRetryWait.toNanos();
    }

    /**
     * The server's {@code Retry-After} as nanoseconds from {@code now}: delay-seconds (a value too
     * long for a {@code long} reads as {@link Long#MAX_VALUE}) or an HTTP date (0 when it has passed);
     * 0 when absent or unreadable, so that the backoff applies.
     */
    static long retryAfterNanos(HttpResponse<?> response, Instant now) {
        return response.headers().firstValue("Retry-After").map(v -> retryAfterNanos(v.trim(), now)).orElse(0L);
    }

    static long retryAfterNanos(String value, Instant now) {
        if (DELAY_SECONDS.matcher(value).matches()) {
            try {
                return TimeUnit.SECONDS.toNanos(Long.parseLong(value));   // saturates at Long.MAX_VALUE
            } catch (NumberFormatException e) {
                return Long.MAX_VALUE;   // more digits than a long holds: longer than any wait allowed
            }
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration d = Duration.between(now, at);
            if (d.isNegative()) {
                return 0;
            }
            return d.compareTo(Duration.ofNanos(Long.MAX_VALUE)) >= 0 ? Long.MAX_VALUE : d.toNanos();
        } catch (DateTimeParseException e) {
            return 0;   // neither seconds nor a date: fall back to the backoff
        }
    }

    /** {@code nanos} in words for messages: "100000 s", "250 ms", "more than 292 years". */
    static String describe(long nanos) {
        if (nanos == Long.MAX_VALUE) {
            return "more than 292 years";
        }
        long ms = TimeUnit.NANOSECONDS.toMillis(nanos);
        return ms >= 10_000 ? ms / 1000 + " s" : ms + " ms";
    }
}
