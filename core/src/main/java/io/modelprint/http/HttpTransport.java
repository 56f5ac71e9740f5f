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

import io.modelprint.ModelException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One POST of a JSON body to a prediction API with {@code java.net.http}, bounded by a connect
 * timeout, a time limit that covers the whole answer and a limit on the answer's size, and told
 * apart: an answer (any status) or a failure to get one, in words.
 *
 * <p>Redirects are never followed here ({@link HttpClient.Redirect#NEVER}): a redirect is an
 * answer like any other, and {@link HttpModel} decides whether to send the images again, to
 * where, and counts them against its budget.
 */
final class HttpTransport {

    /**
     * What one attempt gave: the response, or why there was none.
     *
     * @param response the answer, or null
     * @param failure  why there was no answer, or null
     * @param cause    the exception behind the failure, or null
     */
    record Attempt(HttpResponse<byte[]> response, String failure, Throwable cause) {
    }

    private final String model;
    private final Map<String, String> headers;
    private final Duration readTimeout;
    private final long maxResponseBytes;
    private final HttpClient client;

    /**
     * @param model            the model's name, for messages
     * @param headers          headers sent with every request
     * @param connectTimeout   how long to wait for a connection
     * @param readTimeout      how long one attempt may take, the whole answer included
     * @param maxResponseBytes the longest answer read, in bytes
     */
    HttpTransport(String model, Map<String, String> headers, Duration connectTimeout, Duration readTimeout,
                  long maxResponseBytes) {
        this.model = model;
        this.headers = Map.copyOf(headers);
        this.readTimeout = readTimeout;
        this.maxResponseBytes = maxResponseBytes;
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * The request that POSTs {@code body} to {@code target} with the configured headers.
     *
     * @throws IllegalArgumentException if a header cannot be sent (a name java.net.http reserves,
     *                                  a line break in a value)
     */
    HttpRequest request(URI target, byte[] body, Duration timeout) {
        HttpRequest.Builder rb = HttpRequest.newBuilder(target)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(rb::header);
        return rb.build();
    }

    /**
     * Sends {@code request} once, waiting at most {@code timeout} (the read timeout or what is left of
     * the overall one) for the whole answer.
     *
     * @throws ModelException if the answer is longer than the limit (not worth trying again)
     */
    Attempt send(HttpRequest request, Duration timeout) {
        try {
            return new Attempt(exchange(request, timeout), null, null);
        } catch (HttpConnectTimeoutException e) {
            return new Attempt(null, "could not connect within "
                    + client.connectTimeout().map(Duration::toMillis).orElse(0L) + " ms", e);
        } catch (HttpTimeoutException | TimeoutException e) {
            return new Attempt(null, "no complete answer within " + (timeout.equals(readTimeout)
                    ? "the read timeout of " + readTimeout.toMillis() + " ms"
                    : timeout.toMillis() + " ms, what was left of the overall timeout"), e);
        } catch (ConnectException e) {
            return new Attempt(null, "connection refused", e);
        } catch (BoundedBody.TooLarge e) {
            throw new ModelException("HTTP model " + model + " at " + HttpModel.redacted(request.uri()) + " answered "
                    + (e.declared() >= 0 ? "a body of " + e.declared() + " bytes (its Content-Length)"
                    : "a body longer than " + e.limit() + " bytes (it was cut off there)")
                    + ", more than the maximum response size of " + e.limit() + " bytes; this is not retried: check "
                    + "that the URL is the prediction endpoint, or raise maxResponseBytes if its answers are that long", e);
        } catch (IOException e) {
            return new Attempt(null, "the connection failed or was dropped before the full answer arrived (" + e + ")", e);
        }
    }

    private HttpResponse<byte[]> exchange(HttpRequest request, Duration timeout) throws IOException, TimeoutException {
        CompletableFuture<HttpResponse<byte[]>> f = client.sendAsync(request, BoundedBody.handler(maxResponseBytes));
        try {
            // the request timeout covers the headers only: this bounds the body too
            return f.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw e;
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new ModelException("HTTP model " + model + ": interrupted while waiting for an answer", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            // the client may wrap the body's own failure once more
            if (!(c instanceof BoundedBody.TooLarge) && c != null && c.getCause() instanceof BoundedBody.TooLarge t) {
                throw t;
            }
            if (c instanceof IOException io) {
                throw io;
            }
            throw new ModelException("HTTP model " + model + ": the request failed: " + c, c);
        }
    }
}
