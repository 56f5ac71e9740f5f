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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.modelprint.ImageBatch;
import io.modelprint.ModelException;
import io.modelprint.OutputKind;
import io.modelprint.Predictions;
import io.modelprint.TestModels;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The HTTP client against a server whose answers are generated: random status lines and codes,
 * {@code Retry-After}, {@code Location} and {@code Content-Length} headers, bodies that are valid,
 * garbage, truncated, longer or shorter than declared, of the wrong shape, with NaN, deeply nested
 * or huge. Whatever comes back, a call either returns valid answers or fails with a
 * {@link ModelException} (a {@link QueryBudgetExceededException} among them) with a message, never
 * another exception; the server never receives more images than the budget; and the waits never
 * pass the overall timeout.
 */
class HttpModelFuzzProperties {

    private static final int IMAGES = 6;
    private static final int CLASSES = 10;
    private static final ImageBatch BATCH = TestModels.data(IMAGES, CLASSES, 3).images();
    private static final Duration OVERALL = Duration.ofSeconds(20);
    private static final int MAX_RESPONSE = 64 * 1024;

    /** A generated answer: status line, headers and body, as the server sends them. */
    record Answer(String statusLine, List<String> headers, byte[] body) {
        byte[] bytes() {
            return ScriptedHttpServer.response(statusLine, headers, body);
        }

        @Override
        public String toString() {
            String b = new String(body, 0, Math.min(body.length, 80), StandardCharsets.ISO_8859_1);
            return statusLine + " " + headers + " body[" + body.length + "]=" + b;
        }
    }

