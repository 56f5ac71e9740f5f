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
package io.modelprint.benchmarks.detection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelprint.LabeledImages;
import io.modelprint.OutputKind;
import io.modelprint.ProgressListener;
import io.modelprint.onnx.OnnxModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PyTorch zoo that {@code benchmarks/pytorch/zoo.py} builds, read from its
 * {@code manifest.json} and loaded as a user loads a model file:
 * {@code OnnxModel.builder(path).build()}, images {@code [N, 1, 28, 28]} in [0, 1], logits or
 * probabilities found by probing. Each file is checked against the test-set labels recorded
 * beside it ({@code <name>.json}, field {@code test_predictions}): it must reproduce at least
 * {@value #MIN_AGREEMENT} of them, and answer what the manifest says it answers, or loading fails
 * naming the file.
 *
 * <pre>{@code
 * LabeledImages test = FashionMnist.load().test();
 * try (BenchmarkZoo zoo = PyTorchZoo.load(Path.of("zoo-cache/pytorch/full"), test, listener)) {
 *     ...
 * }
 * List<PyTorchZoo.Entry> entries = PyTorchZoo.read(Path.of("zoo-cache/pytorch/full"));   // no ONNX needed
 * }</pre>
 */
public final class PyTorchZoo {

    /** The manifest's {@code format}. */
    public static final String FORMAT = "modelprint-pytorch-zoo";
    /** The manifest version this reader knows. */
    public static final int VERSION = 1;
    /** The share of the recorded test-set labels an ONNX file must reproduce. */
    public static final double MIN_AGREEMENT = 0.999;

    private static final Logger LOG = LoggerFactory.getLogger(PyTorchZoo.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private PyTorchZoo() {
    }

    /**
     * One model as the manifest lists it, with the test-set labels recorded beside its file.
     *
     * <pre>{@code
     * for (PyTorchZoo.Entry e : PyTorchZoo.read(dir)) { ... e.file() ... e.testPredictions().length ... }
     * }</pre>
     *
     * @param name            unique in the zoo, such as {@code dev/v-bn/prune-50}
     * @param split           {@code dev} or {@code test}
     * @param victim          its victim's name (a victim's own), or null for a split's shared negatives
     * @param role            what it is
     * @param family          the stolen family in the benchmark's spelling ({@link StolenFamilies}), null unless stolen
     * @param file            the ONNX file
     * @param architecture    the architecture's name
     * @param recipe          the recipe's parameters, as text
     * @param queries         queries its attack sent to the victim
     * @param accuracy        accuracy on the test set of its own task
     * @param transferTask    whether its task is the corrupted one
     * @param output          what the file answers, as the manifest says: logits or probabilities
     * @param fidelity        agreement with each victim of its split, by victim name
     * @param testPredictions its labels on the 10,000 test images, as recorded when it was trained
     */
    public record Entry(String name, String split, String victim, Role role, String family, Path file,
                        String architecture, Map<String, String> recipe, long queries, double accuracy,
                        boolean transferTask, OutputKind output, Map<String, Double> fidelity, int[] testPredictions) {

        /** Copies the maps and labels. */
        public Entry {
            recipe = Map.copyOf(recipe);
            fidelity = Map.copyOf(fidelity);
            testPredictions = testPredictions.clone();
        }

        /** The recorded labels (a copy). */
        @Override
        public int[] testPredictions() {
            return testPredictions.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Entry e && e.name.equals(name) && e.file.equals(file) && e.role == role
                    && Objects.equals(e.victim, victim) && Objects.equals(e.family, family) && e.recipe.equals(recipe)
                    && java.util.Arrays.equals(e.testPredictions, testPredictions);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, file, role);
        }
    }

    /**
     * Reads the manifest of the zoo in {@code dir} and the record beside each model.
     *
     * @throws IllegalArgumentException naming the file and what is wrong: no manifest (with the
     *                                  command that builds one), another format or version, a missing
     *                                  field, file or record, an unknown role, a name listed twice with
     *                                  different content
     */
    public static List<Entry> read(Path dir) {
        Path manifest = dir.resolve("manifest.json");
        if (!Files.isRegularFile(manifest)) {
            throw new IllegalArgumentException("no PyTorch zoo at " + dir + ": " + manifest + " is missing (while zoo.py "
                    + "builds, only finished models are there); build it with /usr/bin/python3 benchmarks/pytorch/zoo.py "
                    + "full --out " + dir);
        }
        JsonNode doc = readJson(manifest);
        String format = doc.path("format").asText("");
        if (!FORMAT.equals(format)) {
            throw new IllegalArgumentException(manifest + " is not a PyTorch zoo manifest: format '" + format
                    + "', expected '" + FORMAT + "'");
        }
        int version = doc.path("version").asInt(-1);
        if (version != VERSION) {
            throw new IllegalArgumentException(manifest + " has version " + version + " but this reader knows version "
                    + VERSION + ": rebuild the zoo with this checkout's benchmarks/pytorch/zoo.py or update the reader");
        }
        JsonNode models = doc.path("models");
        if (!models.isArray() || models.isEmpty()) {
            throw new IllegalArgumentException(manifest + " lists no models");
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (JsonNode m : models) {
            Entry e = entry(dir, manifest, m);
            Entry previous = entries.putIfAbsent(e.name(), e);
            if (previous != null) {
                if (!previous.equals(e)) {
                    throw new IllegalArgumentException(manifest + " lists " + e.name() + " twice with different content");
                }
                LOG.warn("{} lists {} twice (identical entries): scored once", manifest, e.name());
            }
        }
        return List.copyOf(entries.values());
    }

    private static Entry entry(Path dir, Path manifest, JsonNode m) {
        String name = text(m, "name", manifest, "a model");
        String where = manifest + ", model " + name;
        Role role;
        try {
            role = Role.parse(text(m, "role", manifest, name));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
        String family = m.path("family").isTextual() ? StolenFamilies.ofPyTorch(m.get("family").asText()) : null;
        if ((role == Role.STOLEN) != (family != null)) {
            throw new IllegalArgumentException(where + ": role " + role.label() + " with family " + family
                    + " (a stolen model has a family, and only a stolen one)");
        }
        if (family != null && !StolenFamilies.known(family)) {
            LOG.warn("{}: family {} is not one of the seven; it is reported under its own name", where, family);
        }
        String victim = m.path("victim").isTextual() ? m.get("victim").asText() : null;
        Path file = dir.resolve(text(m, "file", manifest, name));
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(where + ": its ONNX file " + file + " is missing");
        }
        Map<String, String> recipe = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = m.path("recipe").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            recipe.put(f.getKey(), f.getValue().isValueNode() ? f.getValue().asText() : f.getValue().toString());
        }
        Map<String, Double> fidelity = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = m.path("fidelity").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            fidelity.put(f.getKey(), f.getValue().asDouble());
        }
        boolean corrupted = "corrupted".equals(m.path("task").asText("clean"));
        double accuracy = corrupted ? number(m, "accuracy_corrupted", where) : number(m, "accuracy", where);
        String output = text(m, "output", manifest, name);
        OutputKind kind = switch (output) {
            case "logits" -> OutputKind.LOGITS;
            case "probabilities" -> OutputKind.PROBABILITIES;
            default -> throw new IllegalArgumentException(where + ": output '" + output + "', expected logits or probabilities");
        };
        Path record = dir.resolve(name + ".json");
        if (!Files.isRegularFile(record)) {
            throw new IllegalArgumentException(where + ": the record beside its file, " + record + ", is missing");
        }
        JsonNode labels = readJson(record).path("test_predictions");
        if (!labels.isArray() || labels.isEmpty()) {
            throw new IllegalArgumentException(record + " has no test_predictions: the benchmark checks every ONNX file "
                    + "against the labels recorded when it was trained; rebuild it with benchmarks/pytorch/zoo.py");
        }
        int[] predictions = new int[labels.size()];
        for (int i = 0; i < predictions.length; i++) {
            predictions[i] = labels.get(i).asInt();
        }
        return new Entry(name, text(m, "split", manifest, name), victim, role, family, file,
                m.path("architecture").asText("?"), recipe, m.path("queries").asLong(0), accuracy, corrupted, kind,
                fidelity, predictions);
    }

    /**
     * Reads the zoo in {@code dir} and loads every model with {@code OnnxModel.builder(file).build()},
     * checking each against its recorded test-set labels on {@code test}.
     *
     * @param test the Fashion-MNIST test set, in order (the labels were recorded on it)
     * @throws IllegalArgumentException as {@link #read} does
     * @throws IllegalStateException    naming the file when an ONNX file reproduces fewer than
     *                                  {@value #MIN_AGREEMENT} of its recorded labels or answers
     *                                  another output kind than the manifest says
     */
    public static BenchmarkZoo load(Path dir, LabeledImages test, ProgressListener progress) {
        List<Entry> entries = read(dir);
        List<OnnxModel> opened = new ArrayList<>();
        List<BenchmarkMember> members = new ArrayList<>();
        try {
            for (int i = 0; i < entries.size(); i++) {
                Entry e = entries.get(i);
                progress.onProgress("loading and checking the PyTorch zoo", i, entries.size());
                OnnxModel model = OnnxModel.builder(e.file()).build();
                opened.add(model);
                check(e, model, test);
                members.add(new BenchmarkMember(Framework.PYTORCH, e.split(), e.victim(), e.name(), e.role(), e.family(),
                        e.architecture(), e.recipe(), e.queries(), e.accuracy(), e.transferTask(), e.fidelity(), model));
            }
            progress.onProgress("loading and checking the PyTorch zoo", entries.size(), entries.size());
            return new BenchmarkZoo("pytorch:" + dir, Framework.PYTORCH, members, test,
                    () -> opened.forEach(OnnxModel::close));
        } catch (RuntimeException ex) {
            opened.forEach(OnnxModel::close);
            throw ex;
        }
    }

    /** Fails naming the file unless {@code model} answers what {@code e} says and reproduces its labels. */
    static void check(Entry e, OnnxModel model, LabeledImages test) {
        if (model.outputKind() != e.output()) {
            throw new IllegalStateException("ONNX file " + e.file() + " answers " + kind(model.outputKind())
                    + " but the manifest says " + kind(e.output()) + ": the file is not the model the zoo recorded");
        }
        int[] expected = e.testPredictions();
        if (expected.length != test.size()) {
            throw new IllegalStateException(e.file() + ": " + expected.length + " test-set labels are recorded but the test "
                    + "set has " + test.size() + " images: score the zoo on the whole Fashion-MNIST test set");
        }
        int[] got = model.predict(test.images()).labels();
        int same = 0;
        for (int i = 0; i < got.length; i++) {
            if (got[i] == expected[i]) {
                same++;
            }
        }
        double share = (double) same / got.length;
        if (share < MIN_AGREEMENT) {
            throw new IllegalStateException(String.format(Locale.ROOT, "ONNX file %s reproduces %.2f%% of the %d test-set "
                    + "labels recorded in %s.json (at least %.1f%% needed): the exported graph differs from the trained "
                    + "model; rebuild it with benchmarks/pytorch/zoo.py", e.file(), 100 * share, got.length, e.name(),
                    100 * MIN_AGREEMENT));
        }
        LOG.debug("{} reproduces {} of {} recorded labels", e.file(), same, got.length);
    }

    private static String kind(OutputKind k) {
        return k.name().toLowerCase(Locale.ROOT);
    }

    private static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + " as JSON: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode m, String field, Path manifest, String model) {
        JsonNode v = m.get(field);
        if (v == null || !v.isTextual() || v.asText().isEmpty()) {
            throw new IllegalArgumentException(manifest + ", model " + model + ": field '" + field + "' is missing");
        }
        return v.asText();
    }

    private static double number(JsonNode m, String field, String where) {
        JsonNode v = m.get(field);
        if (v == null || !v.isNumber()) {
            throw new IllegalArgumentException(where + ": field '" + field + "' is missing or not a number");
        }
        return v.asDouble();
    }
}
