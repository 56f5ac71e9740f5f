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
 * timeout and a read timeout that covers the whole answer, and told apart: an answer (any status)
 * or a failure to get one, in words.
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
    private final URI uri;
    private final Map<String, String> headers;
    private final Duration readTimeout;
    private final HttpClient client;

    HttpTransport(String model, URI uri, Map<String, String> headers, Duration connectTimeout, Duration readTimeout) {
        this.model = model;
        this.uri = uri;
        this.headers = Map.copyOf(headers);
        this.readTimeout = readTimeout;
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** The request that POSTs {@code body}, with the configured headers. */
    HttpRequest request(byte[] body) {
        HttpRequest.Builder rb = HttpRequest.newBuilder(uri)
                .timeout(readTimeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(rb::header);
        return rb.build();
    }

    /** Sends {@code request} once. */
    Attempt send(HttpRequest request) {
        try {
            return new Attempt(exchange(request), null, null);
        } catch (HttpConnectTimeoutException e) {
            return new Attempt(null, "could not connect within "
                    + client.connectTimeout().map(Duration::toMillis).orElse(0L) + " ms", e);
        } catch (HttpTimeoutException | TimeoutException e) {
            return new Attempt(null, "no complete answer within the read timeout of " + readTimeout.toMillis() + " ms", e);
        } catch (ConnectException e) {
            return new Attempt(null, "connection refused", e);
        } catch (IOException e) {
            return new Attempt(null, "the connection failed or was dropped before the full answer arrived (" + e + ")", e);
        }
    }

    private HttpResponse<byte[]> exchange(HttpRequest request) throws IOException, TimeoutException {
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
            throw new ModelException("HTTP model " + model + ": interrupted while waiting for an answer", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) {
                throw io;
            }
            throw new ModelException("HTTP model " + model + ": the request failed: " + c, c);
        }
    }
}
