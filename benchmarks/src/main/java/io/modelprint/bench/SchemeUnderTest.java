package io.modelprint.bench;

import io.modelprint.FingerprintScheme;
import io.modelprint.Schemes;
import java.util.List;
import java.util.Map;

/**
 * A scheme as the detection benchmark runs it: a label for the tables and the configured scheme.
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
     * The schemes the benchmark scores: faithful SAC-m on logits and on probabilities, SAC-m with
     * transposed queries, SAC-m on labels only, SAC-w, AKH, IPGuard, and the default combination.
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
                of("ipguard", "ipguard", Map.of()),
                of("combined", "combined", Map.of()));
    }

    /**
     * The schemes that need the owner's own models: conferrable queries on probabilities and on
     * labels only, with surrogate agreement pooled by mean and by minimum.
     */
    public static List<SchemeUnderTest> withOwnerModels(List<? extends io.modelprint.Model> surrogates,
                                                        List<? extends io.modelprint.Model> references) {
        var p = new io.modelprint.conferrable.ConferrableProvider();
        return List.of(
                new SchemeUnderTest("conferrable", p.create(Map.of(), surrogates, references)),
                new SchemeUnderTest("conferrable/labels", p.create(Map.of("output", "labels"), surrogates, references)),
                new SchemeUnderTest("conferrable/min", p.create(Map.of("aggregate", "min"), surrogates, references)));
    }
}
