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
package io.modelprint.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelprint.ImageBatch;
import io.modelprint.ImageShape;
import io.modelprint.ModelException;
import io.modelprint.OutputKind;
import io.modelprint.Predictions;
import io.modelprint.kernel.Matrix;
import java.util.Locale;

/**
 * How an {@link HttpModel} turns a batch into a JSON request body and a JSON response body into
 * answers: the mapping hook for prediction APIs of other shapes.
 *
 * <p>The {@linkplain #STANDARD standard contract}, one POST per batch:
 * <pre>
 * request:  { "shape": [channels, height, width], "layout": "NCHW",
 *             "instances": [ [pixel, ...], ... ] }          one array of C*H*W values in [0, 1] per image
 * response: { "outputs": [ [score, ...], ... ] }             logits or probabilities: one row per image,
 *                                                            one number per class
 *        or { "labels": [ label, ... ] }                     label-only APIs: one integer per image
 * </pre>
 * A decoder throws {@link IllegalArgumentException} naming what is wrong with an answer (the
 * model turns it into a {@link ModelException}); it need not check row and class
 * counts again, {@link Predictions} and the model do.
 *
 * <pre>{@code
 * JsonContract tfServing = new JsonContract() {
 *     public JsonNode request(ImageBatch batch, ObjectMapper json) { ... {"instances": ...} ... }
 *     public Predictions response(JsonNode body, ImageBatch batch, int numClasses, OutputKind kind) {
 *         return JsonContract.scoreRows(body.get("predictions"), batch.count(), numClasses, kind);
 *     }
 * };
 * }</pre>
 */
public interface JsonContract {

    /** The contract documented on this interface. */
    JsonContract STANDARD = new JsonContract() {
        @Override
        public JsonNode request(ImageBatch batch, ObjectMapper json) {
            ObjectNode body = json.createObjectNode();
            ImageShape s = batch.shape();
            body.putArray("shape").add(s.channels()).add(s.height()).add(s.width());
            body.put("layout", "NCHW");
            ArrayNode instances = body.putArray("instances");
            float[] px = batch.pixels();
            int per = s.size();
            for (int n = 0; n < batch.count(); n++) {
                ArrayNode row = instances.addArray();
                for (int k = 0; k < per; k++) {
                    row.add(px[n * per + k]);
                }
            }
            return body;
        }

        @Override
        public Predictions response(JsonNode body, ImageBatch batch, int numClasses, OutputKind kind) {
            if (!body.isObject()) {
                throw new IllegalArgumentException("the answer is " + nodeType(body) + ", expected an object with "
                        + (kind == OutputKind.LABELS ? "\"labels\"" : "\"outputs\""));
            }
            if (kind == OutputKind.LABELS) {
                return labels(body.get("labels"), batch.count(), numClasses);
            }
            return scoreRows(body.get("outputs"), batch.count(), numClasses, kind);
        }

        @Override
        public String toString() {
            return "standard JSON contract";
        }
    };

    /** The JSON request body for {@code batch}. */
    JsonNode request(ImageBatch batch, ObjectMapper json);

    /**
     * The answers to {@code batch} read from the response body.
     *
     * @throws IllegalArgumentException naming what is missing or malformed
     */
    Predictions response(JsonNode body, ImageBatch batch, int numClasses, OutputKind kind);

    /**
     * The server's side of {@link #STANDARD}: {@code answers} as the response body a standard API
     * sends, {@code {"outputs": [[...], ...]}} for scores or {@code {"labels": [...]}} for labels.
     * For servers and test doubles that speak the contract.
     */
    static ObjectNode standardResponse(Predictions answers, ObjectMapper json) {
        ObjectNode out = json.createObjectNode();
        if (answers.kind() == OutputKind.LABELS) {
            ArrayNode labels = out.putArray("labels");
            for (int l : answers.labels()) {
                labels.add(l);
            }
            return out;
        }
        ArrayNode rows = out.putArray("outputs");
        for (int r = 0; r < answers.count(); r++) {
            ArrayNode row = rows.addArray();
            for (int c = 0; c < answers.numClasses(); c++) {
                row.add(answers.scores().get(r, c));
            }
        }
        return out;
    }

    /**
     * Reads {@code rows}, an array of {@code count} arrays of {@code numClasses} numbers, as scores
     * of {@code kind}: the common case for custom contracts.
     *
     * @throws IllegalArgumentException naming the first row or value that does not fit
     */
    static Predictions scoreRows(JsonNode rows, int count, int numClasses, OutputKind kind) {
        if (rows == null || !rows.isArray()) {
            throw new IllegalArgumentException("the answer has no array of output rows (found " + nodeType(rows) + ")");
        }
        if (rows.size() != count) {
            throw new IllegalArgumentException("the answer has " + rows.size() + " output rows for " + count
                    + " images: one row per image is required");
        }
        float[] out = new float[count * numClasses];
        for (int r = 0; r < count; r++) {
            JsonNode row = rows.get(r);
            if (!row.isArray() || row.size() != numClasses) {
                throw new IllegalArgumentException("output row " + r + " is " + (row.isArray()
                        ? "an array of " + row.size() + " values" : nodeType(row)) + ", expected " + numClasses
                        + " numbers (one per class)");
            }
            for (int c = 0; c < numClasses; c++) {
                JsonNode v = row.get(c);
                if (!v.isNumber()) {
                    throw new IllegalArgumentException("output row " + r + ", class " + c + " is " + v
                            + ", not a number");
                }
                out[r * numClasses + c] = (float) v.doubleValue();
            }
        }
        return Predictions.ofScores(kind, Matrix.of(count, numClasses, out));
    }

    /**
     * Reads {@code labels}, an array of {@code count} integers in {@code [0, numClasses)}.
     *
     * @throws IllegalArgumentException naming the first value that does not fit
     */
    static Predictions labels(JsonNode labels, int count, int numClasses) {
        if (labels == null || !labels.isArray()) {
            throw new IllegalArgumentException("the answer has no array of labels (found " + nodeType(labels) + ")");
        }
        if (labels.size() != count) {
            throw new IllegalArgumentException("the answer has " + labels.size() + " labels for " + count
                    + " images: one label per image is required");
        }
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            JsonNode v = labels.get(i);
            if (!v.isIntegralNumber() || !v.canConvertToInt()) {
                throw new IllegalArgumentException("label " + i + " is " + v + ", not an integer class");
            }
            out[i] = v.intValue();
        }
        return Predictions.ofLabels(out, numClasses);
    }

    private static String nodeType(JsonNode n) {
        return n == null || n.isMissingNode() ? "nothing" : n.getNodeType().name().toLowerCase(Locale.ROOT);
    }
}
