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

import io.modelprint.QuerySetBuilder;
import io.modelprint.config.Parameters;
import java.util.Map;

/**
 * The base of a query-set builder made from one configuration record: it keeps the record, and
 * its {@link #parameters()} are the record's, as {@link Parameters#toMap} writes them. Subclasses
 * build.
 *
 * <pre>{@code
 * final class EveryOtherSample extends AbstractQuerySetBuilder<EveryOtherSample.Config> {
 *     record Config(@Param(name = "queries", description = "number of queries", min = 2) int count) { }
 *     EveryOtherSample(Config c) { super("every-other", c); }
 *     public int size() { return config().count(); }
 *     public QuerySet build(Model victim, LabeledImages owner, long seed, ProgressListener progress) { ... }
 * }
 * }</pre>
 *
 * @param <C> the configuration record
 */
public abstract class AbstractQuerySetBuilder<C extends Record> implements QuerySetBuilder {

    private final String name;
    private final C config;

    /**
     * @param name   the builder's short name, recorded in query sets
     * @param config its parameters
     * @throws IllegalArgumentException if {@code config} is null
     */
    protected AbstractQuerySetBuilder(String name, C config) {
        if (config == null) {
            throw new IllegalArgumentException("query builder " + name + " needs its configuration, got null");
        }
        this.name = name;
        this.config = config;
    }

    /** This builder's parameters. */
    public C config() {
        return config;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Map<String, String> parameters() {
        return Parameters.toMap(config);
    }
}
