package io.modelprint.examples.cli;

import io.modelprint.ImageShape;
import io.modelprint.Model;
import io.modelprint.OutputKind;
import io.modelprint.dl4j.Dl4jModel;
import io.modelprint.http.HttpModel;
import io.modelprint.onnx.OnnxModel;
import io.modelprint.onnx.Preprocessing;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import picocli.CommandLine.Option;

/**
 * How the command line opens a model: a DL4J zip ({@code ModelSerializer}), an ONNX file, or an
 * {@code http(s)://} prediction API following modelprint's JSON contract.
 *
 * <pre>{@code
 * Model m = options.open("models/victim.zip", 10);
 * }</pre>
 */
public final class ModelOptions {

    @Option(names = "--shape", paramLabel = "CxHxW",
            description = "Image shape the model takes (default 1x28x28, Fashion-MNIST; for ONNX files, read from the file).")
    String shape;

    @Option(names = "--output-kind", paramLabel = "KIND",
            description = "What the model answers: logits, probabilities or labels. Default: logits for DL4J, "
                    + "found by probing for ONNX, probabilities for HTTP.")
    String outputKind;

    @Option(names = "--layout", defaultValue = "NCHW", paramLabel = "NCHW|NHWC",
            description = "ONNX input layout (default ${DEFAULT-VALUE}).")
    Preprocessing.Layout layout;

    @Option(names = "--scale", defaultValue = "1", description = "ONNX preprocessing: pixel in [0, 1] times this (default ${DEFAULT-VALUE}).")
    double scale;

    @Option(names = "--mean", defaultValue = "0", split = ",", paramLabel = "M[,M...]",
            description = "ONNX preprocessing: subtracted after scaling, one value or one per channel (default ${DEFAULT-VALUE}).")
    double[] mean;

    @Option(names = "--std", defaultValue = "1", split = ",", paramLabel = "S[,S...]",
            description = "ONNX preprocessing: divides after subtracting, one value or one per channel (default ${DEFAULT-VALUE}).")
    double[] std;

    @Option(names = "--budget", paramLabel = "IMAGES", description = "HTTP: never send more than this many images, retries included.")
    Long budget;

    @Option(names = "--rate", paramLabel = "PER_SECOND", defaultValue = "0",
            description = "HTTP: at most this many requests per second (default: no limit).")
    double rate;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "HTTP: read timeout per request in seconds (default ${DEFAULT-VALUE}).")
    double timeoutSeconds;

    @Option(names = "--retries", defaultValue = "3", description = "HTTP: retries on 5xx, timeouts and dropped connections (default ${DEFAULT-VALUE}).")
    int retries;

    @Option(names = "--header", paramLabel = "NAME=VALUE", description = "HTTP: a header for every request, such as Authorization=Bearer...")
    Map<String, String> headers = new LinkedHashMap<>();

    ImageShape imageShape() {
        if (shape == null) {
            return new ImageShape(1, 28, 28);
        }
        String[] p = shape.toLowerCase(Locale.ROOT).split("x");
        try {
            if (p.length != 3) {
                throw new NumberFormatException();
            }
            return new ImageShape(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--shape " + shape + " is not CxHxW, such as 1x28x28 or 3x32x32");
        }
    }

    OutputKind kind(OutputKind fallback) {
        if (outputKind == null) {
            return fallback;
        }
        try {
            return OutputKind.valueOf(outputKind.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--output-kind " + outputKind + " is not logits, probabilities or labels");
        }
    }

    /**
     * Opens {@code location}; {@code numClasses} is what an HTTP API is expected to answer.
     *
     * @throws IllegalArgumentException if it cannot be opened, naming the location and why
     */
    Model open(String location, int numClasses) {
        if (location.startsWith("http://") || location.startsWith("https://")) {
            HttpModel.Builder b = HttpModel.builder(URI.create(location)).inputShape(imageShape())
                    .numClasses(numClasses).outputKind(kind(OutputKind.PROBABILITIES)).maxRetries(retries)
                    .maxRequestsPerSecond(rate).readTimeout(Duration.ofMillis((long) (timeoutSeconds * 1000)));
            if (budget != null) {
                b.queryBudget(budget);
            }
            headers.forEach(b::header);
            return b.build();
        }
        Path file = Path.of(location);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no model file at " + location
                    + ": give a DL4J .zip, an .onnx file or an http(s):// URL");
        }
        String name = file.getFileName().toString();
        if (name.toLowerCase(Locale.ROOT).endsWith(".onnx")) {
            OnnxModel.Builder b = OnnxModel.builder(file).preprocessing(Preprocessing.of(scale, mean, std, layout));
            if (outputKind != null) {
                b.outputKind(kind(null));
            }
            if (shape != null) {
                b.inputShape(imageShape());
            }
            return b.build();
        }
        return dl4j(file, name);
    }

    private Model dl4j(Path file, String name) {
        OutputKind k = kind(OutputKind.LOGITS);
        try {
            MultiLayerNetwork net = ModelSerializer.restoreMultiLayerNetwork(file.toFile(), false);
            return Dl4jModel.of(name, net, imageShape(), k);
        } catch (IOException | RuntimeException asNetwork) {
            try {
                ComputationGraph graph = ModelSerializer.restoreComputationGraph(file.toFile(), false);
                return Dl4jModel.of(name, graph, imageShape(), k);
            } catch (IOException | RuntimeException asGraph) {
                IllegalArgumentException e = new IllegalArgumentException("cannot read " + file
                        + " as a DL4J model zip (ModelSerializer) or an ONNX file (.onnx): " + asNetwork.getMessage());
                e.addSuppressed(asGraph);
                throw e;
            }
        }
    }
}
