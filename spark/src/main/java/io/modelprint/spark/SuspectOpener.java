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
package io.modelprint.spark;

import io.modelprint.ImageShape;
import io.modelprint.Model;
import io.modelprint.OutputKind;
import io.modelprint.http.HttpModel;
import io.modelprint.http.JsonContract;
import io.modelprint.onnx.OnnxModel;
import io.modelprint.onnx.Preprocessing;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/**
 * Opens the model a {@link SuspectSpec} names, the same way on an executor and in a single JVM,
 * so that a Spark verdict and a {@code FingerprintVerifier.verify} verdict see the same model.
 *
 * <pre>{@code
 * try (SuspectOpener.Opened o = SuspectOpener.open(spec, 10, OptionalLong.empty())) {
 *     Verdict v = verifier.verify(fingerprint, o.model());
 * }
 * }</pre>
 */
public final class SuspectOpener {

    private static final Set<String> COMMON = Set.of("shape", "output");
    private static final Set<String> ONNX = Set.of("scale", "mean", "std", "layout", "threads");
    private static final Set<String> HTTP = Set.of("budget", "rate", "timeout", "overall-timeout", "retries", "batch",
            "classes", "contract");

    private SuspectOpener() {
    }

    /**
     * An opened suspect: the model and whatever must be released with it (an ONNX Runtime session,
     * a local copy of a remote file).
     *
     * <pre>{@code
     * try (SuspectOpener.Opened o = SuspectOpener.open(spec, 10, OptionalLong.empty())) { o.model().predict(batch); }
     * }</pre>
     *
     * @param model     the suspect
     * @param localCopy a temporary copy of a remote file to delete on close, or null
     */
    public record Opened(Model model, Path localCopy) implements AutoCloseable {
        @Override
        public void close() {
            RuntimeException failure = null;
            if (model instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception e) {
                    failure = new IllegalStateException("closing suspect " + model.name() + " failed: " + e.getMessage(), e);
                }
            }
            if (localCopy != null) {
                try {
                    Files.deleteIfExists(localCopy);
                } catch (IOException e) {
                    UncheckedIOException u = new UncheckedIOException("cannot delete the local copy " + localCopy, e);
                    if (failure == null) {
                        failure = u;
                    } else {
                        failure.addSuppressed(u);
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
        }
    }

    /**
     * Opens {@code spec}.
     *
     * @param spec        the suspect
     * @param classes     the class count an HTTP suspect answers unless its {@code classes} option says otherwise
     * @param httpBudget  for an HTTP suspect, the budget this attempt may spend (from the
     *                    {@link QueryLedger}), replacing its {@code budget} option; empty to use the option
     * @throws IllegalArgumentException if an option is unknown or malformed, or the file is not there,
     *                                  naming the suspect, the option and the fix
     */
    public static Opened open(SuspectSpec spec, int classes, OptionalLong httpBudget) {
        checkOptions(spec);
        return switch (spec.kind()) {
            case ONNX -> onnx(spec);
            case DL4J -> dl4j(spec);
            case HTTP -> new Opened(http(spec, classes, httpBudget), null);
        };
    }

    private static void checkOptions(SuspectSpec spec) {
        for (String key : spec.options().keySet()) {
            boolean known = COMMON.contains(key) || switch (spec.kind()) {
                case ONNX -> ONNX.contains(key);
                case HTTP -> HTTP.contains(key) || (key.startsWith("header.") && key.length() > "header.".length());
                case DL4J -> false;
            };
            if (!known) {
                throw new IllegalArgumentException("suspect " + spec.suspect() + ": option '" + key + "' is not one a "
                        + spec.kind() + " suspect takes; it takes " + allowed(spec.kind()));
            }
        }
    }

    private static String allowed(SuspectSpec.Kind kind) {
        return switch (kind) {
            case ONNX -> "shape, output, scale, mean, std, layout, threads";
            case DL4J -> "shape, output";
            case HTTP -> "shape, output, budget, rate, timeout, overall-timeout, retries, batch, classes, contract, header.NAME";
        };
    }

    private static Opened onnx(SuspectSpec spec) {
        Path copy = null;
        Path file = localFile(spec);
        if (!file.toString().equals(spec.location()) && !spec.location().startsWith("file:")) {
            copy = file;
        }
        try {
            Map<String, String> o = spec.options();
            OnnxModel.Builder b = OnnxModel.builder(file).name(spec.suspect())
                    .threads(intOption(spec, "threads", 1));
            if (o.containsKey("scale") || o.containsKey("mean") || o.containsKey("std") || o.containsKey("layout")) {
                b.preprocessing(Preprocessing.of(doubleOption(spec, "scale", 1), doubles(spec, "mean", 0),
                        doubles(spec, "std", 1), layout(spec)));
            }
            if (o.containsKey("shape")) {
                b.inputShape(shape(spec));
            }
            if (o.containsKey("output")) {
                b.outputKind(outputKind(spec, null));
            }
            return new Opened(b.build(), copy);
        } catch (RuntimeException e) {
            deleteQuietly(copy, e);
            throw e;
        }
    }

    private static Opened dl4j(SuspectSpec spec) {
        Path file = localFile(spec);
        Path copy = file.toString().equals(spec.location()) || spec.location().startsWith("file:") ? null : file;
        try {
            return new Opened(Dl4jSuspects.open(spec.suspect(), file, shapeOr(spec, new ImageShape(1, 28, 28)),
                    outputKind(spec, OutputKind.LOGITS)), copy);
        } catch (NoClassDefFoundError e) {
            deleteQuietly(copy, null);
            throw new IllegalArgumentException("suspect " + spec.suspect() + " is a DL4J model, but DL4J is not on the "
                    + "class path: add io.modelprint:modelprint-nd4j to the job (it is an optional dependency of "
                    + "modelprint-spark)", e);
        } catch (RuntimeException e) {
            deleteQuietly(copy, e);
            throw e;
        }
    }

    private static Model http(SuspectSpec spec, int classes, OptionalLong grant) {
        URI uri;
        try {
            uri = URI.create(spec.location());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("suspect " + spec.suspect() + ": " + spec.location()
                    + " is not a valid URL: " + e.getMessage(), e);
        }
        HttpModel.Builder b = HttpModel.builder(uri).name(spec.suspect()).inputShape(shapeOr(spec, new ImageShape(1, 28, 28)))
                .numClasses(intOption(spec, "classes", classes)).outputKind(outputKind(spec, OutputKind.PROBABILITIES))
                .maxRetries(intOption(spec, "retries", 3)).contract(contract(spec));
        Map<String, String> o = spec.options();
        if (o.containsKey("rate")) {
            b.maxRequestsPerSecond(doubleOption(spec, "rate", 0));
        }
        if (o.containsKey("timeout")) {
            b.readTimeout(seconds(spec, "timeout"));
        }
        if (o.containsKey("overall-timeout")) {
            b.overallTimeout(seconds(spec, "overall-timeout"));
        }
        if (o.containsKey("batch")) {
            b.batchSize(intOption(spec, "batch", HttpModel.DEFAULT_REQUEST_BATCH));
        }
        OptionalLong budget = grant.isPresent() ? grant : budgetOption(spec);
        // a grant of 0 (everything spent by earlier attempts) still opens, so cached answers serve and the rest fail
        budget.ifPresent(n -> b.queryBudget(Math.max(1, n)));
        o.forEach((k, v) -> {
            if (k.startsWith("header.")) {
                b.header(k.substring("header.".length()), v);
            }
        });
        return b.build();
    }

    /** The {@code budget} option of an HTTP suspect, empty when it has none. */
    static OptionalLong budgetOption(SuspectSpec spec) {
        if (!spec.options().containsKey("budget")) {
            return OptionalLong.empty();
        }
        long n = longOption(spec, "budget");
        if (n < 1) {
            throw new IllegalArgumentException("suspect " + spec.suspect() + ": budget " + n
                    + " allows no query; give at least 1 image, or no budget for none");
        }
        return OptionalLong.of(n);
    }

    /** The {@code retries} option of an HTTP suspect (default 3). */
    static int retries(SuspectSpec spec) {
        return intOption(spec, "retries", 3);
    }

    /** The {@code rate} option of an HTTP suspect in requests per second, 0 for none. */
    static double rate(SuspectSpec spec) {
        return doubleOption(spec, "rate", 0);
    }

    private static JsonContract contract(SuspectSpec spec) {
        String name = spec.options().getOrDefault("contract", "standard");
        if (name.equals("standard")) {
            return JsonContract.STANDARD;
        }
        try {
            Class<?> c = Class.forName(name, true, Thread.currentThread().getContextClassLoader());
            if (!JsonContract.class.isAssignableFrom(c)) {
                throw new IllegalArgumentException("suspect " + spec.suspect() + ": contract class " + name
                        + " does not implement io.modelprint.http.JsonContract");
            }
            return (JsonContract) c.getConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("suspect " + spec.suspect() + ": no contract class " + name
                    + " on the class path; give 'standard' or ship the class with the job", e);
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalArgumentException("suspect " + spec.suspect() + ": contract class " + name
                    + " needs a public no-argument constructor: " + e, e);
        }
    }

    /** A local path for the suspect's file: the path itself, or a temporary copy of a remote URI. */
    private static Path localFile(SuspectSpec spec) {
        String loc = spec.location();
        URI uri = null;
        try {
            uri = URI.create(loc);
        } catch (IllegalArgumentException notAUri) {
            // a plain path with characters a URI does not allow
        }
        if (uri == null || uri.getScheme() == null || uri.getScheme().length() == 1) {
            return existing(spec, Path.of(loc));
        }
        if (uri.getScheme().equals("file")) {
            return existing(spec, Path.of(uri));
        }
        try {
            org.apache.hadoop.fs.Path remote = new org.apache.hadoop.fs.Path(uri);
            FileSystem fs = remote.getFileSystem(new Configuration());
            String name = remote.getName();
            Path copy = Files.createTempFile("modelprint-suspect-", name.substring(Math.max(0, name.lastIndexOf('.'))));
            try (InputStream in = fs.open(remote)) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(copy);
                throw e;
            }
            return copy;
        } catch (IOException e) {
            throw new IllegalArgumentException("suspect " + spec.suspect() + ": cannot read " + loc + ": " + e, e);
        }
    }

