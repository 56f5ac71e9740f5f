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
package io.modelprint.query;

import io.modelprint.LabeledImages;
import io.modelprint.Model;
import io.modelprint.ProgressListener;
import io.modelprint.QuerySet;
import io.modelprint.config.Param;
import io.modelprint.config.Parameters;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The queries of {@code error-profile}: up to {@code mistakes} owner samples the victim
 * misclassifies, followed by exactly {@code controls} samples it classifies correctly. Unlike
 * {@link MistakesAndControls}, the number of mistakes adapts to the victim: a strong victim makes
 * few mistakes, and a query set of the mistakes it does make (at least {@code minimum}) is better
 * than no verdict. The controls come last, so a verifier finds the two blocks from the query
 * count and {@code controls} alone.
 *
 * <pre>{@code
 * QuerySet q = new MistakeQueries(new MistakeQueries.Config(300, 50, 200, SampleSelection.FIRST))
 *         .build(victim, ownerHeldOut, 3, ProgressListener.NONE);
 * int mistakes = q.size() - 200;   // between 50 and 300
 * }</pre>
 */
public final class MistakeQueries extends AbstractQuerySetBuilder<MistakeQueries.Config> {

    /**
     * The query parameters.
     *
     * <pre>{@code
     * MistakeQueries.Config c = MistakeQueries.Config.defaults();   // up to 300 mistakes, 200 controls
     * }</pre>
     *
     * @param mistakes  the most queries on the victim's mistakes (default 300)
     * @param minimum   the fewest mistakes the query set may hold (default 50): below it the
     *                  owner data cannot fingerprint this victim
     * @param controls  queries on samples the victim classifies correctly (default 200)
     * @param selection which candidates are taken (default FIRST)
     */
    public record Config(
            @Param(description = "the most queries on samples the victim misclassifies", min = 1,
                    max = 1_000_000) int mistakes,
            @Param(name = "minimum-mistakes", description = "the fewest misclassified samples a query set may hold",
                    min = 1, max = 1_000_000) int minimum,
            @Param(description = "queries on samples the victim classifies correctly", min = 1,
                    max = 1_000_000) int controls,
            @Param(description = "which candidates are taken: the first ones or a seeded random choice")
            SampleSelection selection) {

        /** Validates. */
        public Config {
            Parameters.check(Config.class, mistakes, minimum, controls, selection);
            if (minimum > mistakes) {
                throw new IllegalArgumentException("minimum-mistakes = " + minimum + " exceeds mistakes = " + mistakes
                        + ": the fewest mistakes cannot be more than the most");
            }
        }

        /** Up to 300 mistakes, at least 50, and 200 controls, the first found. */
        public static Config defaults() {
            return new Config(300, 50, 200, SampleSelection.FIRST);
        }
    }

    /** @param config block sizes and selection */
    public MistakeQueries(Config config) {
        super("mistakes-up-to", config);
    }

    @Override
    public int size() {
        return config().mistakes() + config().controls();
    }

    /**
     * @throws IllegalArgumentException if the owner data holds fewer than {@code minimum}
     *                                  mistakes or {@code controls} correct samples; the message
     *                                  gives the counts found
     */
    @Override
    public QuerySet build(Model victim, LabeledImages ownerData, long seed, ProgressListener progress) {
        VictimMistakes found = VictimMistakes.find("error-profile", victim, ownerData, List.of(), progress);
        if (found.wrong().size() < config().minimum() || found.right().size() < config().controls()) {
            throw new IllegalArgumentException("error-profile needs at least " + config().minimum()
                    + " misclassified and " + config().controls() + " correctly classified samples but found "
                    + found.wrong().size() + " and " + found.right().size() + " among " + found.total()
                    + " owner samples: give more owner data (a victim that makes few mistakes needs more), or lower "
                    + "minimum-mistakes");
        }
        int mistakes = Math.min(config().mistakes(), found.wrong().size());
        SplittableRandom random = new SplittableRandom(seed);
        int[] wrong = config().selection().from(found.wrong(), mistakes, random);
        int[] right = config().selection().from(found.right(), config().controls(), random);
        int[] chosen = new int[mistakes + right.length];
        System.arraycopy(wrong, 0, chosen, 0, mistakes);
        System.arraycopy(right, 0, chosen, mistakes, right.length);
        progress.onProgress(VictimMistakes.TASK, 1, 1);
        return QuerySet.of(ownerData.images().select(chosen), name(), parameters(),
                Map.of("candidates", Integer.toString(found.wrong().size()), "mistakes", Integer.toString(mistakes)),
                seed);
    }
}
