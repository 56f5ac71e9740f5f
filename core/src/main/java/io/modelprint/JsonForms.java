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
package io.modelprint;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.time.Duration;
import java.util.OptionalDouble;

/**
 * The JSON forms of {@link Verdict} and {@link Threshold}, written by any Jackson
 * {@code ObjectMapper} (the records name these serializers): stable field names, every field always
 * present, absent values as JSON {@code null}, never NaN or a sentinel number. The fields are listed
 * in {@link Verdict}'s and {@link Threshold}'s documentation.
 *
 * <pre>{@code
 * String json = new ObjectMapper().writeValueAsString(verdict);
 * }</pre>
 */
final class JsonForms {

    private JsonForms() {
    }

    /** Writes a verdict. */
    static final class VerdictSerializer extends StdSerializer<Verdict> {

        private static final long serialVersionUID = 1L;

        VerdictSerializer() {
            super(Verdict.class);
        }

        @Override
        public void serialize(Verdict v, JsonGenerator g, SerializerProvider provider) throws IOException {
            g.writeStartObject();
            g.writeStringField("suspect", v.suspect());
            g.writeStringField("scheme", v.scheme());
            g.writeStringField("outcome", v.outcome().name());
            g.writeBooleanField("stolen", v.stolen());
            g.writeStringField("representation", v.representation() == null ? null : v.representation().name());
            number(g, "distance", v.distance());
            g.writeFieldName("threshold");
            if (v.threshold().isPresent()) {
                new ThresholdSerializer().serialize(v.threshold().get(), g, provider);
            } else {
                g.writeNull();
            }
            number(g, "pValue", v.pValue());
            g.writeFieldName("references");
            if (v.references().isPresent()) {
                Verdict.ReferenceEvidence r = v.references().get();
                g.writeStartObject();
                g.writeNumberField("count", r.count());
                g.writeNumberField("atLeastAsClose", r.atLeastAsClose());
                g.writeBooleanField("trained", r.trained());
                g.writeEndObject();
            } else {
                g.writeNull();
            }
            g.writeArrayFieldStart("notes");
            for (String note : v.notes()) {
                g.writeString(note);
            }
            g.writeEndArray();
            g.writeStringField("explanation", v.explanation());
            g.writeNumberField("suspectQueries", v.suspectQueries());
            g.writeFieldName("costs");
            Verdict.Costs c = v.costs();
            if (c == null) {
                g.writeNull();
            } else {
                g.writeStartObject();
                millis(g, "querySetBuildMs", c.querySetBuild());
                millis(g, "victimFingerprintMs", c.victimFingerprint());
                millis(g, "suspectFingerprintMs", c.suspectFingerprint());
                millis(g, "comparisonMs", c.comparison());
                g.writeEndObject();
            }
            g.writeEndObject();
        }
    }

    /** Writes a threshold. */
    static final class ThresholdSerializer extends StdSerializer<Threshold> {

        private static final long serialVersionUID = 1L;

        ThresholdSerializer() {
            super(Threshold.class);
        }

        @Override
        public void serialize(Threshold t, JsonGenerator g, SerializerProvider provider) throws IOException {
            g.writeStartObject();
            g.writeNumberField("value", t.value());
            g.writeStringField("source", t.source().name());
            number(g, "targetFpr", t.targetFpr());
            g.writeStringField("description", t.description());
            g.writeEndObject();
        }
    }

    // JSON has no NaN or infinity: a value that is not finite is absent
    private static void number(JsonGenerator g, String name, double value) throws IOException {
        if (Double.isFinite(value)) {
            g.writeNumberField(name, value);
        } else {
            g.writeNullField(name);
        }
    }

    private static void number(JsonGenerator g, String name, OptionalDouble value) throws IOException {
        number(g, name, value.isPresent() ? value.getAsDouble() : Double.NaN);
    }

    private static void millis(JsonGenerator g, String name, Duration d) throws IOException {
        if (d == null) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, d.toNanos() / 1e6);
        }
    }
}
