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
package io.modelprint.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelprint.ImageBatch;
import io.modelprint.OutputKind;
import io.modelprint.Predictions;
import io.modelprint.http.JsonContract;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The standard contract, except that the response numbered {@link #crashAt} kills the Spark task
 * once (an {@link Error}, which the screening does not turn into an error row), as a lost
 * executor would. Local mode runs tasks in the test's JVM, so the static state is shared.
 */
public final class CrashingContract implements JsonContract {

    static final AtomicInteger RESPONSES = new AtomicInteger();
    static final AtomicInteger CRASHES = new AtomicInteger();
    static volatile int crashAt = -1;

    /** Thrown to fail the task the way a crash would. */
    static final class InjectedCrash extends Error {
        private static final long serialVersionUID = 1L;

        InjectedCrash(int response) {
            super("injected crash at response " + response);
        }
    }

    static void arm(int response) {
        RESPONSES.set(0);
        CRASHES.set(0);
        crashAt = response;
    }

    /** Needed by {@code SuspectOpener}, which builds the contract by name. */
    public CrashingContract() {
    }

    @Override
    public JsonNode request(ImageBatch batch, ObjectMapper json) {
        return STANDARD.request(batch, json);
    }

    @Override
    public Predictions response(JsonNode body, ImageBatch batch, int numClasses, OutputKind kind) {
        int n = RESPONSES.incrementAndGet();
        if (n == crashAt) {
            CRASHES.incrementAndGet();
            throw new InjectedCrash(n);
        }
        return STANDARD.response(body, batch, numClasses, kind);
    }
}
