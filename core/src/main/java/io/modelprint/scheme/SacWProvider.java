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
import io.modelprint.fingerprint.CorrelationFingerprint;
import io.modelprint.query.MisclassifiedQueries;

/**
 * SAC-w: owner samples the victim misclassifies ({@link MisclassifiedQueries}), correlation
 * fingerprint, mean absolute difference.
 *
 * <p>Parameters: those of {@link MisclassifiedQueries.Config} (100 queries by default) and the
 * fingerprint's, shared with SAC-m ({@link CorrelationSettings}). Given surrogates
 * ({@link SchemeInputs#withSurrogates}), it keeps only the samples that every surrogate also
 * misclassifies.
 *
 * <pre>{@code
 * FingerprintScheme<?> s = Schemes.create("sac-w", Map.of("queries", "50"));
 * FingerprintScheme<?> filtered = Schemes.create("sac-w", SchemeInputs.of(Map.of()).withSurrogates(ownCopies));
 * }</pre>
 */
public final class SacWProvider extends AbstractSchemeProvider {

    /** The scheme's name. */
    public static final String NAME = "sac-w";

    /** The provider, as {@code ServiceLoader} makes it. */
    public SacWProvider() {
        super(NAME, "SAC-w: correlation of outputs on owner samples the victim misclassifies (surrogates optional)",
                MisclassifiedQueries.Config.defaults(), CorrelationSettings.DEFAULTS);
    }

    @Override
    public boolean usesModels() {
        return true;
    }

    @Override
    public FingerprintScheme<CorrelationFingerprint> create(SchemeInputs inputs) {
        if (!inputs.selectionReferences().isEmpty()) {
            throw new IllegalArgumentException("scheme " + NAME + " filters its queries with surrogates only, but "
                    + inputs.selectionReferences().size() + " selection references were given");
        }
        Parameters.Values p = parameters().read(inputs.parameters());
        return p.get(CorrelationSettings.class).scheme(NAME, p.map(),
                new MisclassifiedQueries(p.get(MisclassifiedQueries.Config.class), inputs.surrogates()));
    }
}
