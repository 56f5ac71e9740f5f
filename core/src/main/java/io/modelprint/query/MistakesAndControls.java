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
 * The queries of {@code akh-excess}: {@code mistakes} owner samples the victim misclassifies,
 * followed by {@code controls} owner samples it classifies correctly, each block taken first or
 * at random (seeded) from its candidates ({@link VictimMistakes}). {@code ExcessMismatch} compares the
 * two blocks. Its parameters name the total, {@code queries} (mistakes plus controls, what the
 * suspect is sent), and {@code controls}.
 *
 * <pre>{@code
 * QuerySet q = new MistakesAndControls(new MistakesAndControls.Config(300, 100, SampleSelection.FIRST))   // 200 mistakes
 *         .build(victim, ownerHeldOut, 3, ProgressListener.NONE);
 * }</pre>
 */
public final class MistakesAndControls extends AbstractQuerySetBuilder<MistakesAndControls.Config> {

    /**
     * The query parameters.
     *
     * <pre>{@code
     * MistakesAndControls.Config c = new MistakesAndControls.Config(300, 100, SampleSelection.FIRST);
     * int mistakes = c.mistakes();   // 200
     * }</pre>
     *
     * @param queries   queries in all, mistakes plus controls (default 300)
     * @param controls  queries on samples the victim classifies correctly (default 100); the
     *                  others, at least 1, are on its mistakes
     * @param selection which candidates are taken (default FIRST)
     */
    public record Config(
            @Param(description = "queries sent to the suspect: the victim's mistakes plus the controls", min = 2,
                    max = 1_000_000) int queries,
            @Param(description = "how many of the queries are samples the victim classifies correctly", min = 1,
                    max = 1_000_000) int controls,
            @Param(description = "which candidates are taken: the first ones or a seeded random choice")
            SampleSelection selection) {

        /** Validates. */
        public Config {
            Parameters.check(Config.class, queries, controls, selection);
            if (controls >= queries) {
                throw new IllegalArgumentException("akh-excess needs at least 1 mistake and 1 control query, got "
                        + (queries - controls) + " mistakes and " + controls + " controls: ask for fewer controls "
                        + "than queries");
            }
        }

        /** The queries on the victim's mistakes: {@code queries - controls}. */
        public int mistakes() {
            return queries - controls;
        }
    }

    /** @param config block sizes and selection */
    public MistakesAndControls(Config config) {
        super("mistakes-and-controls", config);
    }

    @Override
    public int size() {
        return config().queries();
    }

    @Override
    public QuerySet build(Model victim, LabeledImages ownerData, long seed, ProgressListener progress) {
        VictimMistakes found = VictimMistakes.find("akh-excess", victim, ownerData, List.of(), progress);
        if (found.wrong().size() < config().mistakes() || found.right().size() < config().controls()) {
            throw new IllegalArgumentException("akh-excess asked for " + config().mistakes() + " misclassified and "
                    + config().controls() + " correctly classified samples but found " + found.wrong().size() + " and "
                    + found.right().size() + " among " + found.total()
                    + " owner samples: give more owner data or ask for fewer");
        }
        SplittableRandom random = new SplittableRandom(seed);
        int[] mistakes = config().selection().from(found.wrong(), config().mistakes(), random);
        int[] controls = config().selection().from(found.right(), config().controls(), random);
        int[] chosen = new int[config().queries()];
        System.arraycopy(mistakes, 0, chosen, 0, mistakes.length);
        System.arraycopy(controls, 0, chosen, mistakes.length, controls.length);
        progress.onProgress(VictimMistakes.TASK, 1, 1);
        return QuerySet.of(ownerData.images().select(chosen), name(), parameters(),
                Map.of("candidates", Integer.toString(found.wrong().size())), seed);
    }
}
