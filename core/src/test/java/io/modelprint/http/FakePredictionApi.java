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
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.modelprint.ImageBatch;
import io.modelprint.ImageShape;
import io.modelprint.Model;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A prediction API on 127.0.0.1 that answers with a local model, following the standard contract,
 * and misbehaves on cue: slow, failing, lying about shapes, dropping connections.
 */
final class FakePredictionApi implements AutoCloseable {

    /** What the server does with one request. */
    enum Behaviour {
        ANSWER, FAIL_503, FAIL_503_RETRY_AFTER, BAD_REQUEST_400, HANG, DROP_CONNECTION, CUT_BODY, GARBAGE,
        TRUNCATED_JSON, EXTRA_ROW, MISSING_CLASS, NOT_A_NUMBER, NAN_TEXT, NOT_DISTRIBUTIONS, EMPTY_BODY, ARRAY_BODY,
        /** 429 asking for a retry after 100,000 s (27.8 hours). */
        RETRY_AFTER_HUGE,
        /** 429 asking for a retry after 30 s. */
        RETRY_AFTER_30,
        /** 307 to {@link #redirectTo} (this server's own URL unless set). */
        REDIRECT_307,
        /** 302 to this server's own URL. */
        REDIRECT_302,
        /** 200 declaring a 2 GiB body, then streaming zeros until the client goes away. */
        HUGE_DECLARED,
        /** 200 with a chunked body of spaces that never ends until the client goes away. */
        ENDLESS_CHUNKED
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Model backing;
    private final HttpServer server;
    private final ExecutorService executor;
    private final Deque<Behaviour> script = new ArrayDeque<>();
    private final CountDownLatch release = new CountDownLatch(1);
    final AtomicInteger requests = new AtomicInteger();
    final AtomicLong imagesReceived = new AtomicLong();
    /** The Authorization header of every request received, in order (null where absent). */
    final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());
    /** Where {@link Behaviour#REDIRECT_307} points; this server's own URL when null. */
    volatile URI redirectTo;

    FakePredictionApi(Model backing) throws IOException {
        this.backing = backing;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-prediction-api");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/predict", this::handle);
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/predict?key=secret");
    }

    /** The next requests behave so, in order; later ones are answered. */
    synchronized FakePredictionApi then(Behaviour... next) {
        script.addAll(Arrays.asList(next));
        return this;
    }

    private synchronized Behaviour next() {
        return script.isEmpty() ? Behaviour.ANSWER : script.poll();
    }

    private void handle(HttpExchange ex) throws IOException {
        requests.incrementAndGet();
        authorizations.add(ex.getRequestHeaders().getFirst("Authorization"));
        JsonNode req = JSON.readTree(ex.getRequestBody().readAllBytes());
        JsonNode shape = req.get("shape");
        ImageShape s = new ImageShape(shape.get(0).asInt(), shape.get(1).asInt(), shape.get(2).asInt());
        JsonNode instances = req.get("instances");
        float[] px = new float[instances.size() * s.size()];
        for (int n = 0; n < instances.size(); n++) {
            for (int k = 0; k < s.size(); k++) {
                px[n * s.size() + k] = (float) instances.get(n).get(k).doubleValue();
            }
        }
        imagesReceived.addAndGet(instances.size());
        Behaviour b = next();
        switch (b) {
            case FAIL_503 -> send(ex, 503, "{\"error\": \"overloaded\"}");
            case FAIL_503_RETRY_AFTER -> {
                ex.getResponseHeaders().add("Retry-After", "2");
                send(ex, 503, "busy");
            }
            case BAD_REQUEST_400 -> send(ex, 400, "{\"error\": \"unknown model\"}");
            case HANG -> {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                ex.close();
            }
            case DROP_CONNECTION -> throw new IOException("dropping the connection on purpose");
            case CUT_BODY -> {
                byte[] full = answer(ImageBatch.of(s, px)).toString().getBytes(StandardCharsets.UTF_8);
                ex.sendResponseHeaders(200, full.length);
                OutputStream out = ex.getResponseBody();
                out.write(full, 0, full.length / 2);
                out.flush();
                throw new IOException("closing half way through the body on purpose");
            }
            case GARBAGE -> send(ex, 200, "<html><body>Service Unavailable</body></html>");
            case TRUNCATED_JSON -> {
                String full = answer(ImageBatch.of(s, px)).toString();
                send(ex, 200, full.substring(0, full.length() / 2));
            }
            case EXTRA_ROW -> {
                ObjectNode a = answer(ImageBatch.of(s, px));
                ((ArrayNode) a.get("outputs")).add(a.get("outputs").get(0).deepCopy());
                send(ex, 200, a.toString());
            }
            case MISSING_CLASS -> {
                ObjectNode a = answer(ImageBatch.of(s, px));
                ((ArrayNode) a.get("outputs").get(1)).remove(0);
                send(ex, 200, a.toString());
            }
            case NOT_A_NUMBER -> {
                ObjectNode a = answer(ImageBatch.of(s, px));
                ((ArrayNode) a.get("outputs").get(0)).set(3, JSON.getNodeFactory().textNode("high"));
                send(ex, 200, a.toString());
            }
            case NAN_TEXT -> send(ex, 200, answer(ImageBatch.of(s, px)).toString().replaceFirst("\\[\\[[^,]+,", "[[NaN,"));
            case NOT_DISTRIBUTIONS -> {
                ObjectNode a = answer(ImageBatch.of(s, px));
                ((ArrayNode) a.get("outputs").get(0)).set(0, JSON.getNodeFactory().numberNode(0.9f));
                send(ex, 200, a.toString());
            }
            case EMPTY_BODY -> send(ex, 200, "");
            case ARRAY_BODY -> send(ex, 200, "[1, 2, 3]");
            case ANSWER -> send(ex, 200, answer(ImageBatch.of(s, px)).toString());
            case RETRY_AFTER_HUGE -> {
                ex.getResponseHeaders().add("Retry-After", "100000");
                send(ex, 429, "{\"error\": \"slow down\"}");
            }
            case RETRY_AFTER_30 -> {
                ex.getResponseHeaders().add("Retry-After", "30");
                send(ex, 429, "{\"error\": \"slow down\"}");
            }
            case REDIRECT_307 -> {
                ex.getResponseHeaders().add("Location", (redirectTo != null ? redirectTo : uri()).toString());
                send(ex, 307, "");
            }
            case REDIRECT_302 -> {
                ex.getResponseHeaders().add("Location", uri().toString());
                send(ex, 302, "");
            }
            case HUGE_DECLARED -> stream(ex, 2L << 30);
            case ENDLESS_CHUNKED -> stream(ex, 0);
        }
    }

    /** Streams spaces (valid JSON white space) until the client goes away; {@code length} 0 for chunked. */
    private static void stream(HttpExchange ex, long length) throws IOException {
        ex.sendResponseHeaders(200, length);
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) ' ');
        OutputStream out = ex.getResponseBody();
        try {
            for (long sent = 0; length == 0 || sent < length; sent += chunk.length) {
                out.write(chunk);
            }
        } finally {
            ex.close();
        }
    }

    private ObjectNode answer(ImageBatch batch) {
        return JsonContract.standardResponse(backing.predict(batch), JSON);
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
