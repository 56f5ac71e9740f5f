package io.modelprint.ensemble;

import io.modelprint.FingerprintScheme;
import io.modelprint.SchemeProvider;
import io.modelprint.Schemes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code combined} scheme: several schemes as one ({@link CombinedScheme}).
 *
 * <p>Parameters: {@code schemes} [sac-m,akh], a comma-separated list of scheme names, and each
 * component's own parameters prefixed with its name and a dot, such as {@code sac-m.queries}.
 *
 * <pre>{@code
 * FingerprintScheme<?> s = Schemes.create("combined", Map.of("akh.queries", "200"));
 * }</pre>
 */
public final class CombinedProvider implements SchemeProvider {

    /** The scheme's name. */
    public static final String NAME = "combined";

    /** The components used when none are named. */
    public static final String DEFAULT_COMPONENTS = "sac-m,akh";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "several schemes as one: stolen when any component finds the suspect close";
    }

    @Override
    public Map<String, String> defaults() {
        return defaultsFor(DEFAULT_COMPONENTS);
    }

    private static Map<String, String> defaultsFor(String schemes) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("schemes", schemes);
        Map<String, SchemeProvider> providers = Schemes.providers();
        for (String s : names(schemes)) {
            SchemeProvider p = providers.get(s);
            if (p == null || s.equals(NAME)) {
                throw new IllegalArgumentException("scheme " + NAME + ": cannot combine '" + s + "'; known schemes: "
                        + providers.keySet());
            }
            p.defaults().forEach((k, v) -> d.put(s + "." + k, v));
        }
        return d;
    }

    private static List<String> names(String schemes) {
        List<String> out = new ArrayList<>();
        for (String s : schemes.split(",")) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("scheme " + NAME + ": 'schemes' names no scheme");
        }
        return out;
    }

    @Override
    public FingerprintScheme<CombinedFingerprint> create(Map<String, String> parameters) {
        String schemes = parameters.getOrDefault("schemes", DEFAULT_COMPONENTS);
        Map<String, String> all = Schemes.withDefaults(NAME, defaultsFor(schemes), parameters);
        List<FingerprintScheme<?>> components = new ArrayList<>();
        for (String s : names(schemes)) {
            Map<String, String> own = new LinkedHashMap<>();
            all.forEach((k, v) -> {
                if (k.startsWith(s + ".")) {
                    own.put(k.substring(s.length() + 1), v);
                }
            });
            components.add(Schemes.create(s, own));
        }
        return CombinedScheme.of(NAME, all, components);
    }
}
