package io.modelprint.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.modelprint.AbstractModel;
import io.modelprint.ImageBatch;
import io.modelprint.ImageShape;
import io.modelprint.ModelException;
import io.modelprint.OutputKind;
import io.modelprint.Predictions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A suspect behind a remote prediction API: each batch is POSTed as JSON and the JSON answer is
 * read back, following the {@link JsonContract#STANDARD standard contract} or a custom
 * {@link JsonContract}.
 *
 * <p>Built to be pointed at a server you do not control:
 * <ul>
 *   <li>a connect timeout and a read timeout (the whole answer must arrive within it);</li>
 *   <li>retries with exponential backoff (doubling from {@code initialBackoff} up to
 *       {@code maxBackoff}, longer if the server sends {@code Retry-After}) on HTTP 5xx, 429,
 *       timeouts and dropped connections; other 4xx answers and malformed 2xx answers are not
 *       retried;</li>
 *   <li>a rate limit: at most {@code maxRequestsPerSecond} requests are started per second,
 *       retries included;</li>
 *   <li>a hard query budget: the number of images sent, retries included, never exceeds it; a
 *       batch that would pass it is refused before it is sent, and a retry that would pass it
 *       fails the call instead of being sent;
 *       a {@link #predict} that would exceed it fails with
 *       {@link QueryBudgetExceededException} before sending anything;</li>
 *   <li>every failure is a {@link ModelException} naming the model, the URL, what came back and
 *       what to do: garbage, truncated answers, the wrong number of rows or classes, values
 *       that are not numbers, probabilities that do not sum to 1.</li>
 * </ul>
 * Each request carries at most {@code batchSize} images (default {@value #DEFAULT_REQUEST_BATCH}).
 * The parts: {@link HttpTransport} (one POST within the timeouts), {@link RetryPolicy},
 * {@link RateLimiter} and {@link QueryBudget}; this class puts them together and decodes answers.
 *
 * <pre>{@code
 * HttpModel api = HttpModel.builder(URI.create("https://api.example.com/v1/predict"))
 *         .inputShape(new ImageShape(1, 28, 28)).numClasses(10).outputKind(OutputKind.PROBABILITIES)
 *         .header("Authorization", "Bearer " + token)
 *         .queryBudget(1_000).maxRequestsPerSecond(5)
 *         .build();
 * Verdict v = FingerprintVerifier.forFingerprint(fp).build().verify(fp, api);
 * }</pre>
 */
public final class HttpModel extends AbstractModel {

    /** Images per request unless {@link Builder#batchSize(int)} says otherwise. */
    public static final int DEFAULT_REQUEST_BATCH = 64;

    private static final Logger LOG = LoggerFactory.getLogger(HttpModel.class);
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    private static final int SNIPPET = 200;

    /** How the model waits: {@link Thread#sleep} in production, recorded in tests. */
    interface Pause {
        void sleep(long nanos) throws InterruptedException;
    }

    private final URI uri;
    private final JsonContract contract;
    private final HttpTransport transport;
    private final RetryPolicy retries;
    private final RateLimiter rateLimiter;
    private final QueryBudget budget;
    private final Pause pause;

    private HttpModel(Builder b) {
        super(b.name != null ? b.name : redacted(b.uri), b.shape, b.numClasses, b.kind);
        this.uri = b.uri;
        this.contract = b.contract;
        this.transport = new HttpTransport(name(), b.uri, b.headers, b.connectTimeout, b.readTimeout);
        this.retries = new RetryPolicy(b.maxRetries, b.initialBackoff, b.maxBackoff);
        this.rateLimiter = new RateLimiter(name(), b.maxRequestsPerSecond, b.clock, b.pause);
        this.budget = new QueryBudget(name(), b.queryBudget);
        this.pause = b.pause;
        withBatchSize(b.batchSize);
    }

    // the query string may hold an API key: keep it out of names and logs
    /** scheme://host[:port]/path: no user information or query string, which may hold credentials. */
    static String redacted(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "")
                + (uri.getPath() == null ? "" : uri.getPath());
    }

    /** A builder for a model at {@code uri} (http or https). */
    public static Builder builder(URI uri) {
        return new Builder(uri);
    }

    /** The API's address. */
    public URI uri() {
        return uri;
    }

    /** The query budget in images, {@link Long#MAX_VALUE} for none. */
    public long queryBudget() {
        return budget.limit();
    }

    /** Images sent so far, retries included (at least {@link #queryCount()}). */
    public long imagesSent() {
        return budget.sent();
    }

    @Override
    protected void admit(int images) {
        budget.admit(images);
    }

    /** Sends the batch, trying again as {@link RetryPolicy} allows, and decodes the answer. */
    @Override
    protected Predictions answer(ImageBatch batch) {
        HttpRequest request = transport.request(encode(batch));
        String lastFailure = null;
        Throwable lastCause = null;
        long retryAfterNanos = 0;
        for (int attempt = 1; attempt <= retries.attempts(); attempt++) {
            if (attempt > 1) {
                long wait = retries.backoffNanos(attempt - 1, retryAfterNanos);
                LOG.warn("HTTP model {}: attempt {} of {} failed ({}); retrying in {} ms", name(), attempt - 1,
                        retries.attempts(), lastFailure, TimeUnit.NANOSECONDS.toMillis(wait));
                RateLimiter.sleep(name(), pause, wait);
            }
            budget.spend(batch.count());
            rateLimiter.acquire();
            retryAfterNanos = 0;
            HttpTransport.Attempt a = transport.send(request);
            if (a.response() == null) {
                lastFailure = a.failure();
                lastCause = a.cause();
                continue;
            }
            HttpResponse<byte[]> response = a.response();
            int status = response.statusCode();
            if (status / 100 == 2) {
                return decode(response.body(), batch);
            }
            String text = snippet(response.body());
            if (!RetryPolicy.retryable(status)) {
                throw new ModelException("HTTP model " + name() + " at " + redacted(uri) + " answered HTTP " + status
                        + (text.isEmpty() ? "" : ": " + text) + "; this is not retried: check the URL, the headers "
                        + "(authorisation) and that the API follows the " + contract);
            }
            lastFailure = "HTTP " + status + (text.isEmpty() ? "" : ": " + text);
            lastCause = null;
            retryAfterNanos = RetryPolicy.retryAfterNanos(response);
        }
        throw new ModelException("HTTP model " + name() + " at " + redacted(uri) + " failed " + retries.attempts()
                + " attempts for a batch of " + batch.count() + " images; last: " + lastFailure
                + ". Check that the API is up, or raise the timeouts or retries", lastCause);
    }

    private byte[] encode(ImageBatch batch) {
        try {
            return JSON.writeValueAsBytes(contract.request(batch, JSON));
        } catch (JsonProcessingException e) {
            throw new ModelException("HTTP model " + name() + ": cannot encode a request of " + batch.count()
                    + " images: " + e.getOriginalMessage(), e);
        }
    }

    private Predictions decode(byte[] body, ImageBatch batch) {
        if (body == null || body.length == 0) {
            throw new ModelException("HTTP model " + name() + " answered an empty body for " + batch.count()
                    + " images; expected JSON following the " + contract);
        }
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (JsonEOFException e) {
            throw new ModelException("HTTP model " + name() + " answered truncated JSON (it ends after " + body.length
                    + " bytes): " + snippet(body), e);
        } catch (IOException e) {
            throw new ModelException("HTTP model " + name() + " answered something that is not JSON: " + snippet(body)
                    + "; check that the URL is the prediction endpoint", e);
        }
        try {
            return contract.response(node, batch, numClasses(), outputKind());
        } catch (IllegalArgumentException e) {
            throw new ModelException("HTTP model " + name() + ": its answer to " + batch.count() + " images does not "
                    + "fit (" + numClasses() + " classes, " + outputKind() + "): " + e.getMessage(), e);
        }
    }

    private static String snippet(byte[] body) {
        if (body == null || body.length == 0) {
            return "";
        }
        String s = new String(body, 0, Math.min(body.length, SNIPPET), StandardCharsets.UTF_8)
                .replaceAll("\\s+", " ").strip();
        return "'" + s + (body.length > SNIPPET ? "...' (" + body.length + " bytes)" : "'");
    }

    /**
     * Configures an {@link HttpModel}. The input shape, the class count and the output kind are
     * required: they are the API's contract, and answers are checked against them.
     *
     * <pre>{@code
     * HttpModel api = HttpModel.builder(URI.create("http://127.0.0.1:8765/predict"))
     *         .inputShape(new ImageShape(1, 28, 28)).numClasses(10).outputKind(OutputKind.LABELS)
     *         .maxRetries(5).backoff(Duration.ofSeconds(1), Duration.ofMinutes(1)).batchSize(32)
     *         .build();
     * }</pre>
     */
    public static final class Builder {
        private final URI uri;
        private String name;
        private ImageShape shape;
        private int numClasses;
        private OutputKind kind;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private JsonContract contract = JsonContract.STANDARD;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(60);
        private int maxRetries = 3;
        private Duration initialBackoff = Duration.ofMillis(500);
        private Duration maxBackoff = Duration.ofSeconds(30);
        private double maxRequestsPerSecond;
        private long queryBudget = Long.MAX_VALUE;
        private int batchSize = DEFAULT_REQUEST_BATCH;
        private LongSupplier clock = System::nanoTime;
        private Pause pause = nanos -> TimeUnit.NANOSECONDS.sleep(nanos);

        private Builder(URI uri) {
            Objects.requireNonNull(uri, "uri");
            if (uri.getScheme() == null || !(uri.getScheme().equalsIgnoreCase("http")
                    || uri.getScheme().equalsIgnoreCase("https")) || uri.getHost() == null) {
                throw new IllegalArgumentException("an HTTP model needs an http:// or https:// URL with a host, got "
                        + (uri.getScheme() == null || uri.getHost() == null ? "'" + uri.getScheme() + "://...'" : redacted(uri)));
            }
            this.uri = uri;
        }

        /** A name for logs and verdicts; default the URL without its query string. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** The shape of the images the API takes. Required. */
        public Builder inputShape(ImageShape shape) {
            this.shape = shape;
            return this;
        }

        /** The number of classes the API answers. Required. */
        public Builder numClasses(int numClasses) {
            this.numClasses = numClasses;
            return this;
        }

        /** What the API answers: logits, probabilities or labels. Required. */
        public Builder outputKind(OutputKind kind) {
            this.kind = kind;
            return this;
        }

        /** A header sent with every request, such as {@code Authorization}. */
        public Builder header(String name, String value) {
            headers.put(Objects.requireNonNull(name, "header name"), Objects.requireNonNull(value, "header value"));
            return this;
        }

        /** How requests and answers are mapped to JSON; default {@link JsonContract#STANDARD}. */
        public Builder contract(JsonContract contract) {
            this.contract = Objects.requireNonNull(contract, "contract");
            return this;
        }

        /** How long to wait for a connection; default 10 s. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connect timeout");
            return this;
        }

        /** How long to wait for the whole answer to one request; default 60 s. */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = positive(timeout, "read timeout");
            return this;
        }

        /** Retries after a 5xx, 429, timeout or dropped connection; default 3, 0 for none. */
        public Builder maxRetries(int retries) {
            if (retries < 0) {
                throw new IllegalArgumentException("retries must be >= 0, got " + retries);
            }
            this.maxRetries = retries;
            return this;
        }

        /** The first retry's wait and the longest wait; each retry doubles it. Default 500 ms and 30 s. */
        public Builder backoff(Duration initial, Duration max) {
            this.initialBackoff = positive(initial, "initial backoff");
            this.maxBackoff = positive(max, "max backoff");
            if (max.compareTo(initial) < 0) {
                throw new IllegalArgumentException("max backoff " + max + " is shorter than the initial backoff " + initial);
            }
            return this;
        }

        /** At most this many requests started per second (retries included); 0, the default, for no limit. */
        public Builder maxRequestsPerSecond(double rate) {
            if (!(rate >= 0) || Double.isInfinite(rate)) {
                throw new IllegalArgumentException("requests per second must be finite and >= 0, got " + rate);
            }
            this.maxRequestsPerSecond = rate;
            return this;
        }

        /** At most this many images sent in all, retries included; default no limit. */
        public Builder queryBudget(long images) {
            if (images < 1) {
                throw new IllegalArgumentException("a query budget must allow at least 1 image, got " + images);
            }
            this.queryBudget = images;
            return this;
        }

        /** Images per request; default {@value #DEFAULT_REQUEST_BATCH}. */
        public Builder batchSize(int images) {
            if (images < 1) {
                throw new IllegalArgumentException("a request needs at least 1 image, got " + images);
            }
            this.batchSize = images;
            return this;
        }

        Builder clock(LongSupplier clock, Pause pause) {
            this.clock = clock;
            this.pause = pause;
            return this;
        }

        private static Duration positive(Duration d, String what) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + " must be positive, got " + d);
            }
            return d;
        }

        /**
         * The model.
         *
         * @throws IllegalArgumentException if the input shape, class count or output kind is missing
         */
        public HttpModel build() {
            if (shape == null || numClasses == 0 || kind == null) {
                throw new IllegalArgumentException("HTTP model " + redacted(uri) + " needs its input shape, class count and "
                        + "output kind: call inputShape(...), numClasses(...) and outputKind(...)");
            }
            return new HttpModel(this);
        }
    }
}
