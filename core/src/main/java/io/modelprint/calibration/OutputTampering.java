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
package io.modelprint.calibration;

import io.modelprint.OutputKind;
import io.modelprint.Predictions;
import io.modelprint.kernel.Matrix;
import java.util.Locale;
import java.util.Optional;

/**
 * Signs that a suspect's probabilities were post-processed before they were served, the way a
 * thief evades a fingerprint that compares scores (issue 14's evasion benchmark: noise, rounding
 * and top-k truncation cost the thief almost nothing and broke {@code error-profile} and
 * {@code combined}). A softmax computed in floating point is almost never exactly 0 and almost
 * never a multiple of 0.001; served probabilities that are often exactly 0 (top-k truncation,
 * clipped noise) or whose non-negligible values all sit on a decimal grid (rounding) were changed
 * after the model. A verdict on scores then cannot clear the suspect, and says why; label-based
 * schemes ({@code akh-excess}, {@code akh}) are not affected by such changes.
 *
 * <p>Rescaling the temperature leaves a valid softmax and cannot be seen in the answers alone.
 *
 * <pre>{@code
 * Optional<String> sign = OutputTampering.signs(suspectAnswers);
 * sign.ifPresent(s -> LOG.warn("the suspect's probabilities look post-processed: {}", s));
 * }</pre>
 */
public final class OutputTampering {

    /** The share of exactly-zero probabilities above which answers are taken as truncated or clipped. */
    public static final double MAX_ZERO_SHARE = 0.10;

    /** The share of non-negligible probabilities on a decimal grid above which answers are taken as rounded. */
    public static final double MAX_GRID_SHARE = 0.95;

    /** Probabilities below this are negligible for the rounding check (a genuine tail value sits near any grid). */
    static final double NEGLIGIBLE = 1e-3;

    /** 10^d for the grids of d = 1, 2, 3 decimals. */
    private static final double[] GRID_SCALES = {1, 10, 100, 1000};

    /** The fewest non-negligible probabilities the rounding check needs. */
    static final int MIN_VALUES = 20;

    private OutputTampering() {
    }

    /**
     * What suggests that these answers were post-processed, or empty when nothing does (always for
     * logits and labels, which are not checked).
     */
    public static Optional<String> signs(Predictions answers) {
        if (answers == null || answers.kind() != OutputKind.PROBABILITIES) {
            return Optional.empty();
        }
        Matrix p = answers.scores();
        int entries = p.rows() * p.cols();
        int zeros = 0;
        int values = 0;
        int[] onGrid = new int[4];
        for (int i = 0; i < p.rows(); i++) {
            for (int k = 0; k < p.cols(); k++) {
                double v = p.get(i, k);
                if (v == 0) {
                    zeros++;
                }
                if (v >= NEGLIGIBLE) {
                    values++;
                    for (int d = 1; d <= 3; d++) {
                        double scaled = v * GRID_SCALES[d];
                        if (Math.abs(scaled - Math.rint(scaled)) < 1e-4) {
                            onGrid[d]++;
                        }
                    }
                }
            }
        }
        for (int d = 1; d <= 3; d++) {
            if (values >= MIN_VALUES && onGrid[d] > MAX_GRID_SHARE * values) {
                return Optional.of(String.format(Locale.ROOT, "%d of the suspect's %d non-negligible probabilities are "
                        + "multiples of %s: its answers look rounded to %d decimal%s", onGrid[d], values,
                        d == 1 ? "0.1" : d == 2 ? "0.01" : "0.001", d, d == 1 ? "" : "s"));
            }
        }
        if (entries > 0 && zeros > MAX_ZERO_SHARE * entries) {
            return Optional.of(String.format(Locale.ROOT, "%.0f%% of the suspect's probabilities are exactly 0, which a "
                    + "softmax does not give: its answers look truncated to the top classes or noised and clipped", 100.0
                    * zeros / entries));
        }
        return Optional.empty();
    }
}
