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
import java.time.Instant;
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
 *   <li>a connect timeout and a read timeout (the whole answer must arrive within it), and an
 *       overall timeout per batch (default 5 minutes) that every attempt, redirect and wait
 *       together never pass: a wait that would pass it fails the call at once, saying so;</li>
 *   <li>retries with exponential backoff (doubling from {@code initialBackoff} up to
 *       {@code maxBackoff}, longer if the server sends {@code Retry-After}, in seconds or as an HTTP
 *       date) on HTTP 5xx, 429, timeouts and dropped connections; a {@code Retry-After} longer
 *       than {@code maxRetryWait} (default 60 s) is not waited for: the call fails naming both;
 *       other 4xx answers and malformed 2xx answers are not retried;</li>
 *   <li>redirects: java.net.http never follows one; a 307 or 308 to the same scheme, host and
 *       port is followed here, at most {@code maxRedirects} times (default 5), each re-sent batch
 *       counted against the budget; a redirect to another host is refused with a message naming
 *       both, so headers such as {@code Authorization} and the secret queries never leave the
 *       configured host; 301, 302 and 303 (which would turn the POST into a GET) are refused;</li>
 *   <li>a maximum response size (default 64 MiB): an answer declaring a longer
 *       {@code Content-Length} is refused unread, one streaming more is cut off at the limit;</li>
 *   <li>a rate limit: at most {@code maxRequestsPerSecond} requests are started per second,
 *       retries and redirects included;</li>
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
    private final Duration readTimeout;
    private final Duration overallTimeout;
    private final int maxRedirects;
    private final LongSupplier clock;
    private final Pause pause;

    private HttpModel(Builder b) {
        super(b.name != null ? b.name : redacted(b.uri), b.shape, b.numClasses, b.kind);
        this.uri = b.uri;
        this.contract = b.contract;
        this.transport = new HttpTransport(name(), b.headers, b.connectTimeout, b.readTimeout, b.maxResponseBytes);
        this.retries = new RetryPolicy(b.maxRetries, b.initialBackoff, b.maxBackoff, b.maxRetryWait);
        this.rateLimiter = new RateLimiter(name(), b.maxRequestsPerSecond, b.clock, b.pause);
        this.budget = new QueryBudget(name(), b.queryBudget);
        this.readTimeout = b.readTimeout;
        this.overallTimeout = b.overallTimeout;
        this.maxRedirects = b.maxRedirects;
        this.clock = b.clock;
        this.pause = b.pause;
        withBatchSize(b.batchSize);
    }

    // the query string may hold an API key: keep it out of names and logs
    /** scheme://host[:port]/path: no user information or query string, which may hold credentials. */
    static String redacted(URI uri) {
        if (uri.getHost() == null) {
            return uri.getScheme() + ": (no host)";
        }
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

    /**
     * Sends the batch, trying again as {@link RetryPolicy} allows and following same-origin
     * redirects, within the overall timeout, and decodes the answer.
     */
    @Override
    protected Predictions answer(ImageBatch batch) {
        byte[] body = encode(batch);
        Deadline deadline = new Deadline(clock.getAsLong());
        String lastFailure = null;
        Throwable lastCause = null;
        long retryAfterNanos = 0;
        for (int attempt = 1; attempt <= retries.attempts(); attempt++) {
            if (attempt > 1) {
                long wait = retries.backoffNanos(attempt - 1, retryAfterNanos);
                checkWait(wait, retryAfterNanos, deadline, attempt - 1, lastFailure);
                LOG.warn("HTTP model {}: attempt {} of {} failed ({}); retrying in {} ms", name(), attempt - 1,
                        retries.attempts(), lastFailure, TimeUnit.NANOSECONDS.toMillis(wait));
                RateLimiter.sleep(name(), pause, wait);
            }
            retryAfterNanos = 0;
            HttpTransport.Attempt a = sendFollowingRedirects(batch, body, deadline);
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
                throw new ModelException("HTTP model " + name() + " at " + redacted(response.uri()) + " answered HTTP "
                        + status + (text.isEmpty() ? "" : ": " + text) + "; this is not retried: check the URL, the "
                        + "headers (authorisation) and that the API follows the " + contract);
            }
            lastFailure = "HTTP " + status + (text.isEmpty() ? "" : ": " + text);
            lastCause = null;
            retryAfterNanos = RetryPolicy.retryAfterNanos(response, Instant.now());
        }
        throw new ModelException("HTTP model " + name() + " at " + redacted(uri) + " failed " + retries.attempts()
                + " attempts for a batch of " + batch.count() + " images; last: " + lastFailure
                + ". Check that the API is up, or raise the timeouts or retries", lastCause);
    }

    /** Refuses a wait before a retry that passes the longest wait allowed or the overall timeout. */
    private void checkWait(long wait, long retryAfterNanos, Deadline deadline, int failed, String lastFailure) {
        if (retryAfterNanos > retries.maxRetryWaitNanos()) {
            throw new ModelException("HTTP model " + name() + " at " + redacted(uri) + ": after " + lastFailure
                    + " the server asks to retry after " + RetryPolicy.describe(retryAfterNanos) + " (Retry-After), "
                    + "longer than the maximum retry wait of " + RetryPolicy.describe(retries.maxRetryWaitNanos())
                    + "; not waiting: try again later, or raise maxRetryWait");
        }
        long left = deadline.leftNanos();
        if (wait >= left) {
            throw new ModelException("HTTP model " + name() + " at " + redacted(uri) + ": attempt " + failed
                    + " failed (" + lastFailure + ") and the next would start after a wait of "
                    + RetryPolicy.describe(wait) + ", past the overall timeout of " + overallTimeout.toMillis()
                    + " ms for a batch (" + RetryPolicy.describe(Math.max(0, left)) + " left); raise overallTimeout "
                    + "or lower the backoff");
        }
    }

    /**
     * One attempt: POSTs the batch to the API and, while the answer is a 307 or 308 redirect to the
     * same scheme, host and port, to where it points, each time counting the images against the
     * budget. A redirect elsewhere, of another kind, without a location, or past
     * {@code maxRedirects} fails the call: headers (credentials) and the secret queries never go
     * to another host.
     */
    private HttpTransport.Attempt sendFollowingRedirects(ImageBatch batch, byte[] body, Deadline deadline) {
        URI target = uri;
        for (int hop = 0; ; hop++) {
            budget.spend(batch.count());
            rateLimiter.acquire(deadline.leftNanos());
            long left = deadline.leftNanos();
            if (left <= 0) {
                throw new ModelException("HTTP model " + name() + " at " + redacted(uri) + ": the overall timeout of "
                        + overallTimeout.toMillis() + " ms for a batch of " + batch.count() + " images passed before "
                        + "it was answered; raise overallTimeout");
            }
            Duration timeout = left < readTimeout.toNanos() ? Duration.ofNanos(left) : readTimeout;
            HttpTransport.Attempt a = transport.send(transport.request(target, body, timeout), timeout);
            HttpResponse<byte[]> r = a.response();
            if (r == null || r.statusCode() / 100 != 3) {
                return a;
            }
            target = redirectTarget(r, target, hop);
            LOG.debug("HTTP model {}: HTTP {} to {}; sending the batch again there", name(), r.statusCode(),
                    redacted(target));
        }
    }

    private URI redirectTarget(HttpResponse<byte[]> r, URI from, int hopsSoFar) {
        int status = r.statusCode();
        String here = "HTTP model " + name() + " at " + redacted(from) + " answered HTTP " + status;
        String location = r.headers().firstValue("Location").orElse(null);
        if (location == null || location.isBlank()) {
            throw new ModelException(here + " (a redirect) without a Location header; point the model at the "
                    + "prediction endpoint itself");
        }
        URI next;
        try {
            next = from.resolve(location.strip());
        } catch (IllegalArgumentException e) {
            throw new ModelException(here + " redirecting to '" + abbreviated(location) + "', which is not a URL; "
                    + "point the model at the prediction endpoint itself", e);
        }
        if (status != 307 && status != 308) {
            throw new ModelException(here + " redirecting to " + redacted(next) + "; only 307 and 308 redirects, "
                    + "which keep the POST and its body, are followed: point the model at " + redacted(next)
                    + " directly if that is the prediction endpoint");
        }
        if (!sameOrigin(uri, next)) {
            throw new ModelException(here + " redirecting to " + redacted(next) + ", another host than "
                    + origin(uri) + " (" + origin(next) + "); not followed, so that the headers (credentials) and "
                    + "the secret queries never reach another host: point the model at " + redacted(next)
                    + " directly if you trust it");
        }
        if (hopsSoFar >= maxRedirects) {
            throw new ModelException(here + " redirecting to " + redacted(next) + " after " + hopsSoFar
                    + " redirects already, more than the " + maxRedirects + " allowed (a redirect loop?); "
                    + "point the model at the prediction endpoint itself, or raise maxRedirects");
        }
        return next;
    }

    /** Whether {@code a} and {@code b} have the same scheme, host and port (default ports filled in). */
    static boolean sameOrigin(URI a, URI b) {
        return a.getScheme() != null && b.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost() != null && b.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI u) {
        return u.getPort() >= 0 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    private static String origin(URI u) {
        return u.getScheme() + "://" + u.getHost() + ":" + port(u);
    }

    private static String abbreviated(String s) {
        return s.length() <= SNIPPET ? s : s.substring(0, SNIPPET) + "...";
    }

    /** The end of one batch's overall timeout, on the model's clock. */
    private final class Deadline {
        private final long start;

        Deadline(long start) {
            this.start = start;
        }

        long leftNanos() {
            return overallTimeout.toNanos() - (clock.getAsLong() - start);
        }
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
     * required: they are the API's contract, and answers are checked against them. Every setting is
     * checked where it is given: a rate of 0, NaN or infinity, a timeout that is not positive or is
     * longer than {@linkplain #MAX_DURATION a day}, a header java.net.http cannot send, fail at once
     * with a message naming the value.
     *
     * <pre>{@code
     * HttpModel api = HttpModel.builder(URI.create("http://127.0.0.1:8765/predict"))
     *         .inputShape(new ImageShape(1, 28, 28)).numClasses(10).outputKind(OutputKind.LABELS)
     *         .maxRetries(5).backoff(Duration.ofSeconds(1), Duration.ofMinutes(1)).batchSize(32)
     *         .overallTimeout(Duration.ofMinutes(10)).maxRetryWait(Duration.ofMinutes(2))
     *         .build();
     * }</pre>
     */
    public static final class Builder {

        /** The longest duration any setting accepts: longer waits are mistakes (and overflow nanoseconds). */
        public static final Duration MAX_DURATION = Duration.ofDays(1);

        /** The longest answer read unless {@link #maxResponseBytes(long)} says otherwise: 64 MiB. */
        public static final long DEFAULT_MAX_RESPONSE_BYTES = 64L << 20;

        /** The largest {@link #maxResponseBytes(long)}: what one Java array holds. */
        public static final long MAX_RESPONSE_BYTES_LIMIT = Integer.MAX_VALUE - 8;

        /** Redirects followed per attempt unless {@link #maxRedirects(int)} says otherwise. */
        public static final int DEFAULT_MAX_REDIRECTS = 5;

        private final URI uri;
        private String name;
        private ImageShape shape;
        private int numClasses;
        private OutputKind kind;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private JsonContract contract = JsonContract.STANDARD;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(60);
        private Duration overallTimeout = Duration.ofMinutes(5);
        private int maxRetries = 3;
        private Duration initialBackoff = Duration.ofMillis(500);
        private Duration maxBackoff = Duration.ofSeconds(30);
        private Duration maxRetryWait = Duration.ofSeconds(60);
        private double maxRequestsPerSecond;
        private long queryBudget = Long.MAX_VALUE;
        private int batchSize = DEFAULT_REQUEST_BATCH;
        private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
        private int maxRedirects = DEFAULT_MAX_REDIRECTS;
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

        /**
         * A header sent with every request, such as {@code Authorization}. It is sent to the
         * configured host only: redirects to another host are refused.
         *
         * @throws IllegalArgumentException if java.net.http cannot send it (a name it sets itself,
         *                                  such as {@code Host} or {@code Content-Length}; a line
         *                                  break or other control character)
         */
        public Builder header(String name, String value) {
            Objects.requireNonNull(name, "header name");
            Objects.requireNonNull(value, "header value");
            try {
                HttpRequest.newBuilder(uri).header(name, value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("header '" + abbreviated(name) + "' cannot be sent: "
                        + e.getMessage() + " (java.net.http sets Host, Content-Length, Connection and the like itself, "
                        + "and names and values may not hold line breaks or other control characters)", e);
            }
            headers.put(name, value);
            return this;
        }

        /** How requests and answers are mapped to JSON; default {@link JsonContract#STANDARD}. */
        public Builder contract(JsonContract contract) {
            this.contract = Objects.requireNonNull(contract, "contract");
            return this;
        }

        /** How long to wait for a connection; default 10 s. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = checked(timeout, "connect timeout");
            return this;
        }

        /** How long to wait for the whole answer to one request; default 60 s. */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = checked(timeout, "read timeout");
            return this;
        }

        /**
         * How long one batch may take in all: every attempt, redirect, backoff, {@code Retry-After}
         * and rate-limit wait together; default 5 minutes. A wait that would pass it is not started:
         * the call fails at once, saying so.
         */
        public Builder overallTimeout(Duration timeout) {
            this.overallTimeout = checked(timeout, "overall timeout");
            return this;
        }

        /** Retries after a 5xx, 429, timeout or dropped connection; default 3, 0 for none, at most 1000. */
        public Builder maxRetries(int retries) {
            if (retries < 0 || retries > RetryPolicy.MAX_RETRIES) {
                throw new IllegalArgumentException("retries must be between 0 and " + RetryPolicy.MAX_RETRIES + ", got "
                        + retries);
            }
            this.maxRetries = retries;
            return this;
        }

        /** The first retry's wait and the longest backoff; each retry doubles it. Default 500 ms and 30 s. */
        public Builder backoff(Duration initial, Duration max) {
            this.initialBackoff = checked(initial, "initial backoff");
            this.maxBackoff = checked(max, "max backoff");
            if (max.compareTo(initial) < 0) {
                throw new IllegalArgumentException("max backoff " + max + " is shorter than the initial backoff " + initial);
            }
            return this;
        }

        /**
         * The longest wait accepted before a retry, default 60 s: a server whose {@code Retry-After}
         * asks for longer is not waited for, the call fails naming both. Must not be shorter than
         * the longest backoff.
         */
        public Builder maxRetryWait(Duration wait) {
            this.maxRetryWait = checked(wait, "maximum retry wait");
            return this;
        }

        /**
         * At most this many requests started per second (retries and redirects included); without
         * this call there is no limit.
         *
         * @throws IllegalArgumentException if {@code rate} is not a positive finite number, or is
         *                                  below one request a day
         */
        public Builder maxRequestsPerSecond(double rate) {
            double minRate = 1.0 / MAX_DURATION.toSeconds();
            if (!(rate > 0) || Double.isInfinite(rate)) {
                throw new IllegalArgumentException("requests per second must be a positive finite number, got " + rate
                        + "; for no rate limit, do not set one");
            }
            if (rate < minRate) {
                throw new IllegalArgumentException("requests per second must be at least one a day (" + minRate
                        + "), got " + rate);
            }
            this.maxRequestsPerSecond = rate;
            return this;
        }

        /** At most this many images sent in all, retries and redirects included; default no limit. */
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

        /**
         * The longest answer read, in bytes; default 64 MiB. An answer that declares a longer
         * {@code Content-Length} is refused before its body is read, one that streams more is cut
         * off as soon as it passes the limit.
         */
        public Builder maxResponseBytes(long bytes) {
            if (bytes < 1 || bytes > MAX_RESPONSE_BYTES_LIMIT) {
                throw new IllegalArgumentException("the maximum response size must be between 1 and "
                        + MAX_RESPONSE_BYTES_LIMIT + " bytes, got " + bytes);
            }
            this.maxResponseBytes = bytes;
            return this;
        }

        /**
         * How many 307/308 redirects to the same scheme, host and port one attempt follows, each
         * sending the batch again (counted against the budget); default
         * {@value #DEFAULT_MAX_REDIRECTS}, 0 to refuse every redirect. Redirects to another host,
         * and 301, 302 and 303 (which would turn the POST into a GET), are always refused.
         */
        public Builder maxRedirects(int redirects) {
            if (redirects < 0 || redirects > 100) {
                throw new IllegalArgumentException("redirects must be between 0 and 100, got " + redirects);
            }
            this.maxRedirects = redirects;
            return this;
        }

        Builder clock(LongSupplier clock, Pause pause) {
            this.clock = clock;
            this.pause = pause;
            return this;
        }

        private static Duration checked(Duration d, String what) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + " must be positive, got " + d);
            }
            if (d.compareTo(MAX_DURATION) > 0) {
                throw new IllegalArgumentException(what + " must be at most " + MAX_DURATION.toHours() + " hours, got "
                        + d + "; a longer wait is a mistake");
            }
            return d;
        }

        /**
         * The model.
         *
         * @throws IllegalArgumentException if the input shape, class count or output kind is missing,
         *                                  or the longest backoff is longer than the maximum retry wait
         */
        public HttpModel build() {
            if (shape == null || numClasses == 0 || kind == null) {
                throw new IllegalArgumentException("HTTP model " + redacted(uri) + " needs its input shape, class count and "
                        + "output kind: call inputShape(...), numClasses(...) and outputKind(...)");
            }
            if (maxBackoff.compareTo(maxRetryWait) > 0) {
                throw new IllegalArgumentException("HTTP model " + redacted(uri) + ": the longest backoff " + maxBackoff
                        + " is longer than the maximum retry wait " + maxRetryWait + "; lower the one or raise the other");
            }
            return new HttpModel(this);
        }
    }
}
