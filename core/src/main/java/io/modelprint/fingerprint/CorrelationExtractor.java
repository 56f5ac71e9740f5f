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
package io.modelprint.fingerprint;

import io.modelprint.FingerprintExtractor;
import io.modelprint.OutputKind;
import io.modelprint.Predictions;
import io.modelprint.kernel.CorrelationFunction;
import io.modelprint.kernel.Matrix;

/**
 * Turns answers into a {@link CorrelationFingerprint} of one representation:
 * <ul>
 *   <li>{@code LOGITS}: the logits as they are (SAC's reference); the answers must be logits;</li>
 *   <li>{@code PROBABILITIES}: on the {@link ProbabilityScale} chosen: the softmax of logits (at a
 *       temperature) or the probabilities given ({@code LINEAR}), or either as centred
 *       log-probabilities ({@code LOG}, the logits up to a shift, which a temperature the API
 *       applies does not change);</li>
 *   <li>{@code LABELS}: one-hot rows of the top-1 labels, so that two queries correlate fully
 *       when they get the same label and not at all otherwise (the label-only variant).</li>
 * </ul>
 *
 * <pre>{@code
 * var x = new CorrelationExtractor("sac-m", OutputKind.PROBABILITIES, CorrelationFunction.cosine());
 * CorrelationFingerprint fp = x.extract(model.predict(queries.inputs()));
 * }</pre>
 *
 * @param scheme         the scheme name recorded in fingerprints
 * @param representation what answers are turned into
 * @param correlation    the correlation function
 * @param temperature    softmax temperature for {@code PROBABILITIES} made from logits (1 = plain softmax)
 * @param scale          how {@code PROBABILITIES} are compared: as they are, or as centred log-probabilities
 */
public record CorrelationExtractor(String scheme, OutputKind representation, CorrelationFunction correlation,
                                   double temperature, ProbabilityScale scale)
        implements FingerprintExtractor<CorrelationFingerprint> {

    /** Validates. */
    public CorrelationExtractor {
        if (scheme == null || representation == null || correlation == null || scale == null) {
            throw new IllegalArgumentException("scheme, representation, correlation and scale must be given");
        }
        if (!(temperature > 0) || !Double.isFinite(temperature)) {
            throw new IllegalArgumentException("temperature must be finite and > 0, got " + temperature);
        }
    }

    /** An extractor at temperature 1 that compares probabilities as centred log-probabilities. */
    public CorrelationExtractor(String scheme, OutputKind representation, CorrelationFunction correlation) {
        this(scheme, representation, correlation, 1.0, ProbabilityScale.LOG);
    }

    @Override
    public CorrelationFingerprint extract(Predictions answers) {
        return new CorrelationFingerprint(scheme, representation, correlation, outputs(answers));
    }

    private Matrix outputs(Predictions answers) {
        return switch (representation) {
            case LOGITS -> {
                if (answers.kind() != OutputKind.LOGITS) {
                    throw new IllegalArgumentException("this fingerprint compares logits but the model answered "
                            + answers.kind() + ": compare at the representation both models give");
                }
                yield answers.scores();
            }
            case PROBABILITIES -> {
                if (answers.kind() == OutputKind.LABELS) {
                    throw new IllegalArgumentException("this fingerprint compares probabilities but the model "
                            + "answered labels only: a label-only suspect is compared on labels");
                }
                if (scale == ProbabilityScale.LOG) {
                    double[] rows = ProbabilityScale.centredLogProbabilities(answers, temperature, answers.count());
                    float[] data = new float[rows.length];
                    for (int i = 0; i < rows.length; i++) {
                        data[i] = (float) rows[i];
                    }
                    yield Matrix.of(answers.count(), answers.numClasses(), data);
                }
                yield answers.kind() == OutputKind.LOGITS
                        ? answers.toProbabilities(temperature).scores() : answers.scores();
            }
            case LABELS -> Matrix.oneHot(answers.labels(), answers.numClasses());
        };
    }
}
