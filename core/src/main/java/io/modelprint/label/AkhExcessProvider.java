package io.modelprint.label;

import io.modelprint.FingerprintScheme;
import io.modelprint.OutputKind;
import io.modelprint.SampleSelection;
import io.modelprint.SchemeParameters;
import io.modelprint.SchemeProvider;
import io.modelprint.Schemes;
import java.util.Map;

/**
 * {@code akh-excess}: AKH corrected for general agreement. The suspect's labels on owner samples
 * the victim misclassifies and on control samples it classifies correctly, compared by
 * {@link ExcessMismatch} (mismatch on the mistakes minus mismatch on the controls). Works on
 * label-only suspects and needs no model but the victim.
 *
 * <p>Parameters (defaults in brackets): {@code queries} [300], the queries to the suspect;
 * {@code controls} [100], how many of them are samples the victim classifies correctly (the rest
 * are its mistakes); {@code selection} [first].
 *
 * <pre>{@code
 * FingerprintScheme<?> s = Schemes.create("akh-excess");
 * }</pre>
 */
public final class AkhExcessProvider implements SchemeProvider {

    /** The scheme's name. */
    public static final String NAME = "akh-excess";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "AKH corrected for general agreement: mismatch on the victim's mistakes minus mismatch on samples it gets right";
    }

    @Override
    public Map<String, String> defaults() {
        return new MistakesAndControls(new MistakesAndControls.Config(AkhProvider.DEFAULT_QUERIES, 100,
                SampleSelection.FIRST)).parameters();
    }

    @Override
    public FingerprintScheme<LabelFingerprint> create(Map<String, String> parameters) {
        Map<String, String> all = Schemes.withDefaults(NAME, defaults(), parameters);
        SchemeParameters p = new SchemeParameters(NAME, all);
        int queries = p.integer("queries", 2, 1_000_000);
        int controls = p.integer("controls", 1, queries - 1);
        int mistakes = queries - controls;
        MistakesAndControls builder = new MistakesAndControls(new MistakesAndControls.Config(mistakes, controls,
                p.choice("selection", SampleSelection.class)));
        LabelExtractor extractor = new LabelExtractor(NAME);
        return new FingerprintScheme<>(NAME, all, builder, rep -> extractor, new ExcessMismatch(mistakes),
                OutputKind.LABELS, rep -> io.modelprint.DefaultThresholds.forScheme(NAME, OutputKind.LABELS));
    }
}
