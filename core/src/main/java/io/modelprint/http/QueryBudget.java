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
