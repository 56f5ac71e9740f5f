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
import io.modelprint.ImageBatch;
import io.modelprint.LabeledImages;
import io.modelprint.Model;
import io.modelprint.OutputKind;
import io.modelprint.Predictions;
import io.modelprint.ProgressListener;
import io.modelprint.QuerySet;
import io.modelprint.QuerySetBuilder;
import io.modelprint.Threshold;
import io.modelprint.Verifier;
import io.modelprint.fingerprint.CombinedFingerprint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * Several schemes as one, so that each stolen family is caught by the scheme that sees it: SAC-m
 * on logits catches fine-tuned copies, AKH catches students extracted from labels.
 *
 * <p>The query set is the component query sets one after another; each component reads its own
 * part of the answers. The combined distance is the smallest component distance divided by that
 * component's measured default (as a scale, whatever parameters it was measured with), so the
 * combined default threshold is 1, "stolen when any component is below its own threshold", and
 * exists only when every component has a default measured for its parameters.
 *
 * <p>When every component has control queries (as {@code akh-excess} and {@code error-profile}
 * do), the combination's {@link FingerprintScheme#parts() parts} are its components: a verifier
 * with references, given or self-trained, calibrates each on its own answers, for a suspect of its
 * own accuracy, and decides from the parts ({@code FingerprintVerifier}). Otherwise the facade
 * calibrates the combined distance directly, which accounts for the several chances a combination
 * has to be wrong. The last component's block may be shorter than its query builder's
 * {@link QuerySetBuilder#size()} (error-profile takes the mistakes a strong victim makes, down to
 * its minimum); the others' are exactly as long.
 *
 * <pre>{@code
 * FingerprintScheme<?> both = Schemes.create("combined", Map.of("schemes", "sac-m,akh"));
 * }</pre>
 */
public final class CombinedScheme {

    private CombinedScheme() {
    }

    /**
     * Combines {@code components} under {@code name}; each component's part of the answers is as
     * long as its query builder's {@link QuerySetBuilder#size()}.
     */
    public static FingerprintScheme<CombinedFingerprint> of(String name, Map<String, String> parameters,
                                                            List<FingerprintScheme<?>> components) {
        return of(name, parameters, components, false);
    }

    /**
     * Combines {@code components} under {@code name}. With {@code sharedQueries} the components
     * must choose the very same queries from the owner data (as {@code akh-excess} with 500 queries
     * of which 200 controls and {@code error-profile} do: the victim's first 300 mistakes, then its
     * first 200 correct samples), which the suspect is then asked once; every component reads all
     * the answers.
     */
    public static FingerprintScheme<CombinedFingerprint> of(String name, Map<String, String> parameters,
                                                            List<FingerprintScheme<?>> components, boolean sharedQueries) {
        if (components.isEmpty()) {
            throw new IllegalArgumentException("a combined scheme needs at least one component");
        }
        int[] sizes = new int[components.size()];
        for (int k = 0; k < sizes.length; k++) {
            sizes[k] = components.get(k).queryBuilder().size();
        }
        OutputKind preferred = OutputKind.LABELS;
        for (FingerprintScheme<?> c : components) {
            preferred = preferred.richer(c.preferredRepresentation());
        }
        QuerySetBuilder builder = new Queries(name, components, parameters,
                sharedQueries ? Arrays.stream(sizes).max().orElseThrow() : Arrays.stream(sizes).sum(), sharedQueries);
        Function<Predictions, List<Predictions>> blocks = sharedQueries
                ? answers -> Collections.nCopies(components.size(), answers)
                : answers -> split(components, answers);
        boolean calibratedParts = components.stream().allMatch(c -> c.competence() != Competence.NONE && c.parts().isEmpty());
        return new FingerprintScheme<>(name, parameters, builder,
                rep -> new Extractor(name, rep, components, blocks),
                new Distance(components, calibratedParts),
                preferred,
                rep -> components.stream().allMatch(c -> c.defaultThreshold(rep).isPresent())
                        ? Optional.of(new Threshold(1.0, Threshold.Source.MEASURED_DEFAULT, OptionalDouble.empty(),
                        "1 on the combined scale: stolen when any component is below its own default threshold"))
                        : Optional.empty(),
                Competence.NONE,
                calibratedParts ? new FingerprintScheme.Parts(components, blocks) : FingerprintScheme.Parts.NONE);
    }

