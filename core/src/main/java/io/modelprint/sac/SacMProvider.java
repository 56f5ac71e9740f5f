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
 * {@code gamma} [1.0] (Gaussian only), {@code output} [logits]: the preferred representation, as in
 * SAC's reference code, {@code temperature} [1.0]: softmax temperature when logits are compared as
 * probabilities.
 *
 * <p>Measured on the quick-start setting (see {@code default-thresholds.properties}): on logits it
 * separates fine-tuned copies clearly (0.009 to 0.012 against 0.041 and more for independent
 * models) but puts students extracted from the victim's labels farther than independent models
 * (0.12 to 0.17): combine it with AKH (the {@code combined} scheme, the default) to catch those.
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
                p.choice("selection", io.modelprint.SampleSelection.class)));
        return SacParameters.scheme(NAME, all, p, builder);
    }
}
