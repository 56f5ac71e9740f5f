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
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
    private final Map<String, String> headers;
    private final JsonContract contract;
    private final Duration readTimeout;
    private final int maxRetries;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final long minIntervalNanos;
    private final long budget;
    private final HttpClient client;
    private final LongSupplier clock;
    private final Pause pause;
    private final Object budgetLock = new Object();
    private long sent;
    private final Object rateLock = new Object();
    private long nextSlot = Long.MIN_VALUE;

    private HttpModel(Builder b) {
        super(b.name != null ? b.name : redacted(b.uri), b.shape, b.numClasses, b.kind);
        this.uri = b.uri;
        this.headers = Map.copyOf(b.headers);
        this.contract = b.contract;
        this.readTimeout = b.readTimeout;
        this.maxRetries = b.maxRetries;
        this.initialBackoff = b.initialBackoff;
        this.maxBackoff = b.maxBackoff;
        this.minIntervalNanos = b.maxRequestsPerSecond > 0 ? (long) Math.ceil(1e9 / b.maxRequestsPerSecond) : 0;
        this.budget = b.queryBudget;
        this.clock = b.clock;
        this.pause = b.pause;
        this.client = HttpClient.newBuilder()
                .connectTimeout(b.connectTimeout)
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
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
        return budget;
    }

    /** Images sent so far, retries included (at least {@link #queryCount()}). */
    public long imagesSent() {
        synchronized (budgetLock) {
            return sent;
        }
    }

    @Override
    protected void admit(int images) {
        synchronized (budgetLock) {
            if (sent + images > budget) {
                throw new QueryBudgetExceededException(name(), budget, sent, images);
            }
        }
    }

    private void spend(int images) {
        synchronized (budgetLock) {
            if (sent + images > budget) {
                throw new QueryBudgetExceededException(name(), budget, sent, images);
            }
            sent += images;
        }
    }

    @Override
    protected Predictions answer(ImageBatch batch) {
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(contract.request(batch, JSON));
        } catch (JsonProcessingException e) {
            throw new ModelException("HTTP model " + name() + ": cannot encode a request of " + batch.count()
                    + " images: " + e.getOriginalMessage(), e);
        }
        HttpRequest.Builder rb = HttpRequest.newBuilder(uri)
                .timeout(readTimeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(rb::header);
        HttpRequest request = rb.build();

        String lastFailure = null;
        Throwable lastCause = null;
        long retryAfterNanos = 0;
        int attempts = maxRetries + 1;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            if (attempt > 1) {
                long wait = backoffNanos(attempt - 1, retryAfterNanos);
                LOG.warn("HTTP model {}: attempt {} of {} failed ({}); retrying in {} ms", name(), attempt - 1, attempts,
                        lastFailure, TimeUnit.NANOSECONDS.toMillis(wait));
                sleep(wait);
            }
            spend(batch.count());
            waitForRateLimit();
            retryAfterNanos = 0;
            HttpResponse<byte[]> response;
            try {
                response = send(request);
            } catch (HttpConnectTimeoutException e) {
                lastFailure = "could not connect within " + client.connectTimeout().map(Duration::toMillis).orElse(0L) + " ms";
                lastCause = e;
                continue;
            } catch (HttpTimeoutException | TimeoutException e) {
                lastFailure = "no complete answer within the read timeout of " + readTimeout.toMillis() + " ms";
                lastCause = e;
                continue;
            } catch (ConnectException e) {
                lastFailure = "connection refused";
                lastCause = e;
                continue;
            } catch (IOException e) {
                lastFailure = "the connection failed or was dropped before the full answer arrived (" + e + ")";
                lastCause = e;
                continue;
            }
            int status = response.statusCode();
            if (status / 100 == 2) {
                return decode(response.body(), batch);
            }
            String text = snippet(response.body());
            if (status / 100 == 5 || status == 429) {
                lastFailure = "HTTP " + status + (text.isEmpty() ? "" : ": " + text);
                lastCause = null;
                retryAfterNanos = retryAfter(response);
                continue;
            }
            throw new ModelException("HTTP model " + name() + " at " + redacted(uri) + " answered HTTP " + status
                    + (text.isEmpty() ? "" : ": " + text) + "; this is not retried: check the URL, the headers "
                    + "(authorisation) and that the API follows the " + contract);
        }
        throw new ModelException("HTTP model " + name() + " at " + redacted(uri) + " failed " + attempts
                + " attempts for a batch of " + batch.count() + " images; last: " + lastFailure
                + ". Check that the API is up, or raise the timeouts or retries", lastCause);
    }

    private HttpResponse<byte[]> send(HttpRequest request) throws IOException, TimeoutException {
        CompletableFuture<HttpResponse<byte[]>> f = client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        try {
            // the request timeout covers the headers only: this bounds the body too
            return f.get(readTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw e;
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new ModelException("HTTP model " + name() + ": interrupted while waiting for an answer", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) {
                throw io;
            }
            throw new ModelException("HTTP model " + name() + ": the request failed: " + c, c);
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

    private long backoffNanos(int retry, long retryAfterNanos) {
        double exp = initialBackoff.toNanos() * Math.pow(2, retry - 1);
        long wait = (long) Math.min(maxBackoff.toNanos(), exp);
        // a server's Retry-After is honoured in full: retrying earlier only earns another 429
        return Math.max(wait, retryAfterNanos);
    }

    private static long retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").map(v -> {
            try {
                return TimeUnit.SECONDS.toNanos(Math.max(0, Long.parseLong(v.trim())));
            } catch (NumberFormatException e) {
                return 0L;   // an HTTP date: fall back to the backoff
            }
        }).orElse(0L);
    }

    private void waitForRateLimit() {
        if (minIntervalNanos == 0) {
            return;
        }
        long wait;
        synchronized (rateLock) {
            long now = clock.getAsLong();
            long start = nextSlot == Long.MIN_VALUE ? now : Math.max(now, nextSlot);
            nextSlot = start + minIntervalNanos;
            wait = start - now;
        }
        if (wait > 0) {
            sleep(wait);
        }
    }

    private void sleep(long nanos) {
        try {
            pause.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelException("HTTP model " + name() + ": interrupted while waiting to send", e);
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
