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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.modelprint.ImageBatch;
import io.modelprint.Model;
import io.modelprint.http.JsonContract;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicLong;

/** A prediction API on the loopback interface answering the standard contract with a model, counting the images it is sent. */
final class TestServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    final AtomicLong images = new AtomicLong();

    TestServer(Model model) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/predict", ex -> {
            try {
                JsonNode req = JSON.readTree(ex.getRequestBody());
                JsonNode rows = req.get("instances");
                int per = model.inputShape().size();
                float[] px = new float[rows.size() * per];
                for (int n = 0; n < rows.size(); n++) {
                    for (int k = 0; k < per; k++) {
                        px[n * per + k] = (float) rows.get(n).get(k).asDouble();
                    }
                }
                images.addAndGet(rows.size());
                byte[] body;
                synchronized (model) {
                    body = JSON.writeValueAsBytes(JsonContract.standardResponse(
                            model.predict(ImageBatch.of(model.inputShape(), px)).toProbabilities(), JSON));
                }
                ex.getResponseHeaders().add("Content-Type", "application/json");
                ex.sendResponseHeaders(200, body.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
            } catch (RuntimeException e) {
                ex.sendResponseHeaders(500, -1);
            } finally {
                ex.close();
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/predict";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
