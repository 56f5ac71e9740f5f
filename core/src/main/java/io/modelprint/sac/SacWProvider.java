package io.modelprint.sac;

import io.modelprint.FingerprintScheme;
import io.modelprint.SchemeParameters;
import io.modelprint.SchemeProvider;
import io.modelprint.Schemes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SAC-w: owner samples the victim misclassifies ({@link MisclassifiedQueries}), correlation
 * fingerprint, mean absolute difference.
 *
 * <p>Parameters (defaults in brackets): {@code queries} [100], {@code selection} [first], and the
 * correlation parameters shared with SAC-m: {@code correlation} [cosine], {@code gamma} [1.0],
 * {@code output} [logits], {@code temperature} [1.0]. Surrogate filtering takes models, so it is
 * set through {@link #create(Map, List)}, not by name.
 *
 * <pre>{@code
 * FingerprintScheme<?> s = Schemes.create("sac-w", Map.of("queries", "50"));
 * }</pre>
 */
public final class SacWProvider implements SchemeProvider {

    /** The scheme's name. */
    public static final String NAME = "sac-w";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "SAC-w: correlation of outputs on owner samples the victim misclassifies";
    }

    @Override
    public Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>(new MisclassifiedQueries(MisclassifiedQueries.Config.defaults(),
                List.of()).parameters());
        d.putAll(SacParameters.defaults());
        return d;
    }

    @Override
    public FingerprintScheme<CorrelationFingerprint> create(Map<String, String> parameters) {
        return create(parameters, List.of());
    }

    /**
     * SAC-w keeping only samples that every surrogate (a model the owner derived from the victim)
     * also misclassifies.
     */
    public FingerprintScheme<CorrelationFingerprint> create(Map<String, String> parameters,
                                                            List<? extends io.modelprint.Model> surrogates) {
        Map<String, String> all = Schemes.withDefaults(NAME, defaults(), parameters);
        SchemeParameters p = new SchemeParameters(NAME, all);
        MisclassifiedQueries builder = new MisclassifiedQueries(new MisclassifiedQueries.Config(
                p.integer("queries", 2, 1_000_000), p.choice("selection", io.modelprint.SampleSelection.class)), surrogates);
        return SacParameters.scheme(NAME, all, p, builder);
    }
}
