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
import io.modelprint.fingerprint.ProfileExtractor;
import io.modelprint.fingerprint.ProfileFingerprint;
import io.modelprint.query.MistakeQueries;
import io.modelprint.verifier.ProfileCorrelation;

/**
 * {@code error-profile}: how the suspect errs where the victim errs. The queries are up to 300
 * owner samples the victim misclassifies and 200 it classifies correctly
 * ({@link MistakeQueries}); the fingerprint is each model's centred log-probabilities on the
 * mistakes ({@link ProfileExtractor}); the distance is one minus their correlation
 * ({@link ProfileCorrelation}). A copy of the victim, or a student distilled from its
 * probabilities, leans to the same wrong classes by the same amounts; an independent model shares
 * only what the data makes hard. Label-only suspects are compared on the mistakes' labels. The
 * controls measure each model's accuracy ({@link Competence}), with which the verifier compares a
 * suspect to reference models of its own strength and refuses to judge a model that does not
 * work. Needs no model but the victim, and works on black boxes.
 *
 * <pre>{@code
 * FingerprintScheme<?> s = Schemes.create("error-profile", Map.of("mistakes", "200"));
 * }</pre>
 */
public final class ErrorProfileProvider extends AbstractSchemeProvider {

    /** The scheme's name. */
    public static final String NAME = "error-profile";

    /** The provider, as {@code ServiceLoader} makes it. */
    public ErrorProfileProvider() {
        super(NAME, "how the suspect's probabilities lean on the victim's mistakes (one minus their correlation); "
                + "labels on label-only suspects", MistakeQueries.Config.defaults());
    }

    @Override
    public FingerprintScheme<ProfileFingerprint> create(SchemeInputs inputs) {
        inputs.requireNoModels(NAME);
        Parameters.Values p = parameters().read(inputs.parameters());
        MistakeQueries.Config config = p.get(MistakeQueries.Config.class);
        int controls = config.controls();
        return new FingerprintScheme<>(NAME, p.map(), new MistakeQueries(config),
                rep -> new ProfileExtractor(NAME, rep, controls), new ProfileCorrelation(), OutputKind.LOGITS,
                rep -> DefaultThresholds.forScheme(NAME, p.map(), rep), Competence.onLastQueries(controls));
    }
}
