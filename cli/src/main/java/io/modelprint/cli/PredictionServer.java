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
package io.modelprint.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.modelprint.ImageBatch;
import io.modelprint.ImageShape;
import io.modelprint.Model;
import io.modelprint.OutputKind;
import io.modelprint.Predictions;
import io.modelprint.http.JsonContract;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A model answering modelprint's standard JSON contract ({@link JsonContract#STANDARD})
 * at {@code POST /predict}: what {@code modelprint serve} runs, and a stand-in for a real prediction API.
 *
 * <pre>{@code
 * try (PredictionServer s = PredictionServer.start(model, new InetSocketAddress("127.0.0.1", 0), true)) {
 *     HttpModel api = HttpModel.builder(s.uri()) ... .build();
 * }
 * }</pre>
 */
public final class PredictionServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor;
    private final Model model;
    private final boolean probabilities;

    private PredictionServer(HttpServer server, ExecutorService executor, Model model, boolean probabilities) {
        this.server = server;
        this.executor = executor;
        this.model = model;
        this.probabilities = probabilities;
    }

    /**
     * Starts serving {@code model} at {@code address} (port 0 picks a free one); answers
     * probabilities (softmax of logits) when {@code probabilities} is set.
     */
    public static PredictionServer start(Model model, InetSocketAddress address, boolean probabilities)
            throws IOException {
        HttpServer server = HttpServer.create(address, 0);
        ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "prediction-server");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        PredictionServer s = new PredictionServer(server, executor, model, probabilities);
        server.createContext("/predict", s::handle);
        server.start();
        return s;
    }

    /** The prediction endpoint. */
    public URI uri() {
        InetSocketAddress a = server.getAddress();
        return URI.create("http://" + a.getHostString() + ":" + a.getPort() + "/predict");
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            if (!"POST".equals(ex.getRequestMethod())) {
                send(ex, 405, error("POST a JSON batch to this endpoint"));
                return;
            }
            JsonNode req;
            try {
                req = JSON.readTree(ex.getRequestBody());
            } catch (IOException e) {
                send(ex, 400, error("the request is not JSON: " + e.getMessage()));
                return;
            }
            ImageShape s = model.inputShape();
            JsonNode instances = req.path("instances");
            if (!instances.isArray() || instances.isEmpty()) {
                send(ex, 400, error("the request needs \"instances\": an array of images of " + s.size() + " values"));
                return;
            }
            float[] px = new float[instances.size() * s.size()];
            for (int n = 0; n < instances.size(); n++) {
                JsonNode row = instances.get(n);
                if (!row.isArray() || row.size() != s.size()) {
                    send(ex, 400, error("instance " + n + " must hold " + s.size() + " values (" + s + ")"));
                    return;
                }
                for (int k = 0; k < s.size(); k++) {
                    JsonNode value = row.get(k);
                    // never read a string, a boolean or null as 0: that would answer for an image nobody sent
                    if (!value.isNumber()) {
                        send(ex, 400, error("instance " + n + ", value " + k + " is " + value.getNodeType()
                                .name().toLowerCase(Locale.ROOT) + " " + value + ", not a number: pixels are numbers in [0, 1]"));
                        return;
                    }
                    double v = value.asDouble();
                    if (!(v >= 0 && v <= 1)) {
                        send(ex, 400, error("instance " + n + ", value " + k + " is " + value + ", outside [0, 1]: "
                                + "pixels are numbers in [0, 1]; scale 8-bit images by 1/255"));
                        return;
                    }
                    px[n * s.size() + k] = (float) v;
                }
            }
            Predictions p = model.predict(ImageBatch.of(s, px));
            if (probabilities && p.kind() == OutputKind.LOGITS) {
                p = p.toProbabilities();
            }
            send(ex, 200, answer(p));
        } catch (RuntimeException e) {
            send(ex, 500, error(e.getMessage()));
        }
    }

    private static ObjectNode answer(Predictions p) {
        return JsonContract.standardResponse(p, JSON);
    }

    private static ObjectNode error(String message) {
        return JSON.createObjectNode().put("error", message);
    }

    private static void send(HttpExchange ex, int status, ObjectNode body) throws IOException {
        byte[] b = JSON.writeValueAsBytes(body);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
