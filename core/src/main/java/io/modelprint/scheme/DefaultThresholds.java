package io.modelprint.scheme;

import io.modelprint.OutputKind;
import io.modelprint.Threshold;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Properties;

/**
 * The default thresholds of the built-in schemes, used when a user gives neither reference
 * models nor a threshold. Each was measured on the Fashion-MNIST benchmark and is stored, with
 * the measurement it comes from, in {@code io/modelprint/default-thresholds.properties}; the
 * detection benchmark's report suggests values (benchmarks/RESULTS.md).
 *
 * <p>Entries: {@code <scheme>.<representation> = value},
 * {@code <scheme>.<representation>.fpr = false-positive rate measured at that value} and
 * {@code <scheme>.<representation>.source = how it was measured}.
 *
 * <pre>{@code
 * Threshold t = DefaultThresholds.forScheme("sac-m", OutputKind.LOGITS);
 * String how = t.description();   // default for sac-m on logits, measured on Fashion-MNIST: ...
 * }</pre>
 */
public final class DefaultThresholds {

    private static final String RESOURCE = "/io/modelprint/default-thresholds.properties";
    private static final Properties TABLE = load();

    private DefaultThresholds() {
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = DefaultThresholds.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from modelprint-core: the jar is damaged");
            }
            p.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
        return p;
    }

    /**
     * The measured default threshold of {@code scheme} when comparing {@code representation}.
     *
     * @throws IllegalStateException if none was measured; the message says what to do instead
     */
    public static Threshold forScheme(String scheme, OutputKind representation) {
        String key = scheme + "." + representation.name().toLowerCase(Locale.ROOT);
        String value = TABLE.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("scheme " + scheme + " has no measured default threshold for "
                    + representation + " outputs: give independent reference models (references(...)) "
                    + "or a threshold (threshold(...)) to the verifier");
        }
        double fpr = Double.parseDouble(TABLE.getProperty(key + ".fpr", "NaN"));
        String source = TABLE.getProperty(key + ".source", "measured on the Fashion-MNIST benchmark");
        return new Threshold(Double.parseDouble(value), Threshold.Source.MEASURED_DEFAULT, fpr,
                "default for " + scheme + " on " + representation.name().toLowerCase(Locale.ROOT) + ", " + source);
    }
}
