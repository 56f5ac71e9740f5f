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
package io.modelprint.store;

import static io.modelprint.store.JsonFields.base64;
import static io.modelprint.store.JsonFields.integer;
import static io.modelprint.store.JsonFields.nonNegative;
import static io.modelprint.store.JsonFields.object;
import static io.modelprint.store.JsonFields.optionalText;
import static io.modelprint.store.JsonFields.positive;
import static io.modelprint.store.JsonFields.requireLength;
import static io.modelprint.store.JsonFields.strings;
import static io.modelprint.store.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelprint.ImageBatch;
import io.modelprint.ImageShape;
import io.modelprint.OutputKind;
import io.modelprint.Predictions;
import io.modelprint.Provenance;
import io.modelprint.QuerySet;
import io.modelprint.VictimFingerprint;
import io.modelprint.kernel.Matrix;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the {@code content} of a fingerprint document back into a {@link VictimFingerprint}, one
 * part at a time. Every check throws {@link IllegalArgumentException} naming the field; the
 * caller turns it into an {@code INVALID_CONTENT} {@link FingerprintFileException}.
 */
final class ContentReader {

    /**
     * What builders recorded about their build in {@code querySet.parameters} before the query set
     * kept them apart ({@code querySet.outcome}): read from such files into the outcome. A
     * combination's components wrote them behind their name and a dot ({@code sac-m.box}).
     */
    static final Set<String> OUTCOME_BEFORE_SPLIT = Set.of("box", "candidates", "surrogates", "references", "meanScore",
            "stepsRun", "converged");

    private static final Set<String> FIELDS = Set.of("provenance", "querySet", "victimAnswers", "references", "timings");

    private ContentReader() {
    }

    static VictimFingerprint content(JsonNode c) {
        Provenance provenance = provenance(object(c, "provenance"));
        QuerySet querySet = querySet(object(c, "querySet"));
        Predictions victim = answers(object(c, "victimAnswers"), "victimAnswers");
        List<VictimFingerprint.ReferenceAnswers> refs = references(c.get("references"));
        JsonNode t = object(c, "timings");
        Duration build = Duration.ofNanos(nonNegative(integer(t, "querySetBuildNanos"), "timings.querySetBuildNanos"));
        Duration fingerprint = Duration.ofNanos(nonNegative(integer(t, "fingerprintNanos"), "timings.fingerprintNanos"));
        if (c.size() != FIELDS.size()) {
            throw new IllegalArgumentException("content has unexpected fields besides provenance, querySet, "
                    + "victimAnswers, references and timings");
        }
        return new VictimFingerprint(provenance, querySet, victim, refs, build, fingerprint);
    }

    private static Provenance provenance(JsonNode prov) {
        String createdAt = optionalText(prov, "createdAt");
        Map<String, String> parameters = strings(prov, "parameters");
        addProbabilityScale(parameters);
        Provenance provenance = new Provenance(text(prov, "scheme"), parameters,
                integer(prov, "seed"), text(prov, "querySetSha256"), optionalText(prov, "victim"),
                optionalText(prov, "libraryVersion"), createdAt == null ? null : Instant.parse(createdAt));
        if (provenance.scheme().isBlank()) {
            throw new IllegalArgumentException("provenance.scheme is blank");
        }
        return provenance;
    }

    private static QuerySet querySet(JsonNode qs) {
        ImageShape shape = shape(qs.get("shape"));
        int count = positive(qs.get("count"), "querySet.count");
        float[] pixels = pixels(qs, Math.multiplyExact((long) count, shape.size()));
        Map<String, String> parameters = strings(qs, "parameters");
        Map<String, String> outcome = new LinkedHashMap<>();
        if (qs.has("outcome")) {
            outcome.putAll(strings(qs, "outcome"));
        } else {
            splitOutcome(parameters, outcome);
        }
        QuerySet querySet = QuerySet.of(ImageBatch.of(shape, pixels), text(qs, "builder"), parameters, outcome,
                integer(qs, "seed"));
        String storedSha = text(qs, "sha256");
        if (!storedSha.equals(querySet.sha256())) {
            throw new IllegalArgumentException("the query images hash to " + querySet.sha256() + " but querySet.sha256 is "
                    + storedSha);
        }
        return querySet;
    }

