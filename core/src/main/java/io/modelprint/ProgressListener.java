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
package io.modelprint;

/**
 * Receives progress of long operations (building a query set, querying models, training), so
 * that an application can show a progress bar or log. The library itself never prints.
 *
 * <p>Calls come from the thread doing the work; keep them cheap.
 *
 * <pre>{@code
 * ProgressListener log = (task, done, total) -> LOG.info("{}: {}/{}", task, done, total);
 * FingerprintVerifier.defaults().ownerData(data).progress(log).build();
 * }</pre>
 */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores everything. */
    ProgressListener NONE = (task, done, total) -> { };

    /**
     * {@code done} of {@code total} units of {@code task} are finished. A task starts with
     * {@code done == 0} and ends with {@code done == total}.
     *
     * @param task  what is being done, for example {@code "training victim"}
     * @param done  units finished so far
     * @param total units in all
     */
    void onProgress(String task, long done, long total);
}
