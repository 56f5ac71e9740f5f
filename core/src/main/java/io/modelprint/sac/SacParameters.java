package io.modelprint.sac;

import io.modelprint.FingerprintScheme;
import io.modelprint.OutputKind;
import io.modelprint.QuerySetBuilder;
import io.modelprint.SchemeParameters;
import io.modelprint.kernel.CorrelationFunction;
import java.util.LinkedHashMap;
import java.util.Map;

/** The fingerprint-side parameters shared by the SAC schemes, and the scheme assembly they share. */
final class SacParameters {

    private SacParameters() {
    }

    /** correlation, gamma, output and temperature, with their defaults. */
    static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("correlation", "cosine");
        d.put("gamma", "1.0");
        d.put("output", "logits");
        d.put("temperature", "1.0");
        return d;
    }

    enum Correlation { COSINE, GAUSSIAN }

    static FingerprintScheme<CorrelationFingerprint> scheme(String name, Map<String, String> all, SchemeParameters p,
                                                            QuerySetBuilder builder) {
        CorrelationFunction f = p.choice("correlation", Correlation.class) == Correlation.COSINE
                ? CorrelationFunction.cosine()
                : CorrelationFunction.gaussian(p.number("gamma", 1e-9, 1e9));
        OutputKind preferred = p.choice("output", OutputKind.class);
        double temperature = p.number("temperature", 1e-6, 1e6);
        return new FingerprintScheme<>(name, all, builder,
                rep -> new CorrelationExtractor(name, rep, f, temperature),
                new CorrelationDistance(), preferred,
                rep -> io.modelprint.DefaultThresholds.forScheme(name, rep));
    }
}
