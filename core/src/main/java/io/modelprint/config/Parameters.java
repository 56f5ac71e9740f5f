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
package io.modelprint.config;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The parameters of one owner (a scheme, say), made of typed configuration records whose
 * components carry {@link Param}: the parameters' names, defaults, validation, provenance entries
 * and help text all come from those records, so that each parameter is declared once. String maps
 * are only the way in from files and the command line.
 *
 * <p>Values are written as text the same way everywhere ({@link #format}): integers and booleans
 * as Java prints them, numbers as {@link Double#toString(double)}, enum constants in lower case
 * with {@code -} for {@code _} ({@code least-likely}). Reading accepts enum names in any case, with
 * {@code -} or {@code _}.
 *
 * <pre>{@code
 * Parameters p = Parameters.of("scheme sac-m", CutMixQueries.Config.defaults(), CorrelationSettings.DEFAULTS);
 * Parameters.Values v = p.read(Map.of("queries", "300"));     // unknown names and bad values fail, naming them
 * CutMixQueries.Config queries = v.get(CutMixQueries.Config.class);
 * Map<String, String> provenance = v.map();                   // every parameter, defaults included
 * String help = p.help();
 * }</pre>
 */
public final class Parameters {

    private static final ClassValue<List<Component>> COMPONENTS = new ClassValue<>() {
        @Override
        protected List<Component> computeValue(Class<?> type) {
            return components(type);
        }
    };

    private final String owner;
    private final List<Record> defaults;
    private final Map<String, Parameter> byName;

    private Parameters(String owner, List<Record> defaults) {
        this.owner = owner;
        this.defaults = List.copyOf(defaults);
        Map<String, Parameter> all = new LinkedHashMap<>();
        for (Record part : this.defaults) {
            for (Parameter p : describe(part)) {
                if (all.put(p.name(), p) != null) {
                    throw new IllegalStateException(owner + " declares parameter '" + p.name() + "' twice: give the "
                            + "components of its configuration records distinct names");
                }
            }
        }
        this.byName = Collections.unmodifiableMap(all);
    }

    /**
     * The parameters of {@code owner}, made of the records {@code defaults} holds (one default
     * instance per record type).
     *
     * @param owner    who takes them, for messages, such as {@code scheme sac-m}
     * @param defaults one configuration record of each part, holding the defaults
     * @throws IllegalStateException if a component lacks {@link Param} or two share a name
     */
    public static Parameters of(String owner, Record... defaults) {
        return new Parameters(owner, Arrays.asList(defaults));
    }

    /** Who takes these parameters, such as {@code scheme sac-m}. */
    public String owner() {
        return owner;
    }

    /** Every parameter, in the order of the parts and their components. */
    public List<Parameter> list() {
        return List.copyOf(byName.values());
    }

    /** Every parameter's name with its default, as text, in order. */
    public Map<String, String> defaults() {
        Map<String, String> out = new LinkedHashMap<>();
        byName.values().forEach(p -> out.put(p.name(), p.defaultValue()));
        return out;
    }

    /** One line per parameter ({@link Parameter#help()}), in order. */
    public String help() {
        StringJoiner s = new StringJoiner("\n");
        byName.values().forEach(p -> s.add(p.help()));
        return s.toString();
    }

    /**
     * The configuration records for {@code given} values, the others at their defaults.
     *
     * @throws IllegalArgumentException naming the owner, the parameter and the value, if a name
     *                                  is unknown, a value does not parse or is out of range, or
     *                                  the values do not fit together
     */
    public Values read(Map<String, String> given) {
        for (String name : given.keySet()) {
            if (!byName.containsKey(name)) {
                throw new IllegalArgumentException(owner + " has no parameter '" + name + "'; it accepts "
                        + byName.keySet());
            }
        }
        List<Record> parts = new ArrayList<>();
        Map<String, String> map = new LinkedHashMap<>();
        for (Record part : defaults) {
            Record r = read(part, given);
            parts.add(r);
            map.putAll(toMap(r));
        }
        return new Values(map, parts);
    }

    private Record read(Record defaults, Map<String, String> given) {
        Class<? extends Record> type = defaults.getClass();
        List<Component> cs = COMPONENTS.get(type);
        Object[] values = new Object[cs.size()];
        for (int i = 0; i < values.length; i++) {
            Component c = cs.get(i);
            String raw = given.get(c.parameter.name());
            values[i] = raw == null ? c.value(defaults) : parse(c, raw);
        }
        try {
            check(cs, values);
            return construct(type, cs, values);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(owner + ": " + e.getMessage(), e);
        }
    }

    private Object parse(Component c, String raw) {
        String v = raw.trim();
        Class<?> t = c.type();
        String name = c.parameter.name();
        try {
            if (t == int.class || t == Integer.class) {
                return Integer.parseInt(v);
            }
            if (t == long.class || t == Long.class) {
                return Long.parseLong(v);
            }
            if (t == double.class || t == Double.class) {
                return Double.parseDouble(v);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(owner + ": " + name + " = '" + v + "' is not "
                    + (t == double.class || t == Double.class ? "a number" : "an integer") + " (" + c.parameter.description()
                    + ")", e);
        }
        if (t == boolean.class || t == Boolean.class) {
            String b = v.toLowerCase(Locale.ROOT);
            if (!b.equals("true") && !b.equals("false")) {
                throw new IllegalArgumentException(owner + ": " + name + " = '" + v + "' is not true or false");
            }
            return Boolean.parseBoolean(b);
        }
        if (t.isEnum()) {
            for (Object e : t.getEnumConstants()) {
                if (((Enum<?>) e).name().equalsIgnoreCase(v.replace('-', '_'))) {
                    return e;
                }
            }
            throw new IllegalArgumentException(owner + ": " + name + " = '" + v + "' is not one of "
                    + c.parameter.choices());
        }
        return v;
    }

    /**
     * The text form of every component of {@code config}, by parameter name, in component order:
     * what provenance records.
     *
     * @throws IllegalStateException if a component lacks {@link Param}
     */
    public static Map<String, String> toMap(Record config) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Component c : COMPONENTS.get(config.getClass())) {
            out.put(c.parameter.name(), format(c.value(config)));
        }
        return out;
    }

    /**
     * Checks values for the components of {@code type}, in component order, against their
     * {@link Param}: nothing missing, numbers finite and in range. A configuration record calls
     * this first in its compact constructor, so that a value built in code is held to the same
     * rule as one read from text.
     *
     * @throws IllegalArgumentException naming the parameter, the value and the accepted range
     */
    public static void check(Class<? extends Record> type, Object... values) {
        check(COMPONENTS.get(type), values);
    }

    private static void check(List<Component> cs, Object[] values) {
        if (values.length != cs.size()) {
            throw new IllegalStateException("expected " + cs.size() + " values, one per component, got " + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            Parameter p = cs.get(i).parameter;
            Object v = values[i];
            if (v == null) {
                throw new IllegalArgumentException(p.name() + " must be given (" + p.description() + ")");
            }
            if (v instanceof Number n) {
                double x = n.doubleValue();
                if (Double.isNaN(x) || Double.isInfinite(x) || x < p.min() || x > p.max()) {
                    String accepted = p.accepted();
                    throw new IllegalArgumentException(p.name() + " = " + format(v) + " is outside the accepted range"
                            + (accepted.isEmpty() ? " (finite numbers)" : " " + accepted) + ": " + p.description());
                }
            }
        }
    }

    /** A value as maps hold it: see the class description. */
    public static String format(Object value) {
        if (value instanceof Enum<?> e) {
            return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
        if (value instanceof Double d) {
            return Double.toString(d);
        }
        return String.valueOf(value);
    }

    private static Record construct(Class<? extends Record> type, List<Component> cs, Object[] values) {
        try {
            Class<?>[] types = cs.stream().map(Component::type).toArray(Class<?>[]::new);
            Constructor<? extends Record> k = type.getDeclaredConstructor(types);
            k.setAccessible(true);
            return k.newInstance(values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IllegalArgumentException iae) {
                throw iae;
            }
            throw new IllegalStateException("cannot build " + type.getSimpleName() + ": " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getSimpleName() + ": " + e, e);
        }
    }

    private static List<Parameter> describe(Record defaults) {
        List<Parameter> out = new ArrayList<>();
        for (Component c : COMPONENTS.get(defaults.getClass())) {
            Parameter p = c.parameter;
            out.add(new Parameter(p.name(), p.type(), p.description(), p.min(), p.max(), format(c.value(defaults)),
                    p.choices()));
        }
        return out;
    }

    private static List<Component> components(Class<?> type) {
        if (!type.isRecord()) {
            throw new IllegalStateException(type.getName() + " is not a record: configurations are records of @Param components");
        }
        List<Component> out = new ArrayList<>();
        for (RecordComponent rc : type.getRecordComponents()) {
            Param a = rc.getAnnotation(Param.class);
            if (a == null) {
                throw new IllegalStateException("component " + rc.getName() + " of " + type.getName()
                        + " has no @Param: declare its description there");
            }
            Class<?> t = rc.getType();
            List<String> choices = new ArrayList<>();
            if (t.isEnum()) {
                for (Object e : t.getEnumConstants()) {
                    choices.add(format(e));
                }
            }
            rc.getAccessor().setAccessible(true);
            out.add(new Component(rc, new Parameter(a.name().isEmpty() ? rc.getName() : a.name(), t, a.description(),
                    a.min(), a.max(), "", choices)));
        }
        return List.copyOf(out);
    }

    private record Component(RecordComponent component, Parameter parameter) {

        Class<?> type() {
            return component.getType();
        }

        Object value(Record r) {
            try {
                return component.getAccessor().invoke(r);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + component.getName() + " of " + r, e);
            }
        }
    }

    /**
     * Parameters read from text: the configuration records and every value in its text form.
     *
     *
     * <pre>{@code
     * Parameters.Values v = parameters.read(Map.of("steps", "300"));
     * BoundaryQueries.Config c = v.get(BoundaryQueries.Config.class);
     * Map<String, String> recorded = v.map();
     * }</pre>
     *
     * @param map   every parameter by name, defaults included, in order: what provenance records
     * @param parts the configuration records, one per part
     */
    public record Values(Map<String, String> map, List<Record> parts) {

        /** Freezes both. */
        public Values {
            map = Collections.unmodifiableMap(new LinkedHashMap<>(map));
            parts = List.copyOf(parts);
        }

        /**
         * The part of type {@code type}.
         *
         * @throws IllegalArgumentException if there is none
         */
        public <R extends Record> R get(Class<R> type) {
            for (Record r : parts) {
                if (type.isInstance(r)) {
                    return type.cast(r);
                }
            }
            throw new IllegalArgumentException("no configuration of type " + type.getSimpleName() + " among "
                    + parts.stream().map(r -> r.getClass().getSimpleName()).toList());
        }
    }
}
