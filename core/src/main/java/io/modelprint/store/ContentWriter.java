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

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelprint.ImageShape;
import io.modelprint.Predictions;
import io.modelprint.Provenance;
import io.modelprint.QuerySet;
import io.modelprint.VictimFingerprint;
import java.util.Base64;
import java.util.Map;

/** Writes a {@link VictimFingerprint} as the {@code content} of a fingerprint document, in the order the format lists. */
final class ContentWriter {

    private ContentWriter() {
    }

    static ObjectNode content(VictimFingerprint fp) {
        ObjectNode c = Envelope.MAPPER.createObjectNode();
        c.set("provenance", provenance(fp.provenance()));
        c.set("querySet", querySet(fp.querySet()));
        c.set("victimAnswers", answers(fp.victimAnswers()));
        ArrayNode refs = c.putArray("references");
        for (VictimFingerprint.ReferenceAnswers r : fp.references()) {
            ObjectNode o = refs.addObject();
            o.put("name", r.name());
            if (r.trained()) {
                o.put("trained", true);   // absent in files of references the user gave, and in version-1 files
            }
            o.set("answers", answers(r.answers()));
        }
        ObjectNode t = c.putObject("timings");
        t.put("querySetBuildNanos", fp.querySetBuildTime().toNanos());
        t.put("fingerprintNanos", fp.fingerprintTime().toNanos());
        return c;
    }

    /**
     * The bytes the base64 fields of {@code fp}'s content take (pixels, scores), without encoding
     * them: a lower bound of the document's size, known before memory is spent on it.
     */
    static long encodedBytes(VictimFingerprint fp) {
        float[] pixels = fp.querySet().inputs().pixels();
        long raw = (long) pixels.length * (PixelCodec.isEightBit(pixels) ? 1 : Float.BYTES);
        long total = base64Length(raw) + scoreBytes(fp.victimAnswers());
        for (VictimFingerprint.ReferenceAnswers r : fp.references()) {
            total += scoreBytes(r.answers());
        }
        return total;
    }

    private static long scoreBytes(Predictions a) {
        return a.kind().hasScores() ? base64Length((long) a.count() * a.numClasses() * Float.BYTES) : 0;
    }

    private static long base64Length(long bytes) {
        return 4 * ((bytes + 2) / 3);
    }

    private static ObjectNode provenance(Provenance p) {
        ObjectNode prov = Envelope.MAPPER.createObjectNode();
        prov.put("scheme", p.scheme());
        putStrings(prov.putObject("parameters"), p.parameters());
        prov.put("seed", p.seed());
        prov.put("querySetSha256", p.querySetSha256());
        prov.put("victim", p.victim());
        prov.put("libraryVersion", p.libraryVersion());
        prov.put("createdAt", p.createdAt() == null ? null : p.createdAt().toString());
        return prov;
    }

    private static ObjectNode querySet(QuerySet q) {
        ObjectNode qs = Envelope.MAPPER.createObjectNode();
        qs.put("builder", q.builder());
        putStrings(qs.putObject("parameters"), q.parameters());
        putStrings(qs.putObject("outcome"), q.outcome());
        qs.put("seed", q.seed());
        qs.put("sha256", q.sha256());
        ImageShape s = q.inputs().shape();
        qs.putArray("shape").add(s.channels()).add(s.height()).add(s.width());
        qs.put("count", q.size());
        float[] pixels = q.inputs().pixels();
        boolean u8 = PixelCodec.isEightBit(pixels);
        qs.put("encoding", u8 ? PixelCodec.U8 : PixelCodec.F32LE);
        qs.put("pixels", Base64.getEncoder().encodeToString(u8 ? PixelCodec.toU8(pixels)
                : PixelCodec.toLittleEndian(pixels)));
        return qs;
    }

    private static void putStrings(ObjectNode node, Map<String, String> values) {
        values.forEach(node::put);
    }

    private static ObjectNode answers(Predictions a) {
        ObjectNode o = Envelope.MAPPER.createObjectNode();
        o.put("kind", a.kind().name());
        o.put("classes", a.numClasses());
        o.put("count", a.count());
        if (a.kind().hasScores()) {
            o.put("scores", Base64.getEncoder().encodeToString(PixelCodec.toLittleEndian(a.scores().data())));
        } else {
            ArrayNode labels = o.putArray("labels");
            for (int l : a.labels()) {
                labels.add(l);
            }
        }
        return o;
    }
}
