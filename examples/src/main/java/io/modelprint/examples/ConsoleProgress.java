package io.modelprint.examples;

import io.modelprint.ProgressListener;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows modelprint's progress reports as console progress bars (one per task), for the examples
 * and benchmarks. Not thread-safe: one task at a time.
 *
 * <pre>{@code
 * try (ConsoleProgress progress = new ConsoleProgress()) {
 *     verifier = FingerprintVerifier.defaults().ownerData(heldOut).progress(progress).build();
 *     fingerprint = verifier.fingerprint(victim);
 * }
 * }</pre>
 */
public final class ConsoleProgress implements ProgressListener, AutoCloseable {

    private ProgressBar bar;
    private String task;

    @Override
    public void onProgress(String task, long done, long total) {
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
    public void close() {
        if (bar != null) {
            bar.close();
            bar = null;
            task = null;
        }
    }
}
