package io.modelprint.sac;

import io.modelprint.FingerprintScheme;
import io.modelprint.OutputKind;
import io.modelprint.SchemeParameters;
import io.modelprint.SchemeProvider;
import io.modelprint.Schemes;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SAC-m: CutMix queries ({@link CutMixQueries}), correlation fingerprint, mean absolute
 * difference. Needs no training and no victim gradients.
 *
 * <p>Parameters (defaults in brackets): {@code queries} [100], {@code cutRatio} [0.2],
 * {@code transpose} [false], {@code selection} [first], {@code correlation} [cosine] or gaussian,
 * {@code gamma} [1.0] (Gaussian only), {@code output} [labels]: the preferred representation,
 * {@code temperature} [1.0]: softmax temperature when logits are compared as probabilities.
 *
 * <p>Why labels by default, where SAC's reference compares logits: on the quick-start models
 * (see {@code default-thresholds.properties}) logits and probabilities separate fine-tuned copies
 * but put students extracted from the victim's labels farther from the victim than independent
 * models (logits: 0.084 to 0.094 against 0.056 to 0.100); one-hot labels separate both families
 * (stolen at most 0.0226, independent at least 0.0259). {@code output=logits} gives the reference
 * behaviour.
 *
 * <pre>{@code
 * FingerprintScheme<?> s = Schemes.create("sac-m", Map.of("queries", "300", "transpose", "true"));
 * }</pre>
 */
public final class SacMProvider implements SchemeProvider {

    /** The scheme's name. */
    public static final String NAME = "sac-m";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "SAC-m: correlation of outputs on CutMix-mixed owner samples; no training needed";
    }

    @Override
    public Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>(new CutMixQueries(CutMixQueries.Config.defaults()).parameters());
        d.putAll(SacParameters.defaults());
        return d;
    }

    @Override
    public FingerprintScheme<CorrelationFingerprint> create(Map<String, String> parameters) {
        Map<String, String> all = Schemes.withDefaults(NAME, defaults(), parameters);
        SchemeParameters p = new SchemeParameters(NAME, all);
        CutMixQueries builder = new CutMixQueries(new CutMixQueries.Config(
                p.integer("queries", 2, 1_000_000),
                p.number("cutRatio", 1e-9, 1 - 1e-9),
                p.bool("transpose"),
                p.choice("selection", CutMixQueries.Selection.class)));
        return SacParameters.scheme(NAME, all, p, builder);
    }
}
