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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

/** The JSON forms of verdicts, thresholds and fingerprint summaries: stable fields, explicit absence, no NaN. */
class JsonFormsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static final Set<String> VERDICT_FIELDS = Set.of("suspect", "scheme", "outcome", "stolen", "representation",
            "distance", "threshold", "pValue", "references", "notes", "explanation", "suspectQueries", "costs");

    private static final Verdict.Costs COSTS = new Verdict.Costs(Duration.ofMillis(1500), Duration.ofMillis(20),
            Duration.ofNanos(2_500_000), Duration.ZERO);

    private static JsonNode write(Object value) throws Exception {
        String text = JSON.writeValueAsString(value);
        // no value is NaN or infinite, as a bare token or as Jackson's string for one (prose may say NaN)
        assertFalse(text.matches("(?s).*:\\s*\"?-?(NaN|Infinity)\"?\\s*[,}\\]].*"), text);
        return JSON.readTree(text);
    }

    private static Set<String> fields(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void aCalibratedStolenVerdictWritesEveryField() throws Exception {
        Threshold t = new Threshold(0.05, Threshold.Source.REFERENCE_MODELS, OptionalDouble.of(0.05), "from 4 references");
        Verdict v = new Verdict("copy.onnx", "sac-m", OutputKind.LOGITS, Verdict.Outcome.STOLEN, 0.0121, Optional.of(t),
                OptionalDouble.of(0.018), Optional.of(new Verdict.ReferenceEvidence(4, 0, false)), List.of(), 100, COSTS);
        JsonNode n = write(v);
        assertEquals(new TreeSet<>(VERDICT_FIELDS), fields(n));
        assertEquals("STOLEN", n.get("outcome").asText());
        assertTrue(n.get("stolen").asBoolean());
        assertEquals("LOGITS", n.get("representation").asText());
        assertEquals(0.0121, n.get("distance").asDouble());
        assertEquals(0.05, n.get("threshold").get("value").asDouble());
        assertEquals("REFERENCE_MODELS", n.get("threshold").get("source").asText());
        assertEquals(0.05, n.get("threshold").get("targetFpr").asDouble());
        assertEquals("from 4 references", n.get("threshold").get("description").asText());
        assertEquals(0.018, n.get("pValue").asDouble());
        assertEquals(4, n.get("references").get("count").asInt());
        assertEquals(0, n.get("references").get("atLeastAsClose").asInt());
        assertFalse(n.get("references").get("trained").asBoolean());
        assertEquals(v.explanation(), n.get("explanation").asText());
        assertEquals(100, n.get("suspectQueries").asLong());
        assertEquals(1500.0, n.get("costs").get("querySetBuildMs").asDouble());
        assertEquals(2.5, n.get("costs").get("suspectFingerprintMs").asDouble());
    }

    @Test
    void anInconclusiveVerdictWritesAbsentValuesAsNullNotAsSentinels() throws Exception {
        Verdict v = new Verdict("constant", "akh-excess", OutputKind.LABELS, Verdict.Outcome.INCONCLUSIVE, Double.NaN,
                Optional.empty(), OptionalDouble.empty(), Optional.empty(), List.of("the suspect answers one class"), 300,
                COSTS);
        JsonNode n = write(v);
        assertEquals(new TreeSet<>(VERDICT_FIELDS), fields(n));
        for (String absent : List.of("distance", "threshold", "pValue", "references")) {
            assertTrue(n.get(absent).isNull(), absent + " in " + n);
        }
        assertFalse(n.get("stolen").asBoolean());
        assertEquals("the suspect answers one class", n.get("notes").get(0).asText());
    }

    @Property(tries = 200)
    void everyVerdictIsValidJsonWithItsDistanceOrNull(@ForAll @DoubleRange(min = -1, max = 10) double d,
                                                      @ForAll boolean special) throws Exception {
        double distance = special ? (d > 4 ? Double.POSITIVE_INFINITY : Double.NaN) : d;
        Threshold t = Threshold.user(0.2);
        Verdict.Outcome o = distance < 0.2 ? Verdict.Outcome.STOLEN : Verdict.Outcome.INDEPENDENT;
        Verdict v = new Verdict("s", "akh", OutputKind.LABELS, o, distance, Optional.of(t), OptionalDouble.empty(),
                Optional.empty(), List.of(), 1, COSTS);
        JsonNode n = write(v);
        if (Double.isFinite(distance)) {
            assertEquals(distance, n.get("distance").asDouble());
        } else {
            assertTrue(n.get("distance").isNull());
        }
        assertTrue(n.get("threshold").get("targetFpr").isNull());
        assertEquals("USER", n.get("threshold").get("source").asText());
    }

    @Test
    void aFingerprintSummaryHoldsNoQueryOrAnswerAndSortsItsParameters() throws Exception {
        ImageShape shape = new ImageShape(1, 2, 2);
        QuerySet q = QuerySet.of(ImageBatch.of(shape, new float[] {0, 0.5f, 1, 0.25f, 1, 1, 0, 0}), "test-queries",
                Map.of(), 1);
        Provenance p = new Provenance("akh", Map.of("queries", "2", "alpha", "x"), 7, q.sha256(), "victim", "0.1.0",
                Instant.parse("2026-12-01T12:00:00Z"));
        VictimFingerprint fp = new VictimFingerprint(p, q, Predictions.ofLabels(new int[] {1, 2}, 3),
                List.of(new VictimFingerprint.ReferenceAnswers("r", Predictions.ofLabels(new int[] {0, 2}, 3), true)),
                Duration.ofMillis(3), Duration.ofMillis(4));
        String text = JSON.writeValueAsString(fp.summary());
        JsonNode n = JSON.readTree(text);
        assertEquals(Set.of("scheme", "parameters", "seed", "querySetSha256", "victim", "libraryVersion", "createdAt",
                "queries", "numClasses", "victimOutput", "references", "trainedReferences", "querySetBuildMs",
                "fingerprintMs"), fields(n));
        assertTrue(text.indexOf("\"alpha\"") < text.indexOf("\"queries\":\"2\""), text);
        assertEquals(2, n.get("queries").asInt());
        assertEquals(3, n.get("numClasses").asInt());
        assertEquals("LABELS", n.get("victimOutput").asText());
        assertEquals(1, n.get("references").asInt());
        assertEquals(1, n.get("trainedReferences").asInt());
        assertEquals("2026-12-01T12:00:00Z", n.get("createdAt").asText());
        assertEquals(q.sha256(), n.get("querySetSha256").asText());
        assertFalse(text.contains("pixels") || text.contains("answers"), text);
    }
}
