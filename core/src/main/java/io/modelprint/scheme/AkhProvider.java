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
import io.modelprint.query.MisclassifiedQueries;
import io.modelprint.query.SampleSelection;
import io.modelprint.verifier.MismatchRate;
import java.util.List;

/**
 * AKH: the labels a suspect gives on owner samples the victim misclassifies, compared by
 * {@link MismatchRate}. A model derived from the victim repeats its mistakes; independent models
 * mostly get those samples right, or wrong in another way. Works on label-only suspects.
 *
 * <p>Parameters: those of {@link MisclassifiedQueries.Config}, with {@value #DEFAULT_QUERIES}
 * queries by default.
 *
 * <p>Measured on the quick-start setting (victims on 4,000 Fashion-MNIST images; see
 * {@code default-thresholds.properties}): with 200 queries, copies fine-tuned from three MLP
 * victims and students extracted from their labels mismatch on 0.19 to 0.30 of the victim's
 * mistakes, independent models on 0.345 to 0.505. 200 rather than 100 queries, because at 100
 * the two ranges touch (0.18 to 0.36 against 0.30 to 0.60).
 *
 * <pre>{@code
 * FingerprintScheme<?> akh = Schemes.create("akh");
 * }</pre>
 */
public final class AkhProvider extends AbstractSchemeProvider {

    /** The scheme's name. */
    public static final String NAME = "akh";

    /** Default number of queries. */
    public static final int DEFAULT_QUERIES = 200;

    /** The provider, as {@code ServiceLoader} makes it. */
    public AkhProvider() {
        super(NAME, "AKH: agreement with the victim's labels on the owner samples it misclassifies",
                new MisclassifiedQueries.Config(DEFAULT_QUERIES, SampleSelection.FIRST));
    }

    @Override
    public FingerprintScheme<LabelFingerprint> create(SchemeInputs inputs) {
        inputs.requireNoModels(NAME);
        Parameters.Values p = parameters().read(inputs.parameters());
        MisclassifiedQueries builder = new MisclassifiedQueries(p.get(MisclassifiedQueries.Config.class), List.of());
        LabelExtractor extractor = new LabelExtractor(NAME);
        return new FingerprintScheme<>(NAME, p.map(), builder, rep -> extractor, new MismatchRate(), OutputKind.LABELS,
                rep -> DefaultThresholds.forScheme(NAME, p.map(), OutputKind.LABELS));
    }
}
