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

import io.modelprint.ModelException;
import java.util.function.LongSupplier;

/**
 * Spaces the requests of an {@link HttpModel}: at most one starts every {@code minIntervalNanos},
 * retries included. Callers take the next free slot and wait for it.
 */
final class RateLimiter {

    private final String model;
    private final long minIntervalNanos;
    private final LongSupplier clock;
    private final HttpModel.Pause pause;
    private long nextSlot = Long.MIN_VALUE;

    /**
     * @param model            the model's name, for messages
     * @param requestsPerSecond at most this many requests per second; 0 for no limit (the builder checks the value)
     * @param clock            nanosecond clock
     * @param pause            how to wait
     */
    RateLimiter(String model, double requestsPerSecond, LongSupplier clock, HttpModel.Pause pause) {
        this.model = model;
        this.minIntervalNanos = requestsPerSecond > 0 ? (long) Math.ceil(1e9 / requestsPerSecond) : 0;
        this.clock = clock;
        this.pause = pause;
    }

    /**
     * Waits for the next free slot, if it comes within {@code maxWaitNanos}.
     *
     * @throws ModelException if the next slot is further away than {@code maxWaitNanos} (what is left
     *                        of a call's overall timeout); no slot is taken then
     */
    void acquire(long maxWaitNanos) {
        if (minIntervalNanos == 0) {
            return;
        }
        long wait;
        synchronized (this) {
            long now = clock.getAsLong();
            long start = nextSlot == Long.MIN_VALUE ? now : Math.max(now, nextSlot);
            wait = start - now;
            if (wait > maxWaitNanos) {
                throw new ModelException("HTTP model " + model + ": the rate limit's next free slot is "
                        + RetryPolicy.describe(wait) + " away, more than the " + RetryPolicy.describe(maxWaitNanos)
                        + " left of the overall timeout; raise the rate limit or the overall timeout");
            }
            nextSlot = start + minIntervalNanos;
        }
        if (wait > 0) {
            sleep(model, pause, wait);
        }
    }

    /** Waits {@code nanos} with {@code pause}; an interruption becomes a {@link ModelException} naming the model. */
    static void sleep(String model, HttpModel.Pause pause, long nanos) {
        try {
            pause.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelException("HTTP model " + model + ": interrupted while waiting to send", e);
        }
    }
}