    @Property(tries = 150)
    void everyCallAnswersOrFailsWithAModelExceptionWithinTheBudget(
            @ForAll("scripts") List<Answer> script,
            @ForAll @IntRange(min = IMAGES, max = 40) int budget,
            @ForAll @IntRange(min = 0, max = 3) int retries,
            @ForAll @IntRange(min = 0, max = 3) int redirects) throws Exception {
        List<byte[]> bytes = new ArrayList<>();
        script.forEach(a -> bytes.add(a.bytes()));
        List<Long> pauses = Collections.synchronizedList(new ArrayList<>());
        AtomicLong clock = new AtomicLong();
        try (ScriptedHttpServer server = new ScriptedHttpServer(bytes, n -> valid(n).bytes())) {
            HttpModel model = HttpModel.builder(server.uri()).inputShape(TestModels.SHAPE).numClasses(CLASSES)
                    .outputKind(OutputKind.PROBABILITIES).queryBudget(budget).maxRetries(retries)
                    .maxRedirects(redirects).readTimeout(Duration.ofSeconds(2)).overallTimeout(OVERALL)
                    .backoff(Duration.ofMillis(10), Duration.ofSeconds(1)).maxResponseBytes(MAX_RESPONSE)
                    .header("Authorization", "Bearer fuzz")
                    .clock(clock::get, nanos -> {
                        pauses.add(nanos);
                        clock.addAndGet(nanos);
                    })
                    .build();
            // a guard against hangs, far above what any call takes: every wait is bounded by the timeouts
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                for (int call = 0; call < 2; call++) {
                    try {
                        Predictions p = model.predict(BATCH);
                        assertEquals(IMAGES, p.count());
                        assertEquals(CLASSES, p.numClasses());
                        assertEquals(OutputKind.PROBABILITIES, p.kind());
                    } catch (ModelException e) {
                        assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
                        assertTrue(!e.getMessage().contains("Bearer fuzz"), e.getMessage());
                    } catch (RuntimeException e) {
                        fail("the script " + script + " gave " + e + " instead of answers or a ModelException", e);
                    }
                }
            });
            assertTrue(server.imagesReceived.get() <= budget, server.imagesReceived.get() + " images for a budget of "
                    + budget + " with " + script);
            assertTrue(model.imagesSent() <= budget);
            long waited = pauses.stream().mapToLong(Long::longValue).sum();
            assertTrue(waited <= 2 * OVERALL.toNanos(), "two calls waited " + TimeUnit.NANOSECONDS.toMillis(waited) + " ms");
        }
    }

    @Provide
    Arbitrary<List<Answer>> scripts() {
        return answer().list().ofMinSize(1).ofMaxSize(4);
    }

    private static Answer valid(int rows) {
        StringBuilder b = new StringBuilder("{\"outputs\": [");
        for (int r = 0; r < rows; r++) {
            b.append(r == 0 ? "" : ",").append("[0.1,0.1,0.1,0.1,0.1,0.1,0.1,0.1,0.1,0.1]");
        }
        byte[] body = b.append("]}").toString().getBytes(StandardCharsets.UTF_8);
        return new Answer("HTTP/1.1 200 OK", List.of("Content-Type: application/json", "Content-Length: " + body.length),
                body);
    }

    private static Arbitrary<Answer> answer() {
        Arbitrary<String> status = Arbitraries.oneOf(
                Arbitraries.of(200, 200, 200, 201, 204, 301, 302, 303, 307, 307, 308, 400, 401, 404, 429, 429, 500, 502,
                        503, 503, 599, 600, 999).map(c -> "HTTP/1.1 " + c + " Status"),
                Arbitraries.of("HTTP/1.1 200", "HTTP/1.0 200 OK", "HTTP/1.1 abc Nope", "garbage", "", "HTTP/2 200 OK",
                        "HTTP/1.1 -1 Negative", "HTTP/1.1 2000000000000 Big"));
        Arbitrary<List<String>> extra = Arbitraries.oneOf(
                Arbitraries.of("0", "1", "5", "100000", "-3", "soon", "99999999999999999999999",
                        "Tue, 1 Dec 2999 09:00:00 GMT", "Wed, 21 Oct 2015 07:28:00 GMT").map(v -> "Retry-After: " + v),
                Arbitraries.of("/predict", "http://127.0.0.1/predict", "http://localhost:1/predict",
                        "https://127.0.0.1/predict", "mailto:thief@example.com", "::not a url::", "", "//evil.example/x")
                        .map(v -> "Location: " + v),
                Arbitraries.of("Content-Type: text/html", "Content-Encoding: gzip", "Transfer-Encoding: chunked",
                        "X-Nothing: 1")).list().ofMaxSize(3);
        return Combinators.combine(status, extra, body(), lengths()).as((s, headers, body, length) -> {
            List<String> h = new ArrayList<>(headers);
            length.apply(body.length).ifPresent(h::add);
            return new Answer(s, h, body);
        });
    }

    /** How the Content-Length relates to the body: right, absent, shorter, longer, huge, nonsense. */
    private static Arbitrary<java.util.function.IntFunction<java.util.Optional<String>>> lengths() {
        return Arbitraries.of(0, 0, 0, 1, 2, 3, 4, 5).map(k -> n -> switch (k) {
            case 0 -> java.util.Optional.of("Content-Length: " + n);
            case 1 -> java.util.Optional.empty();
            case 2 -> java.util.Optional.of("Content-Length: " + Math.max(0, n - 7));
            case 3 -> java.util.Optional.of("Content-Length: " + (n + 100));
            case 4 -> java.util.Optional.of("Content-Length: 2147483648000");
            default -> java.util.Optional.of("Content-Length: twelve");
        });
    }

    private static Arbitrary<byte[]> body() {
        Arbitrary<String> json = Arbitraries.oneOf(
                Arbitraries.integers().between(0, 12).map(HttpModelFuzzProperties::rows),
                Arbitraries.of("{\"outputs\": [[NaN,0,0,0,0,0,0,0,0,1]]}", "{\"labels\": [1,2,3,4,5,6]}",
                        "{\"outputs\": \"none\"}", "{\"outputs\": [[\"a\",\"b\"]]}", "[]", "null", "", "{",
                        "{\"outputs\": [[1e999999,0,0,0,0,0,0,0,0,0]]}", "<html>503</html>", "{\"outputs\": [] } trailing",
                        "{\"outputs\": [[-0.5,1.5,0,0,0,0,0,0,0,0]]}"),
                Arbitraries.integers().between(1, 5000).map(d -> "[".repeat(d) + "]".repeat(d)),
                Arbitraries.integers().between(1, 3).map(k -> "{\"outputs\": \"" + "x".repeat(k * 40_000) + "\"}"));
        Arbitrary<byte[]> text = json.map(s -> s.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> truncated = Combinators.combine(text, Arbitraries.integers().between(0, 100))
                .as((b, pct) -> java.util.Arrays.copyOf(b, b.length * pct / 100));
        Arbitrary<byte[]> garbage = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(5, text), net.jqwik.api.Tuple.of(2, truncated),
                net.jqwik.api.Tuple.of(1, garbage));
    }

    private static String rows(int n) {
        StringBuilder b = new StringBuilder("{\"outputs\": [");
        for (int r = 0; r < n; r++) {
            b.append(r == 0 ? "" : ",").append(r % 5 == 4 ? "[0.5,0.5]" : "[0.1,0.1,0.1,0.1,0.1,0.1,0.1,0.1,0.1,0.1]");
        }
        return b.append("]}").toString();
    }

    @Property(tries = 30)
    void theBudgetHoldsWhateverTheServerRedirects(@ForAll @Size(min = 1, max = 30) List<@IntRange(min = 0, max = 2) Integer> kinds,
                                                  @ForAll @IntRange(min = IMAGES, max = 30) int budget) throws Exception {
        List<byte[]> script = new ArrayList<>();
        for (int k : kinds) {
            String status = k == 0 ? "HTTP/1.1 307 Temporary Redirect" : k == 1 ? "HTTP/1.1 308 Permanent Redirect"
                    : "HTTP/1.1 503 Busy";
            script.add(ScriptedHttpServer.response(status, List.of("Location: /predict", "Content-Length: 0"),
                    new byte[0]));
        }
        AtomicLong clock = new AtomicLong();
        try (ScriptedHttpServer server = new ScriptedHttpServer(script, n -> valid(n).bytes())) {
            HttpModel model = HttpModel.builder(server.uri()).inputShape(TestModels.SHAPE).numClasses(CLASSES)
                    .outputKind(OutputKind.PROBABILITIES).queryBudget(budget).maxRetries(3).maxRedirects(100)
                    .readTimeout(Duration.ofSeconds(2)).clock(clock::get, clock::addAndGet).build();
            for (int call = 0; call < 3; call++) {
                try {
                    model.predict(BATCH);
                } catch (ModelException e) {
                    assertTrue(e.getMessage() != null);
                }
            }
            assertTrue(server.imagesReceived.get() <= budget, server.imagesReceived.get() + " > " + budget);
        }
    }
}
