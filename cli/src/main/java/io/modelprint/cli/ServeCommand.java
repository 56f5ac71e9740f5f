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
package io.modelprint.cli;

import io.modelprint.Model;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code modelprint serve}: answers a model file's predictions over HTTP, to try {@code verify} on a URL. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve a model file over HTTP with modelprint's JSON contract (POST /predict) until stopped.")
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "MODEL", description = "A DL4J .zip or an .onnx file.")
    String model;

    @Option(names = "--port", defaultValue = "8080", description = "Port (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--probabilities", description = "Answer probabilities (softmax) instead of the model's own output.")
    boolean probabilities;

    @Mixin
    ModelOptions modelOptions;

    @Override
    public Integer call() throws Exception {
        Model m = modelOptions.open(model, 10);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port " + port + " is not a port: give 1 to 65535, or 0 for any free one");
        }
        PredictionServer started;
        try {
            started = PredictionServer.start(m, new InetSocketAddress(host, port), probabilities);
        } catch (BindException e) {
            throw new IllegalArgumentException("cannot listen on " + host + ":" + port + ": " + e.getMessage()
                    + " (another program may hold port " + port + "); choose another --port, or --port 0 for any free one",
                    e);
        }
        try (PredictionServer server = started) {
            spec.commandLine().getOut().printf("serving %s (%s) at %s; stop with Ctrl-C%n", m.name(),
                    probabilities ? "probabilities" : m.outputKind().name().toLowerCase(Locale.ROOT),
                    server.uri());
            new CountDownLatch(1).await();
        }
        return ModelprintCli.INDEPENDENT;
    }
}