    /**
     * Each component's block of answers to a combined query set, in order: every block but the
     * last is as long as its component's query builder's {@link QuerySetBuilder#size()}, the last
     * takes the rest, at least one answer and at most its own size.
     *
     * <pre>{@code
     * List<Predictions> blocks = CombinedScheme.split(scheme.parts(), suspectAnswers);
     * }</pre>
     *
     * @throws IllegalArgumentException if the answers cannot be split so
     */
    public static List<Predictions> split(List<FingerprintScheme<?>> components, Predictions answers) {
        int fixed = 0;
        for (int k = 0; k < components.size() - 1; k++) {
            fixed += components.get(k).queryBuilder().size();
        }
        int lastSize = components.get(components.size() - 1).queryBuilder().size();
        int rest = answers.count() - fixed;
        if (rest < 1 || rest > lastSize) {
            throw new IllegalArgumentException("a combination of " + components.stream().map(FingerprintScheme::name).toList()
                    + " expects answers to " + fixed + " queries plus 1 to " + lastSize + " for its last component, got "
                    + answers.count() + ": answer the combination's own query set");
        }
        List<Predictions> out = new ArrayList<>();
        int from = 0;
        for (int k = 0; k < components.size(); k++) {
            int size = k < components.size() - 1 ? components.get(k).queryBuilder().size() : rest;
            int[] idx = new int[size];
            for (int i = 0; i < size; i++) {
                idx[i] = from + i;
            }
            from += size;
            out.add(answers.select(idx));
        }
        return out;
    }

    /** Each component's distance over its default threshold, for one representation. */
    static double normalizedDistance(FingerprintScheme<?> component, Fingerprint victim, Fingerprint suspect) {
        double d = rawDistance(component, victim, suspect);
        double t = DefaultThresholds.scale(component.name(), victim.representation()).orElseThrow(
                () -> new IllegalStateException("component " + component.name() + " has no measured default on "
                        + victim.representation() + ": a combination divides each distance by its component's "
                        + "default, so combine schemes with measured defaults"));
        if (!(t > 0)) {
            throw new IllegalStateException("component " + component.name() + " has default threshold " + t
                    + " for " + victim.representation() + ": a combination needs positive thresholds");
        }
        return d / t;
    }

    @SuppressWarnings("unchecked")
    private static <F extends Fingerprint> double rawDistance(FingerprintScheme<F> component, Fingerprint victim,
                                                              Fingerprint suspect) {
        return component.verifier().distance((F) victim, (F) suspect);
    }

    private static final class Queries implements QuerySetBuilder {
        private final String name;
        private final List<FingerprintScheme<?>> components;
        private final Map<String, String> parameters;
        private final int size;
        private final boolean shared;

