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
package io.modelprint.benchmarks.detection;

import io.modelprint.AbstractModel;
import io.modelprint.ImageBatch;
import io.modelprint.Model;
import io.modelprint.OutputKind;
import io.modelprint.Predictions;
import io.modelprint.scheme.ConferrableProvider;
import io.modelprint.scheme.FingerprintScheme;
import io.modelprint.scheme.SchemeInputs;
import io.modelprint.scheme.Schemes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scheme as the detection benchmark runs it: a label for the tables and the configured scheme.
 *
 * <pre>{@code
 * SchemeUnderTest s = SchemeUnderTest.of("sac-m/probabilities", "sac-m", Map.of("output", "probabilities"));
 * }</pre>
 *
 * @param label  how tables name it, such as {@code sac-m/probabilities}
 * @param scheme the scheme
 */
public record SchemeUnderTest(String label, FingerprintScheme<?> scheme) {

    /** A scheme by name with parameters. */
    public static SchemeUnderTest of(String label, String name, Map<String, String> parameters) {
        return new SchemeUnderTest(label, Schemes.create(name, parameters));
    }

    /**
     * A scheme as the command line names it: a label of {@link #standard()}, or a registry name
     * with optional parameters, {@code name:key=value:key=value} (labelled as written).
     *
     * @throws IllegalArgumentException naming the scheme or parameter that is not known
     */
    public static SchemeUnderTest parse(String spec) {
        for (SchemeUnderTest s : standard()) {
            if (s.label().equals(spec)) {
                return s;
            }
        }
        String[] parts = spec.split(":");
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("scheme '" + spec + "': parameter '" + parts[i]
                        + "' is not key=value (write name:key=value:key=value)");
            }
            params.put(parts[i].substring(0, eq), parts[i].substring(eq + 1));
        }
        return of(spec, parts[0], params);
    }

    /**
     * The schemes the benchmark scores: faithful SAC-m on logits and on probabilities, SAC-m with
     * transposed queries, SAC-m on labels only, SAC-w, AKH, AKH corrected for general agreement
     * ({@code akh-excess}), IPGuard, SAC-m combined with AKH, and the error profile.
     */
    public static List<SchemeUnderTest> standard() {
        return List.of(
                of("sac-m", "sac-m", Map.of()),
                of("sac-m/probabilities", "sac-m", Map.of("output", "probabilities")),
                of("sac-m/transpose", "sac-m", Map.of("transpose", "true")),
                of("sac-m/labels", "sac-m", Map.of("output", "labels")),
                of("sac-w", "sac-w", Map.of()),
                of("sac-w/probabilities", "sac-w", Map.of("output", "probabilities")),
                of("akh", "akh", Map.of()),
                of("akh-excess", "akh-excess", Map.of()),
                of("ipguard", "ipguard", Map.of()),
                of("combined", "combined", Map.of()),
                of("error-profile", "error-profile", Map.of()));
    }

    /**
     * The schemes that need the owner's own models: conferrable queries with the default (labels,
     * surrogates pooled by their minimum), on probabilities, and pooled by the mean.
     */
    public static List<SchemeUnderTest> withOwnerModels(List<? extends Model> surrogates,
                                                        List<? extends Model> references) {
        SchemeInputs owner = SchemeInputs.of(Map.of()).withSurrogates(surrogates).withSelectionReferences(references);
        return List.of(
                conferrable("conferrable", owner, Map.of()),
                conferrable("conferrable/probabilities", owner, Map.of("output", "probabilities")),
                conferrable("conferrable/mean", owner, Map.of("aggregate", "mean")));
    }

    private static SchemeUnderTest conferrable(String label, SchemeInputs owner, Map<String, String> parameters) {
        return new SchemeUnderTest(label, Schemes.create(ConferrableProvider.NAME, owner.withParameters(parameters)));
    }

    /**
     * The ablation run on the development zoo, the part that needs no owner models: one change at
     * a time from faithful SAC-m (more queries, bigger boxes, random samples, the Gaussian kernel,
     * temperature), from AKH (query budget) and from akh-excess (control count, mistake count,
     * random selection).
     */
    public static List<SchemeUnderTest> ablation() {
        List<SchemeUnderTest> out = new ArrayList<>();
        out.add(of("sac-m/q300", "sac-m", Map.of("queries", "300")));
        out.add(of("sac-m/box0.5", "sac-m", Map.of("cutRatio", "0.5")));
        out.add(of("sac-m/random", "sac-m", Map.of("selection", "random")));
        out.add(of("sac-m/gaussian", "sac-m", Map.of("correlation", "gaussian")));
        out.add(of("sac-m/probabilities/t3", "sac-m", Map.of("output", "probabilities", "temperature", "3")));
        out.add(of("akh", "akh", Map.of()));
        out.add(of("akh/q100", "akh", Map.of("queries", "100")));
        out.add(of("akh/q300", "akh", Map.of("queries", "300")));
        out.add(of("akh-excess", "akh-excess", Map.of()));
        // 200 mistakes with 50 or 200 controls; 100 mistakes with 100 controls
        out.add(of("akh-excess/c50", "akh-excess", Map.of("queries", "250", "controls", "50")));
        out.add(of("akh-excess/c200", "akh-excess", Map.of("queries", "400", "controls", "200")));
        out.add(of("akh-excess/q100-c100", "akh-excess", Map.of("queries", "200", "controls", "100")));
        out.add(of("akh-excess/random", "akh-excess", Map.of("selection", "random")));
        return out;
    }

    /**
     * The ablation of the conferrable scheme with one victim's owner models: one change at a time
     * from 300 queries on labels, surrogates pooled by their mean, natural and mixed candidates
     * (query budget and output, candidate pool, pooling, no references).
     */
    public static List<SchemeUnderTest> conferrableAblation(Model victim, List<? extends Model> surrogates,
                                                            List<? extends Model> references) {
        SchemeInputs owner = SchemeInputs.of(Map.of()).withSurrogates(surrogates).withSelectionReferences(references);
        List<SchemeUnderTest> out = new ArrayList<>();
        // every conferrable variant names its parameters, so that labels keep their meaning when defaults change
        for (String q : List.of("25", "50", "100", "300", "1000")) {
            out.add(conferrable("conferrable/labels/q" + q, owner, Map.of("queries", q, "output", "labels",
                    "aggregate", "mean")));
            out.add(conferrable("conferrable/probabilities/q" + q, owner, Map.of("queries", q,
                    "output", "probabilities", "aggregate", "mean")));
        }
        out.add(conferrable("conferrable/natural-only", owner, Map.of("mixed", "0", "natural", "4000",
                "output", "labels", "aggregate", "mean")));
        out.add(conferrable("conferrable/mixed-only", owner, Map.of("natural", "0", "mixed", "4000",
                "output", "labels", "aggregate", "mean")));
        out.add(conferrable("conferrable/min", owner, Map.of("output", "labels", "aggregate", "min")));
        out.add(conferrable("conferrable/no-references", owner.withSelectionReferences(List.of(new NeverAgrees(victim))),
                Map.of("output", "labels", "aggregate", "mean")));
        return out;
    }

    /**
     * A stand-in reference that never gives the victim's label (it answers the victim's label plus
     * one), so that only the surrogates choose the queries: the ablation of the references' part.
     */
    private static final class NeverAgrees extends AbstractModel {
        private final Model victim;

        NeverAgrees(Model victim) {
            super("never-agrees", victim.inputShape(), victim.numClasses(), OutputKind.LABELS);
            this.victim = victim;
        }

        @Override
        protected Predictions answer(ImageBatch batch) {
            int[] l = victim.predict(batch).labels();
            for (int i = 0; i < l.length; i++) {
                l[i] = (l[i] + 1) % numClasses();
            }
            return Predictions.ofLabels(l, numClasses());
        }
    }
}