    private static Path existing(SuspectSpec spec, Path p) {
        if (!Files.isRegularFile(p)) {
            throw new IllegalArgumentException("suspect " + spec.suspect() + ": no model file at " + p
                    + " (as seen from this executor): give a path every executor can read, or a URI such as hdfs://...");
        }
        return p;
    }

    private static void deleteQuietly(Path p, RuntimeException cause) {
        if (p == null) {
            return;
        }
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            if (cause != null) {
                cause.addSuppressed(e);
            }
        }
    }

    private static ImageShape shape(SuspectSpec spec) {
        String v = spec.options().get("shape");
        String[] p = v.toLowerCase(Locale.ROOT).split("x");
        try {
            if (p.length != 3) {
                throw new NumberFormatException();
            }
            return new ImageShape(Integer.parseInt(p[0].trim()), Integer.parseInt(p[1].trim()), Integer.parseInt(p[2].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("suspect " + spec.suspect() + ": shape '" + v
                    + "' is not CxHxW, such as 1x28x28 or 3x32x32", e);
        }
    }

    private static ImageShape shapeOr(SuspectSpec spec, ImageShape fallback) {
        return spec.options().containsKey("shape") ? shape(spec) : fallback;
    }

    private static OutputKind outputKind(SuspectSpec spec, OutputKind fallback) {
        String v = spec.options().get("output");
        if (v == null) {
            return fallback;
        }
        try {
            return OutputKind.valueOf(v.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("suspect " + spec.suspect() + ": output '" + v
                    + "' is not logits, probabilities or labels", e);
        }
    }

    private static Preprocessing.Layout layout(SuspectSpec spec) {
        String v = spec.options().getOrDefault("layout", "NCHW");
        try {
            return Preprocessing.Layout.valueOf(v.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("suspect " + spec.suspect() + ": layout '" + v + "' is not NCHW or NHWC", e);
        }
    }

    private static Duration seconds(SuspectSpec spec, String key) {
        double s = doubleOption(spec, key, 0);
        if (!(s > 0) || Double.isInfinite(s)) {
            throw new IllegalArgumentException("suspect " + spec.suspect() + ": " + key + " must be a positive number of "
                    + "seconds, got " + spec.options().get(key));
        }
        return Duration.ofNanos((long) (s * 1e9));
    }

    private static int intOption(SuspectSpec spec, String key, int fallback) {
        long v = spec.options().containsKey(key) ? longOption(spec, key) : fallback;
        if (v < 0 || v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("suspect " + spec.suspect() + ": " + key + " must be between 0 and "
                    + Integer.MAX_VALUE + ", got " + v);
        }
        return (int) v;
    }

    private static long longOption(SuspectSpec spec, String key) {
        String v = spec.options().get(key);
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("suspect " + spec.suspect() + ": " + key + " '" + v
                    + "' is not a whole number", e);
        }
    }

    private static double doubleOption(SuspectSpec spec, String key, double fallback) {
        String v = spec.options().get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("suspect " + spec.suspect() + ": " + key + " '" + v + "' is not a number", e);
        }
    }

    private static double[] doubles(SuspectSpec spec, String key, double fallback) {
        String v = spec.options().get(key);
        if (v == null) {
            return new double[] {fallback};
        }
        String[] parts = v.split(",");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("suspect " + spec.suspect() + ": " + key + " '" + v
                        + "' is not a comma-separated list of numbers", e);
            }
        }
        return out;
    }
}
