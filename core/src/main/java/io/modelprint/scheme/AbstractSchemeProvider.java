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
package io.modelprint.scheme;

import io.modelprint.config.Parameters;

/**
 * The base of a provider whose name, description and typed parameters are fixed: subclasses
 * only put the scheme together in {@link #create(SchemeInputs)}, and keep a public no-argument
 * constructor for {@code ServiceLoader}.
 *
 * <pre>{@code
 * public final class MyProvider extends AbstractSchemeProvider {
 *     public MyProvider() {
 *         super("mine", "CutMix queries, labels, mismatch rate", CutMixQueries.Config.defaults());
 *     }
 *     public FingerprintScheme<?> create(SchemeInputs inputs) {
 *         inputs.requireNoModels(name());
 *         Parameters.Values p = parameters().read(inputs.parameters());
 *         ...
 *     }
 * }
 * }</pre>
 */
public abstract class AbstractSchemeProvider implements SchemeProvider {

    private final String name;
    private final String description;
    private final Parameters parameters;

    /**
     * @param name        the scheme's name
     * @param description one line on what it does
     * @param defaults    one configuration record per part of its parameters, holding the defaults
     */
    protected AbstractSchemeProvider(String name, String description, Record... defaults) {
        this.name = name;
        this.description = description;
        this.parameters = Parameters.of("scheme " + name, defaults);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final Parameters parameters() {
        return parameters;
    }
}
