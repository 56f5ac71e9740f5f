package io.modelprint;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Every scheme on the class path, by name.
 *
 * <pre>{@code
 * FingerprintScheme<?> s = Schemes.create("sac-m", Map.of("queries", "300"));
 * Set<String> all = Schemes.providers().keySet(); // [ipguard, sac-m, sac-w, ...]
 * }</pre>
 */
public final class Schemes {

    private Schemes() {
    }

    /** The providers found, by scheme name. */
    public static Map<String, SchemeProvider> providers() {
        Map<String, SchemeProvider> out = new TreeMap<>();
        for (SchemeProvider p : ServiceLoader.load(SchemeProvider.class, Schemes.class.getClassLoader())) {
            SchemeProvider previous = out.putIfAbsent(p.name(), p);
            if (previous != null && previous.getClass() != p.getClass()) {
                throw new IllegalStateException("two scheme providers are called " + p.name() + ": "
                        + previous.getClass().getName() + " and " + p.getClass().getName());
            }
        }
        return out;
    }

    /** The scheme {@code name} with its default parameters. */
    public static FingerprintScheme<?> create(String name) {
        return create(name, Map.of());
    }

    /**
     * The scheme {@code name} with {@code parameters}.
     *
     * @throws IllegalArgumentException if no scheme has that name, or a parameter is unknown or bad
     */
    public static FingerprintScheme<?> create(String name, Map<String, String> parameters) {
        Map<String, SchemeProvider> all = providers();
        SchemeProvider p = all.get(name);
        if (p == null) {
            throw new IllegalArgumentException("no fingerprint scheme named '" + name + "'; known: " + all.keySet());
        }
        return p.create(parameters);
    }

    /**
     * Parameters merged over defaults, rejecting unknown names: the common first step of every
     * {@link SchemeProvider#create}.
     */
    public static Map<String, String> withDefaults(String scheme, Map<String, String> defaults,
                                                   Map<String, String> given) {
        Map<String, String> out = new TreeMap<>(defaults);
        for (var e : given.entrySet()) {
            if (!defaults.containsKey(e.getKey())) {
                throw new IllegalArgumentException("scheme " + scheme + " has no parameter '" + e.getKey()
                        + "'; it accepts " + defaults.keySet());
            }
            out.put(e.getKey(), e.getValue());
        }
        return out;
    }
}
