package io.modelprint.examples.cli;

import io.modelprint.Model;
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
        try (PredictionServer server = PredictionServer.start(m, new InetSocketAddress(host, port), probabilities)) {
            spec.commandLine().getOut().printf("serving %s (%s) at %s; stop with Ctrl-C%n", m.name(),
                    probabilities ? "probabilities" : m.outputKind().name().toLowerCase(Locale.ROOT),
                    server.uri());
            new CountDownLatch(1).await();
        }
        return ModelprintCli.INDEPENDENT;
    }
}
