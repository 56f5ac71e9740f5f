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
package io.modelprint.scheme;

import io.modelprint.OutputKind;
import io.modelprint.Threshold;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Properties;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * The measured default thresholds of the built-in schemes: a fallback the verifier uses when it
 * has neither reference models nor a threshold, and only to confirm close copies (a default
 * measured on other victims cannot clear a suspect; see {@code FingerprintVerifier}). Each was
 * measured on the Fashion-MNIST benchmark for one exact parameter set and is stored, with the
 * measurement it comes from, in {@code io/modelprint/default-thresholds.properties}.
 *
 * <p>Entries: {@code <scheme>.<representation> = value},
 * {@code <scheme>.<representation>.parameters = k=v,k=v} (every parameter of the scheme, sorted,
 * as the scheme writes them: a default is used only for exactly these),
 * {@code <scheme>.<representation>.fpr = false-positive rate measured at that value} and
 * {@code <scheme>.<representation>.source = how it was measured}; defaults measured with other
 * parameters follow as {@code <scheme>.<representation>.2}, {@code .3}..., each with its own
 * {@code .parameters}, {@code .fpr} and {@code .source}.
 *
 * <pre>{@code
 * Optional<Threshold> t = DefaultThresholds.forScheme("sac-m", Schemes.create("sac-m").parameters(), OutputKind.LOGITS);
 * String how = t.map(Threshold::description).orElse("none measured");
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
     * The default threshold of {@code scheme} with exactly {@code parameters} when comparing
     * {@code representation}, or empty when none was measured for them.
     */
    public static Optional<Threshold> forScheme(String scheme, Map<String, String> parameters, OutputKind representation) {
        String wanted = canonical(parameters);
        String key = null;
        for (String k : entries(scheme, representation)) {
            if (wanted.equals(TABLE.getProperty(k + ".parameters"))) {
                key = k;
            }
        }
        if (key == null) {
            return Optional.empty();
        }
        String value = TABLE.getProperty(key);
        String fpr = TABLE.getProperty(key + ".fpr");
        String source = TABLE.getProperty(key + ".source", "measured on the Fashion-MNIST benchmark");
        return Optional.of(new Threshold(Double.parseDouble(value), Threshold.Source.MEASURED_DEFAULT,
                fpr == null ? OptionalDouble.empty() : OptionalDouble.of(Double.parseDouble(fpr)),
                "default for " + scheme + " on " + representation.name().toLowerCase(Locale.ROOT) + ", " + source));
    }

    /**
     * The parameters a default of {@code scheme} on {@code representation} was measured with, if
     * any: what a verdict quotes when the scheme's parameters differ.
     */
    public static Optional<String> measuredParameters(String scheme, OutputKind representation) {
        List<String> all = entries(scheme, representation).stream().map(k -> TABLE.getProperty(k + ".parameters")).toList();
        return all.isEmpty() ? Optional.empty() : Optional.of(String.join(" or ", all));
    }

    /**
     * The table's keys for {@code scheme} on {@code representation}: {@code <scheme>.<rep>}, then
     * {@code <scheme>.<rep>.2}, {@code .3}... for defaults measured with other parameters.
     */
    private static List<String> entries(String scheme, OutputKind representation) {
        List<String> out = new ArrayList<>();
        String base = key(scheme, representation);
        for (int n = 1; ; n++) {
            String k = n == 1 ? base : base + "." + n;
            if (TABLE.getProperty(k) == null) {
                return out;
            }
            out.add(k);
        }
    }

    /**
     * The value of the default of {@code scheme} on {@code representation} whatever parameters it
     * was measured with: a scale to put distances of several schemes on one footing (as
     * {@link CombinedScheme} does), never a threshold.
     */
    public static Optional<Double> scale(String scheme, OutputKind representation) {
        return Optional.ofNullable(TABLE.getProperty(key(scheme, representation))).map(Double::parseDouble);
    }

    /** The form parameters take in the table: {@code k=v} pairs, sorted by name, joined by commas. */
    public static String canonical(Map<String, String> parameters) {
        StringJoiner j = new StringJoiner(",");
        new TreeMap<>(parameters).forEach((k, v) -> j.add(k + "=" + v));
        return j.toString();
    }

    private static String key(String scheme, OutputKind representation) {
        return scheme + "." + representation.name().toLowerCase(Locale.ROOT);
    }
}
