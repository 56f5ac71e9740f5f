package io.modelprint.ipguard;

import io.modelprint.FingerprintScheme;
import io.modelprint.OutputKind;
import io.modelprint.SchemeParameters;
import io.modelprint.SchemeProvider;
import io.modelprint.Schemes;
import io.modelprint.label.LabelExtractor;
import io.modelprint.label.LabelFingerprint;
import io.modelprint.label.MismatchRate;
import io.modelprint.sac.CutMixQueries;
import java.util.Map;

/**
 * IPGuard, the adversarial baseline: owner samples pushed to the victim's decision boundary
 * ({@link BoundaryQueries}), the victim's labels on them as the fingerprint, and the share of
 * labels a suspect changes as the distance ({@link MismatchRate}). Needs a white-box victim.
 *
 * <p>Parameters (defaults in brackets): {@code queries} [100], {@code margin} [10.0],
 * {@code learningRate} [0.01], {@code steps} [1000], {@code target} [random] or least-likely,
 * {@code selection} [first], {@code stop} [zero-loss] or label-flip.
 *
 * <pre>{@code
 * FingerprintVerifier v = FingerprintVerifier.ipGuard().ownerData(data).build();
 * }</pre>
 */
public final class IpGuardProvider implements SchemeProvider {

    /** The scheme's name. */
    public static final String NAME = "ipguard";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "IPGuard: labels on owner samples pushed to the victim's decision boundary (needs victim gradients)";
    }

    @Override
    public Map<String, String> defaults() {
        return new BoundaryQueries(BoundaryQueries.Config.defaults()).parameters();
    }

    @Override
    public FingerprintScheme<LabelFingerprint> create(Map<String, String> parameters) {
        Map<String, String> all = Schemes.withDefaults(NAME, defaults(), parameters);
        SchemeParameters p = new SchemeParameters(NAME, all);
        BoundaryQueries builder = new BoundaryQueries(new BoundaryQueries.Config(
                p.integer("queries", 2, 1_000_000), p.number("margin", 0, 1e6), p.number("learningRate", 1e-9, 1e3),
                p.integer("steps", 1, 10_000_000), p.choice("target", BoundaryQueries.Target.class),
                p.choice("selection", io.modelprint.SampleSelection.class), p.choice("stop", BoundaryQueries.Stop.class)));
        LabelExtractor extractor = new LabelExtractor(NAME);
        return new FingerprintScheme<>(NAME, all, builder, rep -> extractor, new MismatchRate(), OutputKind.LABELS,
                rep -> io.modelprint.DefaultThresholds.forScheme(NAME, OutputKind.LABELS));
    }
}
