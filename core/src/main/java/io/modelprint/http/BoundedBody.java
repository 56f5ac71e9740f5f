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

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read into memory up to a limit: an answer that declares a longer
 * {@code Content-Length} is refused before any of its body is read, and one that streams more is
 * cut off (the connection cancelled) as soon as it passes the limit, so a 2 GB answer costs the
 * limit in memory, not 2 GB.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {

    /** The answer was, or declared itself, longer than the limit. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        private final long limit;
        private final long declared;

        TooLarge(long limit, long declared) {
            super(declared >= 0 ? "the answer declares " + declared + " bytes (Content-Length), more than the limit of "
                    + limit : "the answer passed the limit of " + limit + " bytes");
            this.limit = limit;
            this.declared = declared;
        }

        long limit() {
            return limit;
        }

        /** The declared length, or -1 when the body streamed past the limit. */
        long declared() {
            return declared;
        }
    }

    private final long limit;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final List<byte[]> chunks = new ArrayList<>();
    private long received;
    private Flow.Subscription subscription;

    private BoundedBody(long limit) {
        this.limit = limit;
    }

    /** A body handler that reads at most {@code limit} bytes. */
    static HttpResponse.BodyHandler<byte[]> handler(long limit) {
        return info -> {
            OptionalLong declared = info.headers().firstValueAsLong("Content-Length");
            BoundedBody body = new BoundedBody(limit);
            if (declared.isPresent() && declared.getAsLong() > limit) {
                body.result.completeExceptionally(new TooLarge(limit, declared.getAsLong()));
            }
            return body;
        };
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (result.isDone()) {
            s.cancel();   // refused on its declared length: read none of it
            return;
        }
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer b : buffers) {
            received += b.remaining();
            if (received > limit) {
                chunks.clear();
                subscription.cancel();
                result.completeExceptionally(new TooLarge(limit, -1));
                return;
            }
            byte[] chunk = new byte[b.remaining()];
            b.get(chunk);
            chunks.add(chunk);
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable error) {
        chunks.clear();
        result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        if (result.isDone()) {
            return;
        }
        byte[] all = new byte[(int) received];
        int at = 0;
        for (byte[] c : chunks) {
            System.arraycopy(c, 0, all, at, c.length);
            at += c.length;
        }
        chunks.clear();
        result.complete(all);
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }
}
