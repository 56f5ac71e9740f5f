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

import io.modelprint.Fingerprint;
import io.modelprint.FingerprintExtractor;
import io.modelprint.OutputKind;
import io.modelprint.Predictions;
import io.modelprint.QuerySetBuilder;
import io.modelprint.Threshold;
import io.modelprint.Verifier;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A fingerprinting scheme: which queries ({@link QuerySetBuilder}), what to read from the answers
 * ({@link FingerprintExtractor}), and how to compare ({@link Verifier}), with its parameters and
 * its measured default thresholds. New schemes are new combinations of parts.
 *
 * <p>The extractor depends on the representation both models can give: a scheme that prefers
 * logits compares probabilities with a suspect behind a probability API, and labels with a
 * label-only one. {@link #representationFor} picks it; a fingerprint records it, so two
 * representations are never compared.
 *
 * <pre>{@code
 * FingerprintScheme<?> sacM = Schemes.create("sac-m");
 * OutputKind r = sacM.representationFor(OutputKind.LOGITS, OutputKind.PROBABILITIES); // PROBABILITIES
 * double d = sacM.distance(victimAnswers, suspectAnswers, r);
 * }</pre>
 *
 * @param name                    the scheme's name, such as {@code sac-m}
 * @param parameters              every parameter that affects results, by name (recorded in fingerprints)
 * @param queryBuilder            chooses the queries
 * @param extractors              the extractor for each representation
 * @param verifier                compares two fingerprints
 * @param preferredRepresentation what to compare when both models can give it
 * @param defaultThresholds       the measured default threshold for each representation, empty
 *                                where none was measured for these parameters
 * @param competence              the suspect's competence on the scheme's control queries
 *                                ({@link Competence#NONE} for schemes without controls)
 * @param parts                   the schemes a verifier with references calibrates one by one and
 *                                then combines (a combination of schemes that all have control
 *                                queries, see {@link CombinedScheme}); empty for a single scheme
 * @param <F>                     the fingerprint type
 */
public record FingerprintScheme<F extends Fingerprint>(
        String name,
        Map<String, String> parameters,
        QuerySetBuilder queryBuilder,
        Function<OutputKind, FingerprintExtractor<F>> extractors,
        Verifier<F> verifier,
        OutputKind preferredRepresentation,
        Function<OutputKind, Optional<Threshold>> defaultThresholds,
        Competence competence,
        FingerprintScheme.Parts parts) {

    /** Validates and freezes the parameters. */
    public FingerprintScheme {
        if (name == null || name.isBlank() || queryBuilder == null || extractors == null || verifier == null
                || preferredRepresentation == null || defaultThresholds == null || competence == null) {
            throw new IllegalArgumentException("a scheme needs a name, a query builder, extractors, a verifier, "
                    + "a preferred representation, default thresholds and a competence measure");
        }
        parameters = Collections.unmodifiableSortedMap(new TreeMap<>(parameters == null ? Map.of() : parameters));
        parts = parts == null ? Parts.NONE : parts;
    }

    /**
     * The parts of a combination that a verifier with references calibrates one by one, and how
     * the combination's answers divide among them.
     *
     * <pre>{@code
     * FingerprintScheme.Parts parts = Schemes.create("combined", Map.of("schemes", "akh-excess,error-profile")).parts();
     * List<Predictions> blocks = parts.split(suspectAnswers);   // one block per part
     * }</pre>
     *
     * @param schemes the parts, single schemes with control queries, in the order of their blocks
     * @param blocks  each part's answers, from answers to the combination's query set
     */
    public record Parts(List<FingerprintScheme<?>> schemes, Function<Predictions, List<Predictions>> blocks) {

        /** No parts: a single scheme, or a combination calibrated as one score. */
        public static final Parts NONE = new Parts(List.of(), answers -> List.of());

        /** Validates: every part has control queries and is a single scheme. */
        public Parts {
            schemes = List.copyOf(schemes);
            if (blocks == null) {
                throw new IllegalArgumentException("parts need a function that divides the answers among them");
            }
            for (FingerprintScheme<?> p : schemes) {
                if (p.competence() == Competence.NONE || !p.parts().isEmpty()) {
                    throw new IllegalArgumentException("a part calibrated on its own needs control queries and must "
                            + "be a single scheme, but " + p.name() + " is not");
                }
            }
        }

        /** Whether there are none. */
        public boolean isEmpty() {
            return schemes.isEmpty();
        }

        /** How many parts. */
        public int size() {
            return schemes.size();
        }

        /** Part {@code k}. */
        public FingerprintScheme<?> get(int k) {
            return schemes.get(k);
        }

        /**
         * Each part's block of {@code answers}.
         *
         * @throws IllegalArgumentException if the answers do not fit the combination's query set
         */
        public List<Predictions> split(Predictions answers) {
            List<Predictions> out = blocks.apply(answers);
            if (out.size() != schemes.size()) {
                throw new IllegalStateException(schemes.size() + " parts but the answers were divided in " + out.size());
            }
            return out;
        }
    }

    /** A single scheme with control queries (no {@link #parts()}). */
    public FingerprintScheme(String name, Map<String, String> parameters, QuerySetBuilder queryBuilder,
                             Function<OutputKind, FingerprintExtractor<F>> extractors, Verifier<F> verifier,
                             OutputKind preferredRepresentation,
                             Function<OutputKind, Optional<Threshold>> defaultThresholds, Competence competence) {
        this(name, parameters, queryBuilder, extractors, verifier, preferredRepresentation, defaultThresholds,
                competence, Parts.NONE);
    }

    /**
     * The representation to compare when the models answer the given kinds: the least
     * informative of the preferred representation and every kind (logits, then probabilities,
     * then labels).
     */
    public OutputKind representationFor(OutputKind... answerKinds) {
        OutputKind r = preferredRepresentation;
        for (OutputKind k : answerKinds) {
            r = r.poorer(k);
        }
        return r;
    }

    /** The extractor for {@code representation}. */
    public FingerprintExtractor<F> extractor(OutputKind representation) {
        return extractors.apply(representation);
    }

    /** The distance between two models' answers on the same query set, compared as {@code representation}. */
    public double distance(Predictions victimAnswers, Predictions suspectAnswers, OutputKind representation) {
        FingerprintExtractor<F> x = extractor(representation);
        return verifier.distance(x.extract(victimAnswers), x.extract(suspectAnswers));
    }

    /**
     * A scheme without control queries ({@link Competence#NONE}).
     */
    public FingerprintScheme(String name, Map<String, String> parameters, QuerySetBuilder queryBuilder,
                             Function<OutputKind, FingerprintExtractor<F>> extractors, Verifier<F> verifier,
                             OutputKind preferredRepresentation,
                             Function<OutputKind, Optional<Threshold>> defaultThresholds) {
        this(name, parameters, queryBuilder, extractors, verifier, preferredRepresentation, defaultThresholds,
                Competence.NONE, Parts.NONE);
    }

    /**
     * The default threshold measured for these parameters and {@code representation}, with the
     * measurement it comes from; empty where none was measured.
     */
    public Optional<Threshold> defaultThreshold(OutputKind representation) {
        return defaultThresholds.apply(representation);
    }
}