        Queries(String name, List<FingerprintScheme<?>> components, Map<String, String> parameters, int size,
                boolean shared) {
            this.name = name;
            this.components = components;
            this.parameters = parameters;
            this.size = size;
            this.shared = shared;
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Map<String, String> parameters() {
            return parameters;
        }

        @Override
        public QuerySet build(Model victim, LabeledImages ownerData, long seed, ProgressListener progress) {
            ImageBatch all = null;
            Map<String, String> outcome = new LinkedHashMap<>();
            for (int k = 0; k < components.size(); k++) {
                FingerprintScheme<?> c = components.get(k);
                QuerySet part = c.queryBuilder().build(victim, ownerData, seed, progress);
                if (shared) {
                    part.outcome().forEach((key, v) -> outcome.put(c.name() + "." + key, v));
                    if (all == null) {
                        all = part.inputs();
                    } else if (!all.sha256().equals(part.inputs().sha256())) {
                        throw new IllegalArgumentException("scheme " + name + " shares one query set among its "
                                + "components, but " + c.name() + " chose other queries (" + part.size() + ") than "
                                + components.get(0).name() + " (" + all.count() + ") from these owner data: give "
                                + "them parameters that choose the same samples, or set shared-queries=false");
                    }
                    continue;
                }
                if (k < components.size() - 1 && part.size() != c.queryBuilder().size()) {
                    throw new IllegalArgumentException("scheme " + name + ": component " + c.name() + " built "
                            + part.size() + " queries, not its " + c.queryBuilder().size() + "; only the last "
                            + "component's query set may be shorter: name " + c.name() + " last");
                }
                part.outcome().forEach((key, v) -> outcome.put(c.name() + "." + key, v));
                all = all == null ? part.inputs() : all.concat(part.inputs());
            }
            return QuerySet.of(all, name, parameters, outcome, seed);
        }
    }

    private static final class Extractor implements FingerprintExtractor<CombinedFingerprint> {
        private final String name;
        private final OutputKind representation;
        private final List<FingerprintScheme<?>> components;
        private final Function<Predictions, List<Predictions>> split;

        Extractor(String name, OutputKind representation, List<FingerprintScheme<?>> components,
                  Function<Predictions, List<Predictions>> split) {
            this.name = name;
            this.representation = representation;
            this.components = components;
            this.split = split;
        }

        @Override
        public CombinedFingerprint extract(Predictions answers) {
            List<Predictions> blocks;
            try {
                blocks = split.apply(answers);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("scheme " + name + ": " + e.getMessage(), e);
            }
            List<Fingerprint> parts = new ArrayList<>();
            for (int k = 0; k < blocks.size(); k++) {
                FingerprintScheme<?> c = components.get(k);
                OutputKind rep = c.representationFor(representation);
                parts.add(c.extractor(rep).extract(blocks.get(k)));
            }
            return new CombinedFingerprint(name, representation, parts);
        }
    }

    /**
     * The smallest component distance over its default's scale. A combination calibrated part by
     * part leaves out the components with no measured default (its verifier decides from the
     * parts, and this distance only serves a threshold the user gives); any other combination
     * needs a scale for every component.
     */
    private static final class Distance implements Verifier<CombinedFingerprint> {
        private final List<FingerprintScheme<?>> components;
        private final boolean skipUnscaled;

        Distance(List<FingerprintScheme<?>> components, boolean skipUnscaled) {
            this.components = components;
            this.skipUnscaled = skipUnscaled;
        }

        @Override
        public String name() {
            return "min-normalised(" + String.join(",", components.stream().map(FingerprintScheme::name).toList())
                    .toLowerCase(Locale.ROOT) + ")";
        }

        @Override
        public double distance(CombinedFingerprint victim, CombinedFingerprint suspect) {
            Verifier.checkComparable(victim, suspect);
            double best = Double.POSITIVE_INFINITY;
            for (int k = 0; k < components.size(); k++) {
                if (skipUnscaled && DefaultThresholds.scale(components.get(k).name(),
                        victim.parts().get(k).representation()).isEmpty()) {
                    continue;
                }
                best = Math.min(best, normalizedDistance(components.get(k), victim.parts().get(k),
                        suspect.parts().get(k)));
            }
            if (best == Double.POSITIVE_INFINITY) {
                throw new IllegalStateException("no component of " + components.stream().map(FingerprintScheme::name).toList()
                        + " has a measured default on " + victim.representation() + " to put its distance on the "
                        + "combined scale: give reference models, which calibrate each part");
            }
            return best;
        }
    }
}
