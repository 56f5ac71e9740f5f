package io.modelprint.label;

import io.modelprint.FingerprintScheme;
import io.modelprint.OutputKind;
import io.modelprint.SchemeParameters;
import io.modelprint.SchemeProvider;
import io.modelprint.Schemes;
import io.modelprint.sac.CutMixQueries;
import io.modelprint.sac.MisclassifiedQueries;
import java.util.List;
import java.util.Map;

/**
 * AKH: the labels a suspect gives on owner samples the victim misclassifies, compared by
 * {@link MismatchRate}. A model derived from the victim repeats its mistakes; independent models
 * mostly get those samples right, or wrong in another way. Works on label-only suspects.
 *
 * <p>Parameters (defaults in brackets): {@code queries} [200], {@code selection} [first].
 *
 * <p>Measured on the quick-start setting (victims on 4,000 Fashion-MNIST images; see
 * {@code default-thresholds.properties}): with 200 queries, copies fine-tuned from three MLP
 * victims and students extracted from their labels mismatch on 0.19 to 0.30 of the victim's
 * mistakes, independent models on 0.345 to 0.505. 200 rather than 100 queries, because at 100
 * the two ranges touch (0.18 to 0.36 against 0.30 to 0.60).
 *
 * <pre>{@code
 * FingerprintScheme<?> akh = Schemes.create("akh");
 * }</pre>
 */
public final class AkhProvider implements SchemeProvider {

    /** The scheme's name. */
    public static final String NAME = "akh";

    /** Default number of queries. */
    public static final int DEFAULT_QUERIES = 200;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "AKH: agreement with the victim's labels on the owner samples it misclassifies";
    }

    @Override
    public Map<String, String> defaults() {
        return new MisclassifiedQueries(new MisclassifiedQueries.Config(DEFAULT_QUERIES, io.modelprint.SampleSelection.FIRST),
                List.of()).parameters();
    }

    @Override
    public FingerprintScheme<LabelFingerprint> create(Map<String, String> parameters) {
        Map<String, String> all = Schemes.withDefaults(NAME, defaults(), parameters);
        SchemeParameters p = new SchemeParameters(NAME, all);
        MisclassifiedQueries builder = new MisclassifiedQueries(new MisclassifiedQueries.Config(
                p.integer("queries", 2, 1_000_000), p.choice("selection", io.modelprint.SampleSelection.class)), List.of());
        LabelExtractor extractor = new LabelExtractor(NAME);
        return new FingerprintScheme<>(NAME, all, builder, rep -> extractor, new MismatchRate(), OutputKind.LABELS,
                rep -> io.modelprint.DefaultThresholds.forScheme(NAME, OutputKind.LABELS));
    }
}
