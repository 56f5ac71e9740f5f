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

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelprint.FingerprintVerifier;
import io.modelprint.ImageBatch;
import io.modelprint.LabeledImages;
import io.modelprint.Model;
import io.modelprint.ModelException;
import io.modelprint.OutputKind;
import io.modelprint.Predictions;
import io.modelprint.TestModels;
import io.modelprint.Verdict;
import io.modelprint.VictimFingerprint;
import io.modelprint.http.FakePredictionApi.Behaviour;
import io.modelprint.scheme.Schemes;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpModelTest {

    private static final LabeledImages DATA = TestModels.data(40, 10, 5);
    private static final ImageBatch TEN = DATA.images().slice(0, 10);
    private static final Model LOCAL = TestModels.linear("local", 10, 7, OutputKind.PROBABILITIES);

    private final List<FakePredictionApi> servers = new ArrayList<>();
    private final List<Long> pauses = new ArrayList<>();
    private final AtomicLong fakeNanos = new AtomicLong();

    @AfterEach
    void stopServers() {
        servers.forEach(FakePredictionApi::close);
    }

    private FakePredictionApi api(Model backing) throws Exception {
        FakePredictionApi s = new FakePredictionApi(backing);
        servers.add(s);
        return s;
    }

    /** A client whose waits are recorded on a fake clock instead of slept. */
    private HttpModel.Builder client(FakePredictionApi api, OutputKind kind) {
        return HttpModel.builder(api.uri()).inputShape(TestModels.SHAPE).numClasses(10).outputKind(kind)
                .readTimeout(Duration.ofSeconds(5)).backoff(Duration.ofMillis(100), Duration.ofSeconds(1))
                .clock(fakeNanos::get, nanos -> {
                    pauses.add(TimeUnit.NANOSECONDS.toMillis(nanos));
                    fakeNanos.addAndGet(nanos);
                });
    }

    @Test
    void answersLikeTheModelBehindTheApiAndGivesTheSameVerdict() throws Exception {
        FakePredictionApi server = api(LOCAL);
        HttpModel remote = client(server, OutputKind.PROBABILITIES).batchSize(16).build();
        Predictions there = remote.predict(DATA.images());
        Predictions here = LOCAL.predict(DATA.images());
        assertArrayEquals(here.scores().data(), there.scores().data(), 1e-7f);
        assertEquals(3, server.requests.get(), "40 images in requests of at most 16");
        assertEquals(40, remote.queryCount());
        assertEquals(40, remote.imagesSent());
        assertTrue(remote.name().endsWith("/predict") && !remote.name().contains("secret"), remote.name());

        FingerprintVerifier verifier = FingerprintVerifier.using(Schemes.create("sac-m", Map.of("queries", "20")))
                .ownerData(DATA).build();
        VictimFingerprint fp = verifier.fingerprint(TestModels.linear("victim", 10, 1, OutputKind.LOGITS));
        Verdict viaHttp = verifier.verify(fp, remote);
        Verdict direct = verifier.verify(fp, LOCAL);
        assertEquals(direct.distance(), viaHttp.distance(), 1e-9);
        assertEquals(direct.stolen(), viaHttp.stolen());
        assertEquals(20, viaHttp.suspectQueries());
    }

    @Test
    void labelOnlyApisAreRead() throws Exception {
        Model labels = TestModels.linear("labels", 10, 7, OutputKind.LABELS);
        HttpModel remote = client(api(labels), OutputKind.LABELS).build();
        assertArrayEquals(labels.predict(TEN).labels(), remote.predict(TEN).labels());
    }

    @Test
    void serverErrorsAreRetriedWithDoublingBackoff() throws Exception {
        FakePredictionApi server = api(LOCAL).then(Behaviour.FAIL_503, Behaviour.FAIL_503, Behaviour.FAIL_503);
        HttpModel remote = client(server, OutputKind.PROBABILITIES).maxRetries(3).build();
        Predictions p = remote.predict(TEN);
        assertEquals(10, p.count());
        assertEquals(4, server.requests.get());
        assertEquals(List.of(100L, 200L, 400L), pauses);
        assertEquals(40, remote.imagesSent(), "retries count as sent images");
        assertEquals(10, remote.queryCount(), "but only answered images are queries");
    }

    @Test
    void retryAfterIsHonouredInFull() throws Exception {
        FakePredictionApi server = api(LOCAL).then(Behaviour.FAIL_503_RETRY_AFTER);
        client(server, OutputKind.PROBABILITIES).build().predict(TEN);
        assertEquals(List.of(2000L), pauses, "Retry-After: 2 s, longer than the 1 s maximum backoff: retrying earlier earns another 503");
    }

    @Test
    void persistentFailureEndsWithAModelExceptionAfterTheLastRetry() throws Exception {
        FakePredictionApi server = api(LOCAL).then(Behaviour.FAIL_503, Behaviour.FAIL_503, Behaviour.FAIL_503);
        HttpModel remote = client(server, OutputKind.PROBABILITIES).maxRetries(2).build();
        ModelException e = assertThrows(ModelException.class, () -> remote.predict(TEN));
        assertEquals(3, server.requests.get());
        assertTrue(e.getMessage().contains("failed 3 attempts") && e.getMessage().contains("HTTP 503")
                && e.getMessage().contains("overloaded"), e.getMessage());
        assertEquals(0, remote.queryCount());
    }

    @Test
    void clientErrorsAreNotRetried() throws Exception {
        FakePredictionApi server = api(LOCAL).then(Behaviour.BAD_REQUEST_400);
        ModelException e = assertThrows(ModelException.class,
                () -> client(server, OutputKind.PROBABILITIES).build().predict(TEN));
        assertEquals(1, server.requests.get());
        assertTrue(e.getMessage().contains("HTTP 400") && e.getMessage().contains("unknown model")
                && e.getMessage().contains("not retried"), e.getMessage());
    }

    @Test
    void aSlowServerTimesOutAndIsRetried() throws Exception {
        FakePredictionApi server = api(LOCAL).then(Behaviour.HANG, Behaviour.HANG);
        HttpModel remote = client(server, OutputKind.PROBABILITIES).readTimeout(Duration.ofMillis(200)).maxRetries(1)
                .build();
        ModelException e = assertThrows(ModelException.class, () -> remote.predict(TEN));
        assertTrue(e.getMessage().contains("read timeout of 200 ms"), e.getMessage());
        assertEquals(2, server.requests.get());

        FakePredictionApi recovers = api(LOCAL).then(Behaviour.HANG);
        Predictions p = client(recovers, OutputKind.PROBABILITIES).readTimeout(Duration.ofMillis(200)).build()
                .predict(TEN);
        assertEquals(10, p.count());
    }

    @Test
    void droppedConnectionsAndCutBodiesAreRetried() throws Exception {
        FakePredictionApi server = api(LOCAL).then(Behaviour.DROP_CONNECTION, Behaviour.CUT_BODY);
        HttpModel remote = client(server, OutputKind.PROBABILITIES).build();
        assertEquals(10, remote.predict(TEN).count());
        assertEquals(3, server.requests.get());

        FakePredictionApi always = api(LOCAL).then(Behaviour.CUT_BODY, Behaviour.CUT_BODY);
        ModelException e = assertThrows(ModelException.class,
                () -> client(always, OutputKind.PROBABILITIES).maxRetries(1).build().predict(TEN));
        assertTrue(e.getMessage().contains("dropped before the full answer arrived"), e.getMessage());
    }

    @Test
    void aServerThatIsNotThereIsRetriedAndNamed() throws Exception {
        FakePredictionApi server = api(LOCAL);
        HttpModel remote = client(server, OutputKind.PROBABILITIES).maxRetries(1).build();
        server.close();
        ModelException e = assertThrows(ModelException.class, () -> remote.predict(TEN));
        assertTrue(e.getMessage().contains("failed 2 attempts"), e.getMessage());
    }

    @Test
    void malformedAnswersFailWithTheirReason() throws Exception {
        Map<Behaviour, String> expected = Map.ofEntries(
                Map.entry(Behaviour.GARBAGE, "not JSON: '<html><body>Service Unavailable"),
                Map.entry(Behaviour.TRUNCATED_JSON, "truncated JSON"),
                Map.entry(Behaviour.EXTRA_ROW, "11 output rows for 10 images"),
                Map.entry(Behaviour.MISSING_CLASS, "output row 1 is an array of 9 values, expected 10 numbers"),
                Map.entry(Behaviour.NOT_A_NUMBER, "output row 0, class 3 is \"high\", not a number"),
                Map.entry(Behaviour.NAN_TEXT, "not JSON"),
                Map.entry(Behaviour.NOT_DISTRIBUTIONS, "probabilities of input 0 sum to"),
                Map.entry(Behaviour.EMPTY_BODY, "empty body"),
                Map.entry(Behaviour.ARRAY_BODY, "the answer is array, expected an object with \"outputs\""));
        for (Map.Entry<Behaviour, String> c : expected.entrySet()) {
            FakePredictionApi server = api(LOCAL).then(c.getKey());
            HttpModel remote = client(server, OutputKind.PROBABILITIES).build();
            ModelException e = assertThrows(ModelException.class, () -> remote.predict(TEN), c.getKey().name());
            assertTrue(e.getMessage().contains(c.getValue()), c.getKey() + ": " + e.getMessage());
            assertTrue(e.getMessage().contains(remote.name()), e.getMessage());
            assertEquals(1, server.requests.get(), c.getKey() + " is not retried");
        }
    }

    @Test
    void theBudgetIsNeverExceededEvenByRetries() throws Exception {
        FakePredictionApi server = api(LOCAL);
        HttpModel remote = client(server, OutputKind.PROBABILITIES).queryBudget(25).build();
        remote.predict(TEN);
        remote.predict(TEN);
        QueryBudgetExceededException e = assertThrows(QueryBudgetExceededException.class, () -> remote.predict(TEN));
        assertEquals(20, e.sent());
        assertEquals(25, e.budget());
        assertTrue(e.getMessage().contains("query budget of 25 images"), e.getMessage());
        assertEquals(20, server.imagesReceived.get(), "the refused batch was not sent at all");
        assertEquals(5, remote.predict(DATA.images().slice(0, 5)).count(), "what is left can still be spent");

        FakePredictionApi flaky = api(LOCAL).then(Behaviour.FAIL_503, Behaviour.FAIL_503);
        HttpModel tight = client(flaky, OutputKind.PROBABILITIES).queryBudget(25).maxRetries(5).build();
        assertThrows(QueryBudgetExceededException.class, () -> tight.predict(TEN));
        assertEquals(20, flaky.imagesReceived.get(), "the third attempt would have passed the budget");
        assertTrue(tight.imagesSent() <= 25);
    }

    @Test
    void theRateLimitSpacesRequests() throws Exception {
        FakePredictionApi server = api(LOCAL);
        HttpModel remote = client(server, OutputKind.PROBABILITIES).batchSize(2).maxRequestsPerSecond(4).build();
        remote.predict(TEN);
        assertEquals(5, server.requests.get());
        assertEquals(List.of(250L, 250L, 250L, 250L), pauses, "on a clock that only sleeping moves");
    }

    @Test
    void otherApiShapesPlugInThroughAContract() throws Exception {
        FakePredictionApi server = api(LOCAL);
        // the fake speaks the standard contract: this one wraps it, renaming fields both ways
        JsonContract renamed = new JsonContract() {
            @Override
            public JsonNode request(ImageBatch batch, ObjectMapper json) {
                return JsonContract.STANDARD.request(batch, json);
            }

            @Override
            public Predictions response(JsonNode body, ImageBatch batch, int numClasses, OutputKind kind) {
                return JsonContract.scoreRows(body.get("outputs"), batch.count(), numClasses, kind).toProbabilities();
            }
        };
        HttpModel remote = client(server, OutputKind.PROBABILITIES).contract(renamed).build();
        assertEquals(LOCAL.predict(TEN).labels().length, remote.predict(TEN).count());
    }

    @Test
    void aClientNeedsItsContract() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HttpModel.builder(URI.create("http://127.0.0.1:1/p")).build());
        assertTrue(e.getMessage().contains("inputShape(...), numClasses(...) and outputKind(...)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> HttpModel.builder(URI.create("ftp://x/p")));
    }

    // issue 14, defect 3: a 429 with Retry-After: 100000 slept 27.8 hours whatever the timeouts said
    @Test
    void aRetryAfterLongerThanTheMaximumWaitFailsAtOnceInsteadOfSleeping() throws Exception {
        FakePredictionApi server = api(LOCAL).then(Behaviour.RETRY_AFTER_HUGE);
        HttpModel remote = client(server, OutputKind.PROBABILITIES).maxRetries(3).build();
        ModelException e = assertThrows(ModelException.class, () -> remote.predict(TEN));
        assertTrue(e.getMessage().contains("retry after 100000 s (Retry-After)")
                && e.getMessage().contains("maximum retry wait of 60 s") && e.getMessage().contains("maxRetryWait"),
                e.getMessage());
        assertEquals(List.of(), pauses, "nothing was slept");
        assertEquals(1, server.requests.get());
    }

    @Test
    void waitsThatWouldPassTheOverallTimeoutAreNotStarted() throws Exception {
        FakePredictionApi server = api(LOCAL).then(Behaviour.RETRY_AFTER_30);
        HttpModel remote = client(server, OutputKind.PROBABILITIES).overallTimeout(Duration.ofSeconds(10)).build();
        ModelException e = assertThrows(ModelException.class, () -> remote.predict(TEN));
        assertTrue(e.getMessage().contains("past the overall timeout of 10000 ms"), e.getMessage());
        assertEquals(List.of(), pauses);

        pauses.clear();
        FakePredictionApi flaky = api(LOCAL).then(Behaviour.FAIL_503, Behaviour.FAIL_503, Behaviour.FAIL_503,
                Behaviour.FAIL_503);
        HttpModel impatient = client(flaky, OutputKind.PROBABILITIES).maxRetries(10)
                .overallTimeout(Duration.ofMillis(500)).build();
        ModelException late = assertThrows(ModelException.class, () -> impatient.predict(TEN));
        assertEquals(List.of(100L, 200L), pauses, "the third wait, 400 ms, would have passed 500 ms in all");
        assertTrue(late.getMessage().contains("HTTP 503") && late.getMessage().contains("raise overallTimeout"),
                late.getMessage());
    }

    @Test
    void retryAfterReadsSecondsAndDatesAndSaturates() {
        Instant now = Instant.parse("2026-12-01T09:00:00Z");
        assertEquals(TimeUnit.SECONDS.toNanos(120), RetryPolicy.retryAfterNanos("120", now));
        assertEquals(TimeUnit.SECONDS.toNanos(30), RetryPolicy.retryAfterNanos("Tue, 1 Dec 2026 09:00:30 GMT", now));
        assertEquals(0, RetryPolicy.retryAfterNanos("Mon, 1 Dec 1999 09:00:30 GMT", now), "a date in the past");
        assertEquals(Long.MAX_VALUE, RetryPolicy.retryAfterNanos("99999999999999999999999999", now));
        assertEquals(Long.MAX_VALUE, RetryPolicy.retryAfterNanos(DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.of(2999, 12, 1, 9, 0, 0, 0, ZoneOffset.UTC)), now), "more than 292 years saturates");
        assertEquals(0, RetryPolicy.retryAfterNanos("-5", now), "not a delay: the backoff applies");
        assertEquals(0, RetryPolicy.retryAfterNanos("soon", now));
    }

    // issue 14, defect 4: a 307 loop with budget 100 and no retries delivered 320 images
    @Test
    void aRedirectLoopNeverSendsMoreThanTheBudget() throws Exception {
        FakePredictionApi server = api(LOCAL).then(redirects(50));
        HttpModel remote = client(server, OutputKind.PROBABILITIES).queryBudget(100).maxRetries(0).build();
        assertThrows(QueryBudgetExceededException.class, () -> remote.predict(DATA.images()));
        assertEquals(80, server.imagesReceived.get(), "40 images, sent again once after the first 307");
        assertTrue(remote.imagesSent() <= 100);

        FakePredictionApi loop = api(LOCAL).then(redirects(50));
        HttpModel unlimited = client(loop, OutputKind.PROBABILITIES).maxRetries(0).build();
        ModelException e = assertThrows(ModelException.class, () -> unlimited.predict(TEN));
        assertTrue(e.getMessage().contains("after 5 redirects already") && e.getMessage().contains("redirect loop"),
                e.getMessage());
        assertEquals(60, loop.imagesReceived.get(), "the first request and 5 redirects");
        assertEquals(60, unlimited.imagesSent());
    }

    @Test
    void aRedirectToTheSameHostIsFollowedAndCounted() throws Exception {
        FakePredictionApi server = api(LOCAL).then(Behaviour.REDIRECT_307);
        HttpModel remote = client(server, OutputKind.PROBABILITIES).build();
        assertArrayEquals(LOCAL.predict(TEN).scores().data(), remote.predict(TEN).scores().data(), 1e-7f);
        assertEquals(2, server.requests.get());
        assertEquals(20, remote.imagesSent(), "the images sent again count against the budget");

        FakePredictionApi refusing = api(LOCAL).then(Behaviour.REDIRECT_307);
        ModelException e = assertThrows(ModelException.class,
                () -> client(refusing, OutputKind.PROBABILITIES).maxRedirects(0).build().predict(TEN));
        assertTrue(e.getMessage().contains("more than the 0 allowed"), e.getMessage());
    }

    // issue 14, defect 5: the Authorization header and the queries were forwarded to another host name
    @Test
    void aRedirectToAnotherHostIsRefusedAndNothingReachesIt() throws Exception {
        FakePredictionApi elsewhere = api(LOCAL);
        FakePredictionApi server = api(LOCAL).then(Behaviour.REDIRECT_307);
        server.redirectTo = URI.create("http://localhost:" + elsewhere.uri().getPort() + "/predict");
        HttpModel remote = client(server, OutputKind.PROBABILITIES).header("Authorization", "Bearer owner-token").build();
        ModelException e = assertThrows(ModelException.class, () -> remote.predict(TEN));
        assertTrue(e.getMessage().contains("http://127.0.0.1:" + server.uri().getPort())
                && e.getMessage().contains("http://localhost:" + elsewhere.uri().getPort())
                && e.getMessage().contains("another host") && !e.getMessage().contains("owner-token")
                && !e.getMessage().contains("key=secret"), e.getMessage());
        assertEquals(List.of("Bearer owner-token"), server.authorizations);
        assertEquals(0, elsewhere.requests.get(), "neither the credentials nor the queries left the first host");
        assertEquals(1, server.requests.get(), "a refused redirect is not retried");
    }

    @Test
    void redirectsThatWouldTurnThePostIntoAGetAreRefused() throws Exception {
        FakePredictionApi server = api(LOCAL).then(Behaviour.REDIRECT_302);
        ModelException e = assertThrows(ModelException.class,
                () -> client(server, OutputKind.PROBABILITIES).build().predict(TEN));
        assertTrue(e.getMessage().contains("HTTP 302") && e.getMessage().contains("only 307 and 308"), e.getMessage());
        assertEquals(1, server.requests.get());
    }

    // issue 14, defect 8: a 2 GB body was buffered whole (2.9 GB of memory) before it failed
    @Test
    void anAnswerLongerThanTheLimitFailsFastWithoutBeingRead() throws Exception {
        FakePredictionApi server = api(LOCAL).then(Behaviour.HUGE_DECLARED);
        HttpModel remote = client(server, OutputKind.PROBABILITIES).build();
        ModelException e = assertThrows(ModelException.class, () -> remote.predict(TEN));
        assertTrue(e.getMessage().contains("a body of 2147483648 bytes (its Content-Length)")
                && e.getMessage().contains("maximum response size of 67108864 bytes")
                && e.getMessage().contains("maxResponseBytes"), e.getMessage());
        assertEquals(1, server.requests.get(), "not retried");

        FakePredictionApi endless = api(LOCAL).then(Behaviour.ENDLESS_CHUNKED);
        HttpModel small = client(endless, OutputKind.PROBABILITIES).maxResponseBytes(1 << 20).build();
        ModelException cut = assertThrows(ModelException.class, () -> small.predict(TEN));
        assertTrue(cut.getMessage().contains("longer than 1048576 bytes (it was cut off there)"), cut.getMessage());
        assertEquals(10, small.predict(TEN).count(), "the next call is answered");
    }

    @Test
    void nonsenseSettingsAreRefusedWithTheirValue() {
        HttpModel.Builder b = HttpModel.builder(URI.create("http://127.0.0.1:1/p"));
        Map<String, Runnable> cases = new java.util.LinkedHashMap<>();
        cases.put("requests per second must be a positive finite number, got 0.0", () -> b.maxRequestsPerSecond(0));
        cases.put("got -1.0", () -> b.maxRequestsPerSecond(-1));
        cases.put("got NaN", () -> b.maxRequestsPerSecond(Double.NaN));
        cases.put("got Infinity", () -> b.maxRequestsPerSecond(Double.POSITIVE_INFINITY));
        cases.put("at least one a day", () -> b.maxRequestsPerSecond(1e-300));
        cases.put("read timeout must be at most 24 hours", () -> b.readTimeout(Duration.ofSeconds(Long.MAX_VALUE)));
        cases.put("overall timeout must be at most 24 hours", () -> b.overallTimeout(Duration.ofDays(365_000)));
        cases.put("connect timeout must be positive, got PT0S", () -> b.connectTimeout(Duration.ZERO));
        cases.put("read timeout must be positive, got PT-1S", () -> b.readTimeout(Duration.ofSeconds(-1)));
        cases.put("maximum retry wait must be positive", () -> b.maxRetryWait(null));
        cases.put("retries must be between 0 and 1000, got 2147483647", () -> b.maxRetries(Integer.MAX_VALUE));
        cases.put("maximum response size must be between 1 and", () -> b.maxResponseBytes(0));
        cases.put("redirects must be between 0 and 100, got -1", () -> b.maxRedirects(-1));
        cases.put("header 'Host' cannot be sent", () -> b.header("Host", "evil.example"));
        cases.put("header 'X-Token' cannot be sent", () -> b.header("X-Token", "a\r\nInjected: yes"));
        cases.put("a query budget must allow at least 1 image, got 0", () -> b.queryBudget(0));
        for (Map.Entry<String, Runnable> c : cases.entrySet()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, c.getValue()::run, c.getKey());
            assertTrue(e.getMessage().contains(c.getKey()), c.getKey() + " -> " + e.getMessage());
        }
        IllegalArgumentException backoff = assertThrows(IllegalArgumentException.class,
                () -> HttpModel.builder(URI.create("http://127.0.0.1:1/p")).inputShape(TestModels.SHAPE).numClasses(10)
                        .outputKind(OutputKind.LABELS).backoff(Duration.ofSeconds(1), Duration.ofMinutes(5)).build());
        assertTrue(backoff.getMessage().contains("longer than the maximum retry wait"), backoff.getMessage());
    }

    private static Behaviour[] redirects(int n) {
        Behaviour[] b = new Behaviour[n];
        java.util.Arrays.fill(b, Behaviour.REDIRECT_307);
        return b;
    }
}
