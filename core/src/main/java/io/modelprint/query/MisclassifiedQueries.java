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
 * The queries of SAC-w and AKH: owner samples that the victim classifies wrongly. A model derived from the
 * victim tends to repeat its mistakes, which independent models rarely share.
 *
 * <p>The victim labels every owner sample; those whose label differs from the truth are
 * candidates ({@link VictimMistakes}). When surrogate models are given (models the owner derived from the victim, such as
 * its own extracted students), only candidates that every surrogate also gets wrong are kept: the
 * mistakes that survive stealing. From the candidates, {@code count} are taken: the first ones, or
 * a seeded random choice.
 *
 * <pre>{@code
 * QuerySet q = new MisclassifiedQueries(new MisclassifiedQueries.Config(100, SampleSelection.RANDOM), List.of())
 *         .build(victim, ownerTestSet, 3);
 * }</pre>
 */
public final class MisclassifiedQueries extends AbstractQuerySetBuilder<MisclassifiedQueries.Config> {

    /**
     * The query parameters.
     *
     * <pre>{@code
     * MisclassifiedQueries.Config c = new MisclassifiedQueries.Config(200, SampleSelection.RANDOM);
     * }</pre>
     *
     * @param count     number of queries (default 100 for SAC-w, 200 for AKH)
     * @param selection which candidates are taken (default FIRST)
     */
    public record Config(
            @Param(name = "queries", description = "number of queries", min = 2, max = 1_000_000) int count,
            @Param(description = "which of the victim's mistakes are taken: the first ones or a seeded random choice")
            SampleSelection selection) {

        /** Validates. */
        public Config {
            Parameters.check(Config.class, count, selection);
        }

        /** 100 queries, the first candidates. */
        public static Config defaults() {
            return new Config(100, SampleSelection.FIRST);
        }
    }

    private final List<Model> surrogates;

    /**
     * @param config     count and selection
     * @param surrogates models derived from the victim whose mistakes must agree; may be empty
     */
    public MisclassifiedQueries(Config config, List<? extends Model> surrogates) {
        super("misclassified", config);
        this.surrogates = List.copyOf(surrogates == null ? List.of() : surrogates);
    }

    @Override
    public int size() {
        return config().count();
    }

    @Override
    public QuerySet build(Model victim, LabeledImages ownerData, long seed, ProgressListener progress) {
        VictimMistakes found = VictimMistakes.find("SAC-w", victim, ownerData, surrogates, progress);
        int n = config().count();
        if (found.wrong().size() < n) {
            throw new IllegalArgumentException("SAC-w asked for " + n + " misclassified samples but found "
                    + found.wrong().size() + " among " + found.total() + " owner samples"
                    + (surrogates.isEmpty() ? "" : " (also misclassified by all " + surrogates.size() + " surrogates)")
                    + ": give more owner data, ask for fewer queries, or use SAC-m");
        }
        int[] chosen = config().selection().from(found.wrong(), n, new SplittableRandom(seed));
        progress.onProgress(VictimMistakes.TASK, 1 + surrogates.size(), 1 + surrogates.size());
        return QuerySet.of(ownerData.images().select(chosen), name(), parameters(),
                Map.of("candidates", Integer.toString(found.wrong().size()),
                        "surrogates", Integer.toString(surrogates.size())), seed);
    }
}
