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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * A raw HTTP/1.1 server on 127.0.0.1 that answers each request with the next of a script of
 * response bytes, whatever they are (a broken status line, a lying Content-Length, garbage), and
 * closes the connection; once the script is spent, it answers what {@code fallback} makes for the
 * number of images received. It counts the images it receives.
 */
final class ScriptedHttpServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ServerSocket socket;
    private final Deque<byte[]> script;
    private final IntFunction<byte[]> fallback;
    private final Thread acceptor;
    final AtomicLong imagesReceived = new AtomicLong();
    final AtomicInteger requests = new AtomicInteger();

    ScriptedHttpServer(List<byte[]> script, IntFunction<byte[]> fallback) throws IOException {
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.script = new ArrayDeque<>(script);
        this.fallback = fallback;
        this.acceptor = new Thread(this::serve, "scripted-http");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/predict");
    }

    int port() {
        return socket.getLocalPort();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket s = socket.accept()) {
                s.setSoTimeout(5_000);
                int images = readRequest(s.getInputStream());
                if (images < 0) {
                    continue;
                }
                requests.incrementAndGet();
                imagesReceived.addAndGet(images);
                byte[] answer;
                synchronized (this) {
                    answer = script.isEmpty() ? fallback.apply(images) : script.poll();
                }
                OutputStream out = s.getOutputStream();
                out.write(answer);
                out.flush();
                s.shutdownOutput();
            } catch (SocketException e) {
                if (socket.isClosed()) {
                    return;
                }
            } catch (IOException e) {
                // the client went away mid-answer: the next connection is served
            }
        }
    }

    /** Reads one request; the number of images in its body, or -1 if it was not a whole request. */
    private static int readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        int state = 0;
        while (state < 4 && (b = in.read()) >= 0) {
            head.write(b);
            state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
        }
        if (state < 4) {
            return -1;
        }
        int length = 0;
        for (String line : head.toString(StandardCharsets.ISO_8859_1).split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        byte[] body = in.readNBytes(length);
        if (body.length < length) {
            return -1;
        }
        JsonNode instances = JSON.readTree(body).get("instances");
        return instances == null ? 0 : instances.size();
    }

    /** An HTTP/1.1 response with {@code status}, {@code headers} (each "Name: value") and {@code body}. */
    static byte[] response(String statusLine, List<String> headers, byte[] body) {
        StringBuilder h = new StringBuilder(statusLine).append("\r\n");
        for (String header : headers) {
            h.append(header).append("\r\n");
        }
        h.append("Connection: close\r\n\r\n");
        byte[] head = h.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    @Override
    public void close() throws IOException {
        socket.close();
        try {
            acceptor.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
