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
import io.modelprint.QuerySetBuilder;
import io.modelprint.config.Param;
import io.modelprint.config.Parameters;
import io.modelprint.fingerprint.CorrelationExtractor;
import io.modelprint.fingerprint.CorrelationFingerprint;
import io.modelprint.fingerprint.ProbabilityScale;
import io.modelprint.kernel.CorrelationFunction;
import io.modelprint.verifier.MeanAbsoluteDifference;
import java.util.Map;

/**
 * The fingerprint-side parameters of the SAC schemes, and the assembly SAC-m and SAC-w share: a
 * correlation fingerprint of the chosen representation, compared by
 * {@link MeanAbsoluteDifference}.
 *
 * <pre>{@code
 * CorrelationSettings c = new CorrelationSettings(CorrelationFunction.Kind.GAUSSIAN, 0.5, OutputKind.PROBABILITIES, 1.0,
 *         ProbabilityScale.LOG);
 * FingerprintScheme<CorrelationFingerprint> s = c.scheme("sac-m", parameters, new CutMixQueries(CutMixQueries.Config.defaults()));
 * }</pre>
 *
 * @param correlation how two output rows become one correlation (default cosine)
 * @param gamma       the Gaussian correlation's width (default 1; Gaussian only)
 * @param output      the representation compared when both models give it (default logits, as SAC's reference)
 * @param temperature softmax temperature when logits are compared as probabilities (default 1)
 * @param probabilityScale how probabilities are compared (default {@code log}: centred
 *                    log-probabilities, so a temperature the suspect's API applies changes nothing;
 *                    {@code linear}: the probabilities as they are, SAC's reference computation on a
 *                    probability API, which a served temperature of 0.5 or 3 moved by 0.10 to 0.12
 *                    of AUC on the PyTorch development victims)
 */
public record CorrelationSettings(
        @Param(description = "how two output rows become a correlation")
        CorrelationFunction.Kind correlation,
        @Param(description = "width of the Gaussian correlation (used by gaussian only)", min = 1e-9, max = 1e9)
        double gamma,
        @Param(description = "what is compared when both models can give it")
        OutputKind output,
        @Param(description = "softmax temperature when logits are compared as probabilities", min = 1e-6, max = 1e6)
        double temperature,
        @Param(description = "how probabilities are compared: log (centred log-probabilities, invariant to a "
                + "served temperature) or linear (as they are)")
        ProbabilityScale probabilityScale) {

    /**
     * Cosine correlation of the logits, as SAC's reference code computes it; probabilities, when a
     * suspect gives no logits, as centred log-probabilities.
     */
    public static final CorrelationSettings DEFAULTS = new CorrelationSettings(CorrelationFunction.Kind.COSINE, 1.0,
            OutputKind.LOGITS, 1.0, ProbabilityScale.LOG);

    /** Validates. */
    public CorrelationSettings {
        Parameters.check(CorrelationSettings.class, correlation, gamma, output, temperature, probabilityScale);
    }

    /** The correlation function these settings name. */
    public CorrelationFunction function() {
        return correlation == CorrelationFunction.Kind.COSINE ? CorrelationFunction.cosine()
                : CorrelationFunction.gaussian(gamma);
    }

    /** A correlation scheme called {@code name} with these settings, {@code builder}'s queries and the measured defaults. */
    public FingerprintScheme<CorrelationFingerprint> scheme(String name, Map<String, String> parameters,
                                                            QuerySetBuilder builder) {
        CorrelationFunction f = function();
        return new FingerprintScheme<>(name, parameters, builder,
                rep -> new CorrelationExtractor(name, rep, f, temperature, probabilityScale),
                new MeanAbsoluteDifference(), output,
                rep -> DefaultThresholds.forScheme(name, parameters, rep));
    }
}
