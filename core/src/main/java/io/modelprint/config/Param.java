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

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares one parameter on a component of a configuration record: the only place where its
 * name, description and accepted range are written. {@link Parameters} derives from it the string
 * form recorded in provenance, the parsing and validation of values given as text (files, the
 * command line), and the help text; the record's default-values instance gives the default.
 *
 * <pre>{@code
 * public record Config(
 *         @Param(name = "queries", description = "number of queries", min = 2, max = 1_000_000) int count,
 *         @Param(description = "box side as a fraction of the image side", min = 1e-9, max = 1 - 1e-9) double cutRatio) {
 *     public Config {
 *         Parameters.check(Config.class, count, cutRatio);   // the ranges above, nothing written twice
 *     }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Param {

    /** What the parameter changes, in a few words, for help texts and error messages. */
    String description();

    /** The parameter's name in maps, files and on the command line; the component's name when empty. */
    String name() default "";

    /** The smallest value a number may take. */
    double min() default Double.NEGATIVE_INFINITY;

    /** The largest value a number may take. */
    double max() default Double.POSITIVE_INFINITY;
}
