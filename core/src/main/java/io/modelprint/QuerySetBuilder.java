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

import java.util.Map;

/**
 * Chooses the inputs a fingerprint is read on: the first of a scheme's three parts (then a
 * {@link FingerprintExtractor} reads each model's answers, and a {@link Verifier} compares).
 *
 * <p>SAC-m mixes owner samples with CutMix, SAC-w keeps samples the victim gets wrong, IPGuard
 * moves samples to the victim's decision boundary. Builders are deterministic: the same victim,
 * data and seed give the same query set. The built-in ones live in {@code io.modelprint.query}.
 *
 * <pre>{@code
 * QuerySetBuilder b = new CutMixQueries(CutMixQueries.Config.defaults());
 * QuerySet q = b.build(victim, ownerData, 3);
 * assert q.size() == b.size();
 * }</pre>
 */
public interface QuerySetBuilder {

    /** A short name, such as {@code cutmix}. */
    String name();

    /** The builder's parameters by name, recorded in the query set's provenance. */
    Map<String, String> parameters();

    /** How many queries {@link #build} returns: a combination of schemes splits answers by it. */
    int size();

    /**
     * Builds a query set of {@link #size()} queries.
     *
     * @param victim    the owner's model (some builders only check its input shape)
     * @param ownerData labelled owner samples to draw from
     * @param seed      the seed; the same seed gives the same query set
     * @param progress  receives progress of long builds
     * @throws IllegalArgumentException if the data cannot give the queries asked for; the message
     *                                  says how many were found and how many were asked
     */
    QuerySet build(Model victim, LabeledImages ownerData, long seed, ProgressListener progress);

    /** {@link #build(Model, LabeledImages, long, ProgressListener)} without progress reports. */
    default QuerySet build(Model victim, LabeledImages ownerData, long seed) {
        return build(victim, ownerData, seed, ProgressListener.NONE);
    }
}
