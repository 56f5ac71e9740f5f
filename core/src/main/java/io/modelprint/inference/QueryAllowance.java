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
