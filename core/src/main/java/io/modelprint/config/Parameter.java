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

import java.util.List;

/**
 * One parameter as a {@link Param} annotation declares it on a configuration record, with its
 * default: what help texts list and what {@link Parameters} reads and checks.
 *
 * <pre>{@code
 * for (Parameter p : Parameters.of("scheme sac-m", CutMixQueries.Config.defaults()).list()) {
 *     System.out.println(p.help());   // queries = 100: number of queries (2 to 1000000)
 * }
 * }</pre>
 *
 * @param name         the name in maps, files and on the command line
 * @param type         the component's type: int, long, double, boolean, String or an enum
 * @param description  what it changes
 * @param min          the smallest number accepted (negative infinity for none)
 * @param max          the largest number accepted (positive infinity for none)
 * @param defaultValue the default, in the form maps hold it
 * @param choices      the accepted values of an enum, in that form; empty for other types
 */
public record Parameter(String name, Class<?> type, String description, double min, double max, String defaultValue,
                        List<String> choices) {

    /** Copies the choices. */
    public Parameter {
        choices = List.copyOf(choices);
    }

    /** The accepted range or values in words, such as {@code 2 to 1000000} or {@code first or random}; empty if any. */
    public String accepted() {
        if (!choices.isEmpty()) {
            return choices.size() == 1 ? choices.get(0)
                    : String.join(", ", choices.subList(0, choices.size() - 1)) + " or " + choices.get(choices.size() - 1);
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        boolean low = min != Double.NEGATIVE_INFINITY;
        boolean high = max != Double.POSITIVE_INFINITY;
        if (low && high) {
            return number(min) + " to " + number(max);
        }
        return low ? "at least " + number(min) : high ? "at most " + number(max) : "";
    }

    /** One line for help texts: {@code name = default: description (accepted)}. */
    public String help() {
        String a = accepted();
        return name + " = " + defaultValue + ": " + description + (a.isEmpty() ? "" : " (" + a + ")");
    }

    /** A bound as an integer when it is one, such as {@code 1000000} rather than {@code 1000000.0}. */
    String number(double bound) {
        boolean integral = type == int.class || type == long.class || type == Integer.class || type == Long.class
                || (bound == Math.rint(bound) && Math.abs(bound) < 1e15);
        return integral ? Long.toString((long) bound) : Double.toString(bound);
    }
}
