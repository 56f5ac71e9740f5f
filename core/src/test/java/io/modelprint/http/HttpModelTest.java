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
}
