package io.modelprint;

import java.util.Locale;
import java.util.Map;

/**
 * Reads typed values from a scheme's string parameters, failing with the scheme, the name, the
 * value and what is accepted.
 *
 * <pre>{@code
 * SchemeParameters p = new SchemeParameters("sac-m", params);
 * int n = p.integer("queries", 2, 1_000_000);
 * }</pre>
 *
 * @param scheme the scheme the parameters belong to (for messages)
 * @param values the parameters by name
 */
public record SchemeParameters(String scheme, Map<String, String> values) {

    /** Freezes the values. */
    public SchemeParameters {
        values = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(values));
    }

    private String raw(String name) {
        String v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("scheme " + scheme + " needs parameter '" + name + "'");
        }
        return v.trim();
    }

    /** An integer in {@code [min, max]}. */
    public int integer(String name, int min, int max) {
        String v = raw(name);
        try {
            int x = Integer.parseInt(v);
            if (x < min || x > max) {
                throw new IllegalArgumentException("scheme " + scheme + ": " + name + " = " + x
                        + " is outside [" + min + ", " + max + "]");
            }
            return x;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("scheme " + scheme + ": " + name + " = '" + v + "' is not an integer", e);
        }
    }

    /** A finite number in {@code [min, max]}. */
    public double number(String name, double min, double max) {
        String v = raw(name);
        try {
            double x = Double.parseDouble(v);
            if (!(x >= min && x <= max)) {
                throw new IllegalArgumentException("scheme " + scheme + ": " + name + " = " + x
                        + " is outside [" + min + ", " + max + "]");
            }
            return x;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("scheme " + scheme + ": " + name + " = '" + v + "' is not a number", e);
        }
    }

    /** {@code true} or {@code false}. */
    public boolean bool(String name) {
        String v = raw(name).toLowerCase(Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
            throw new IllegalArgumentException("scheme " + scheme + ": " + name + " = '" + v + "' is not true or false");
        }
        return Boolean.parseBoolean(v);
    }

    /** One of an enum's constants, by name, ignoring case, with '-' for '_' (least-likely). */
    public <E extends Enum<E>> E choice(String name, Class<E> type) {
        String v = raw(name);
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(v.replace('-', '_'))) {
                return e;
            }
        }
        throw new IllegalArgumentException("scheme " + scheme + ": " + name + " = '" + v + "' is not one of "
                + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT).replace('_', '-'));
    }
}
