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

import io.modelprint.OutputKind;
import io.modelprint.config.Parameters;
import io.modelprint.fingerprint.LabelExtractor;
import io.modelprint.fingerprint.LabelFingerprint;
import io.modelprint.query.BoundaryQueries;
import io.modelprint.verifier.MismatchRate;

/**
 * IPGuard, the adversarial baseline: owner samples pushed to the victim's decision boundary
 * ({@link BoundaryQueries}), the victim's labels on them as the fingerprint, and the share of
 * labels a suspect changes as the distance ({@link MismatchRate}). Needs a white-box victim.
 *
 * <p>Parameters: those of {@link BoundaryQueries.Config} (100 queries, margin 10, Adam at 0.01
 * for at most 1,000 steps by default, as in the references).
 *
 * <pre>{@code
 * FingerprintVerifier v = FingerprintVerifier.ipGuard().ownerData(data).build();
 * }</pre>
 */
public final class IpGuardProvider extends AbstractSchemeProvider {

    /** The scheme's name. */
    public static final String NAME = "ipguard";

    /** The provider, as {@code ServiceLoader} makes it. */
    public IpGuardProvider() {
        super(NAME, "IPGuard: labels on owner samples pushed to the victim's decision boundary (needs victim gradients)",
                BoundaryQueries.Config.defaults());
    }

    @Override
    public FingerprintScheme<LabelFingerprint> create(SchemeInputs inputs) {
        inputs.requireNoModels(NAME);
        Parameters.Values p = parameters().read(inputs.parameters());
        LabelExtractor extractor = new LabelExtractor(NAME);
        return new FingerprintScheme<>(NAME, p.map(), new BoundaryQueries(p.get(BoundaryQueries.Config.class)),
                rep -> extractor, new MismatchRate(), OutputKind.LABELS,
                rep -> DefaultThresholds.forScheme(NAME, p.map(), OutputKind.LABELS));
    }
}