    /**
     * Files written before the SAC schemes had {@code probabilityScale} compared probabilities as
     * they are: their correlation settings (a scheme's own, or a combined scheme's
     * {@code sac-m.}-prefixed ones) read with {@code probabilityScale=linear}, so they keep their
     * distances. Settings are recognised by their {@code correlation} and {@code temperature}
     * entries, which every version wrote.
     */
    private static void addProbabilityScale(Map<String, String> parameters) {
        for (String key : List.copyOf(parameters.keySet())) {
            if (key.equals("correlation") || key.endsWith(".correlation")) {
                String prefix = key.substring(0, key.length() - "correlation".length());
                if (parameters.containsKey(prefix + "temperature") && !parameters.containsKey(prefix + "probabilityScale")) {
                    parameters.put(prefix + "probabilityScale", "linear");
                }
            }
        }
    }

    // files written before the split: move what the build recorded from the parameters to the outcome
    private static void splitOutcome(Map<String, String> parameters, Map<String, String> outcome) {
        for (var it = parameters.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, String> e = it.next();
            String key = e.getKey();
            if (OUTCOME_BEFORE_SPLIT.contains(key.substring(key.lastIndexOf('.') + 1))) {
                outcome.put(key, e.getValue());
                it.remove();
            }
        }
    }

    private static ImageShape shape(JsonNode shapeNode) {
        if (shapeNode == null || !shapeNode.isArray() || shapeNode.size() != 3) {
            throw new IllegalArgumentException("querySet.shape must be [channels, height, width], got " + shapeNode);
        }
        return new ImageShape(positive(shapeNode.get(0), "querySet.shape[0]"),
                positive(shapeNode.get(1), "querySet.shape[1]"), positive(shapeNode.get(2), "querySet.shape[2]"));
    }

    private static float[] pixels(JsonNode qs, long values) {
        String encoding = text(qs, "encoding");
        byte[] raw = base64(qs, "pixels");
        return switch (encoding) {
            case PixelCodec.U8 -> {
                requireLength("querySet.pixels", raw.length, values, PixelCodec.U8);
                yield PixelCodec.fromU8(raw);
            }
            case PixelCodec.F32LE -> {
                requireLength("querySet.pixels", raw.length, Math.multiplyExact(values, Float.BYTES), PixelCodec.F32LE);
                yield PixelCodec.fromLittleEndian(raw);
            }
            default -> throw new IllegalArgumentException("querySet.encoding is '" + encoding + "', expected u8 or f32le");
        };
    }

    private static List<VictimFingerprint.ReferenceAnswers> references(JsonNode refsNode) {
        if (refsNode == null || !refsNode.isArray()) {
            throw new IllegalArgumentException("references must be an array, got " + refsNode);
        }
        List<VictimFingerprint.ReferenceAnswers> refs = new ArrayList<>();
        for (int i = 0; i < refsNode.size(); i++) {
            JsonNode r = refsNode.get(i);
            if (!r.isObject()) {
                throw new IllegalArgumentException("references[" + i + "] must be an object, got " + r);
            }
            JsonNode trained = r.get("trained");
            if (trained != null && !trained.isBoolean()) {
                throw new IllegalArgumentException("references[" + i + "].trained must be true or false, got " + trained);
            }
            refs.add(new VictimFingerprint.ReferenceAnswers(text(r, "name"),
                    answers(object(r, "answers"), "references[" + i + "].answers"), trained != null && trained.asBoolean()));
        }
        return refs;
    }

    private static Predictions answers(JsonNode a, String where) {
        String kindName = text(a, "kind");
        OutputKind kind;
        try {
            kind = OutputKind.valueOf(kindName);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ".kind is '" + kindName + "', expected LOGITS, PROBABILITIES or LABELS",
                    e);
        }
        int classes = positive(a.get("classes"), where + ".classes");
        int count = positive(a.get("count"), where + ".count");
        if (kind.hasScores()) {
            byte[] raw = base64(a, "scores");
            requireLength(where + ".scores", raw.length,
                    Math.multiplyExact(Math.multiplyExact((long) count, classes), Float.BYTES), PixelCodec.F32LE);
            return Predictions.ofScores(kind, Matrix.of(count, classes, PixelCodec.fromLittleEndian(raw)));
        }
        return Predictions.ofLabels(labels(a.get("labels"), count, where), classes);
    }

    private static int[] labels(JsonNode labels, int count, String where) {
        if (labels == null || !labels.isArray() || labels.size() != count) {
            throw new IllegalArgumentException(where + ".labels must be an array of " + count + " labels");
        }
        int[] l = new int[count];
        for (int i = 0; i < count; i++) {
            JsonNode v = labels.get(i);
            if (!v.isIntegralNumber() || !v.canConvertToInt()) {
                throw new IllegalArgumentException(where + ".labels[" + i + "] is " + v + ", not an integer");
            }
            l[i] = v.intValue();
        }
        return l;
    }
}
