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
package io.modelprint.spark;

import io.modelprint.Threshold;
import io.modelprint.Verdict;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The verdict table: one row per suspect and victim fingerprint, a verdict or an error.
 *
 * <pre>{@code
 * Row r = VerdictRows.of("upload-7", "victim-a", verdict);
 * String outcome = r.getAs("outcome");   // STOLEN, INDEPENDENT or INCONCLUSIVE; null for an error row
 * }</pre>
 */
public final class VerdictRows {

    /**
     * The columns: {@code suspect}, {@code victim}, {@code scheme}, {@code representation}
     * ({@code logits}, {@code probabilities} or {@code labels}), {@code distance},
     * {@code threshold}, {@code threshold_source}, {@code outcome}, {@code p_value},
     * {@code queries} (images the suspect was sent for this verdict), {@code notes} and
     * {@code error}. An error row has the suspect, the victim, the scheme, the queries spent before
     * the failure and the error, and nulls elsewhere; a verdict row has no error.
     */
    public static final StructType SCHEMA = new StructType()
            .add("suspect", DataTypes.StringType, false)
            .add("victim", DataTypes.StringType, false)
            .add("scheme", DataTypes.StringType, true)
            .add("representation", DataTypes.StringType, true)
            .add("distance", DataTypes.DoubleType, true)
            .add("threshold", DataTypes.DoubleType, true)
            .add("threshold_source", DataTypes.StringType, true)
            .add("outcome", DataTypes.StringType, true)
            .add("p_value", DataTypes.DoubleType, true)
            .add("queries", DataTypes.LongType, false)
            .add("notes", DataTypes.StringType, true)
            .add("error", DataTypes.StringType, true);

    private VerdictRows() {
    }

    /** The row of a verdict of {@code suspect} against the fingerprint called {@code victim}. */
    public static Row of(String suspect, String victim, Verdict v) {
        return RowFactory.create(suspect, victim, v.scheme(), v.representation().name().toLowerCase(Locale.ROOT),
                v.distance(), v.threshold().map(Threshold::value).orElse(null),
                v.threshold().map(t -> t.source().name().toLowerCase(Locale.ROOT)).orElse(null), v.outcome().name(),
                v.pValue().isPresent() ? v.pValue().getAsDouble() : null, v.suspectQueries(),
                v.notes().isEmpty() ? null : String.join("; ", v.notes()), null);
    }

    /** The row saying that {@code suspect} could not be verified against {@code victim}, and why. */
    public static Row error(String suspect, String victim, String scheme, long queries, Throwable why) {
        return RowFactory.create(suspect, victim, scheme, null, null, null, null, null, null, queries, null,
                describe(why));
    }

    /** The exception's type and message, and its cause's when it adds something. */
    static String describe(Throwable e) {
        StringBuilder s = new StringBuilder(e.getClass().getSimpleName()).append(": ").append(e.getMessage());
        Throwable c = e.getCause();
        if (c != null && c != e && c.getMessage() != null && (e.getMessage() == null || !e.getMessage().contains(c.getMessage()))) {
            s.append(" (caused by ").append(c.getClass().getSimpleName()).append(": ").append(c.getMessage()).append(')');
        }
        return s.toString();
    }
}
