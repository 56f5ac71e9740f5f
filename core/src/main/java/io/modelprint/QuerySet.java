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

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The inputs a fingerprint is read on, how they were asked for, and what happened while they were
 * built. Together with the victim's answers to them this is an owner secret: a suspect sees only
 * the images.
 *
 * <p>{@link #parameters()} are what was asked (the builder's configuration: the same parameters
 * give the same query set); {@link #outcome()} is what the build found or did (candidates found,
 * optimisation steps run, the CutMix box drawn), recorded for audits, never needed to reproduce it.
 *
 * <pre>{@code
 * QuerySet q = new CutMixQueries(CutMixQueries.Config.defaults()).build(victim, ownerData, 3);
 * Predictions answers = suspect.predict(q.inputs());
 * String box = q.outcome().get("box");   // 0:4,23:27
 * }</pre>
 *
 * @param inputs     the query images
 * @param builder    the name of the {@link QuerySetBuilder} that made them
 * @param parameters its parameters, by name (sorted)
 * @param outcome    what the build found or did, by name (sorted; may be empty)
 * @param seed       the seed they were made with
 * @param sha256     a hash of the images, for provenance
 */
public record QuerySet(ImageBatch inputs, String builder, Map<String, String> parameters, Map<String, String> outcome,
                       long seed, String sha256) {

    /** Validates and freezes the maps. */
    public QuerySet {
        if (inputs == null) {
            throw new IllegalArgumentException("a query set needs its inputs");
        }
        if (inputs.count() < 2) {
            throw new IllegalArgumentException("a query set needs at least 2 queries (correlations are pairwise), got "
                    + inputs.count());
        }
        if (builder == null || builder.isBlank()) {
            throw new IllegalArgumentException("a query set must name the builder that made it");
        }
        parameters = Collections.unmodifiableSortedMap(new TreeMap<>(parameters == null ? Map.of() : parameters));
        outcome = Collections.unmodifiableSortedMap(new TreeMap<>(outcome == null ? Map.of() : outcome));
        String actual = inputs.sha256();
        if (sha256 != null && !sha256.equals(actual)) {
            throw new IllegalArgumentException("the query set's images hash to " + actual + ", not to the given "
                    + sha256 + ": the images were changed");
        }
        sha256 = actual;
    }

    /** A query set with no recorded outcome, whose hash is computed from {@code inputs}. */
    public static QuerySet of(ImageBatch inputs, String builder, Map<String, String> parameters, long seed) {
        return new QuerySet(inputs, builder, parameters, Map.of(), seed, null);
    }

    /** A query set whose hash is computed from {@code inputs}. */
    public static QuerySet of(ImageBatch inputs, String builder, Map<String, String> parameters,
                              Map<String, String> outcome, long seed) {
        return new QuerySet(inputs, builder, parameters, outcome, seed, null);
    }

    /** Number of queries. */
    public int size() {
        return inputs.count();
    }
}
