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

import io.modelprint.ImageShape;
import io.modelprint.Model;
import io.modelprint.OutputKind;
import io.modelprint.dl4j.Dl4jModel;
import io.modelprint.http.HttpModel;
import io.modelprint.onnx.ExecutionProvider;
import io.modelprint.onnx.OnnxModel;
import io.modelprint.onnx.Preprocessing;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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

    @Option(names = "--onnx-provider", paramLabel = "cpu|cuda",
            description = "ONNX: where ONNX Runtime runs the model; cuda needs onnxruntime_gpu, CUDA 12 and a GPU, and "
                    + "falls back to the CPU with a warning (default cpu, or -Dmodelprint.onnx.provider).")
    String onnxProvider;

    @Option(names = "--budget", paramLabel = "IMAGES",
            description = "HTTP only: never send more than this many images, retries included.")
    Long budget;

    @Option(names = "--rate", paramLabel = "PER_SECOND",
            description = "HTTP only: at most this many requests per second, > 0 (default: no limit).")
    Double rate;

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "HTTP only: read timeout per request in seconds, up to " + MAX_TIMEOUT_SECONDS + " (default 60).")
    Double timeoutSeconds;

    @Option(names = "--retries", paramLabel = "N",
            description = "HTTP only: retries on 5xx, timeouts and dropped connections, 0 to 100 (default 3).")
    Integer retries;

    @Option(names = "--header", paramLabel = "NAME=VALUE", description = "HTTP only: a header for every request, such as Authorization=Bearer...")
    Map<String, String> headers = new LinkedHashMap<>();

    /** The longest read timeout {@code --timeout} takes: a day. */
    static final long MAX_TIMEOUT_SECONDS = 86_400;

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
                    .numClasses(numClasses).outputKind(kind(OutputKind.PROBABILITIES))
                    .readTimeout(Duration.ofMillis(Math.round(timeoutSeconds() * 1000)));
            if (retries != null) {
                if (retries < 0 || retries > 100) {
                    throw new IllegalArgumentException("--retries " + retries + " is out of range: give 0 to 100");
                }
                b.maxRetries(retries);
            }
            if (rate != null) {
                if (!(rate > 0) || !Double.isFinite(rate)) {
                    throw new IllegalArgumentException("--rate " + rate + " is not a rate: give requests per second "
                            + "above 0, such as --rate 20, or leave --rate out for no limit");
                }
                b.maxRequestsPerSecond(rate);
            }
            if (budget != null) {
                if (budget < 1) {
                    throw new IllegalArgumentException("--budget " + budget + " allows no query: give at least the "
                            + "fingerprint's number of queries");
                }
                b.queryBudget(budget);
            }
            headers.forEach(b::header);
            return b.build();
        }
        refuseHttpOptions(location);
        Path file = Path.of(location);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no model file at " + location
                    + ": give a DL4J .zip, an .onnx file or an http(s):// URL");
        }
        String name = file.getFileName().toString();
        if (name.toLowerCase(Locale.ROOT).endsWith(".onnx")) {
            OnnxModel.Builder b = OnnxModel.builder(file).preprocessing(Preprocessing.of(scale, mean, std, layout));
            if (onnxProvider != null) {
                b.executionProvider(ExecutionProvider.named(onnxProvider));
            }
            if (outputKind != null) {
                b.outputKind(kind(null));
            }
            if (shape != null) {
                b.inputShape(imageShape());
            }
            try {
                return b.build();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(commandLineAdvice(e.getMessage()), e);
            }
        }
        return dl4j(file, name);
    }

    private double timeoutSeconds() {
        if (timeoutSeconds == null) {
            return 60;
        }
        if (!(timeoutSeconds > 0) || timeoutSeconds > MAX_TIMEOUT_SECONDS) {
            throw new IllegalArgumentException("--timeout " + timeoutSeconds + " is out of range: give seconds above 0 "
                    + "and at most " + MAX_TIMEOUT_SECONDS + " (a day), such as --timeout 60");
        }
        return timeoutSeconds;
    }

    // a model file answers locally: options that only limit an HTTP API would be silently ignored
    private void refuseHttpOptions(String location) {
        List<String> given = new ArrayList<>();
        if (budget != null) {
            given.add("--budget");
        }
        if (rate != null) {
            given.add("--rate");
        }
        if (timeoutSeconds != null) {
            given.add("--timeout");
        }
        if (retries != null) {
            given.add("--retries");
        }
        if (!headers.isEmpty()) {
            given.add("--header");
        }
        if (!given.isEmpty()) {
            throw new IllegalArgumentException(String.join(", ", given) + (given.size() == 1 ? " applies" : " apply")
                    + " to http(s):// suspects only, and " + location + " is a model file, answered on this machine "
                    + "without limits: leave " + (given.size() == 1 ? "it" : "them") + " out");
        }
    }

    /** Turns the library's Java advice in a model-loading message into the command line's options. */
    static String commandLineAdvice(String message) {
        if (message == null) {
            return "cannot open the model";
        }
        return message
                .replace("declare their shape with inputShape(new ImageShape(channels, height, width))",
                        "give their shape with --shape CxHxW, such as --shape 1x28x28")
                .replace("declare the shape with inputShape(new ImageShape(channels, height, width))",
                        "give the shape with --shape CxHxW, such as --shape 1x28x28")
                .replace("fix the declared shape or the layout", "fix --shape or --layout");
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
