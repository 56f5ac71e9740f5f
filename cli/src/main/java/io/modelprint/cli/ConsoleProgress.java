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
package io.modelprint.cli;

import io.modelprint.ProgressListener;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows modelprint's progress reports as progress bars on standard error (one per task), for the
 * command line, the examples and the benchmarks. Reports from several threads are shown one at a
 * time.
 *
 * <pre>{@code
 * try (ConsoleProgress progress = new ConsoleProgress()) {
 *     verifier = FingerprintVerifier.defaults().ownerData(heldOut).progress(progress).build();
 *     fingerprint = verifier.fingerprint(victim);
 * }
 * }</pre>
 */
public final class ConsoleProgress implements ProgressListener, AutoCloseable {

    private final boolean quiet;
    private ProgressBar bar;
    private String task;

    /** Progress bars on standard error. */
    public ConsoleProgress() {
        this(false);
    }

    /** Progress bars on standard error, or nothing at all when {@code quiet}. */
    public ConsoleProgress(boolean quiet) {
        this.quiet = quiet;
    }

    @Override
    public synchronized void onProgress(String task, long done, long total) {
        if (quiet) {
            return;
        }
        if (bar == null || !task.equals(this.task)) {
            close();
            this.task = task;
            bar = new ProgressBarBuilder().setTaskName(String.format("%-28s", task)).setInitialMax(total)
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).continuousUpdate()
                    .setMaxRenderedLength(100).build();
        }
        bar.stepTo(done);
        if (done >= total) {
            close();
        }
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
            bar = null;
            task = null;
        }
    }
}
