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
import io.modelprint.query.CutMixQueries;

/**
 * SAC-m: CutMix queries ({@link CutMixQueries}), correlation fingerprint, mean absolute
 * difference. Needs no training and no victim gradients.
 *
 * <p>Parameters: those of {@link CutMixQueries.Config} (the queries) and {@link CorrelationSettings}
 * (the fingerprint), declared there with their defaults; {@code modelprint fingerprint --help} lists
 * them. The defaults follow SAC's reference code: 100 queries, box side 0.2, cosine correlation of
 * the logits.
 *
 * <p>Measured on the quick-start setting (see {@code default-thresholds.properties}): on logits it
 * separates fine-tuned copies clearly (0.009 to 0.012 against 0.041 and more for independent
 * models) but puts students extracted from the victim's labels farther than independent models
 * (0.12 to 0.17): the label schemes ({@code akh-excess}, the default, and {@code akh}) catch those,
 * and {@code combined} pairs SAC-m with AKH.
 *
 * <pre>{@code
 * FingerprintScheme<?> s = Schemes.create("sac-m", Map.of("queries", "300", "transpose", "true"));
 * }</pre>
 */
public final class SacMProvider extends AbstractSchemeProvider {

    /** The scheme's name. */
    public static final String NAME = "sac-m";

    /** The provider, as {@code ServiceLoader} makes it. */
    public SacMProvider() {
        super(NAME, "SAC-m: correlation of outputs on CutMix-mixed owner samples; no training needed",
                CutMixQueries.Config.defaults(), CorrelationSettings.DEFAULTS);
    }

    @Override
    public FingerprintScheme<CorrelationFingerprint> create(SchemeInputs inputs) {
        inputs.requireNoModels(NAME);
        Parameters.Values p = parameters().read(inputs.parameters());
        return p.get(CorrelationSettings.class).scheme(NAME, p.map(),
                new CutMixQueries(p.get(CutMixQueries.Config.class)));
    }
}
