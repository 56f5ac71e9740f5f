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
