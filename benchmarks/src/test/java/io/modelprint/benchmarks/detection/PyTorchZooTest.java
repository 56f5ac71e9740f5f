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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelprint.LabeledImages;
import io.modelprint.OutputKind;
import io.modelprint.ProgressListener;
import io.modelprint.data.FashionMnist;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PyTorch zoo's manifest reader and the ONNX check, on the tiny zoo that
 * {@code benchmarks/pytorch/make_test_zoo.py} made (three softmax regressions in zoo.py's format).
 */
class PyTorchZooTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path committed;
    private static LabeledImages test;

    @BeforeAll
    static void find() throws URISyntaxException {
        committed = Path.of(PyTorchZooTest.class.getResource("/pytorch-zoo/manifest.json").toURI()).getParent();
        test = FashionMnist.load().test();
    }

    @Test
    void theManifestGivesEveryModelItsRoleFamilyOutputAndRecordedLabels() {
        List<PyTorchZoo.Entry> entries = PyTorchZoo.read(committed);
        assertEquals(3, entries.size());
        PyTorchZoo.Entry victim = entries.get(0);
        assertEquals("dev/v-tiny/victim", victim.name());
        assertEquals(Role.VICTIM, victim.role());
        assertEquals("v-tiny", victim.victim());
        assertNull(victim.family());
        assertEquals(OutputKind.LOGITS, victim.output());
        assertEquals(1.0, victim.fidelity().get("v-tiny"));
        PyTorchZoo.Entry copy = entries.get(1);
        assertEquals(Role.STOLEN, copy.role());
        assertEquals("fine-tune-all", copy.family(), "zoo.py's finetune-all in the benchmark's spelling");
        assertEquals(OutputKind.PROBABILITIES, copy.output());
        assertEquals("adam", copy.recipe().get("optimizer"));
        PyTorchZoo.Entry independent = entries.get(2);
        assertEquals(Role.INDEPENDENT, independent.role());
        assertNull(independent.victim(), "a shared negative belongs to no victim");
        assertEquals(10_000, independent.testPredictions().length);
        assertTrue(independent.fidelity().get("v-tiny") < 1.0);
    }

    @Test
    void loadingChecksEveryFileAgainstItsRecordedLabelsAsAUserLoadsIt() {
        try (BenchmarkZoo zoo = PyTorchZoo.load(committed, test, ProgressListener.NONE)) {
            assertEquals(Framework.PYTORCH, zoo.framework());
            assertEquals(1, zoo.victims().size());
            BenchmarkMember v = zoo.victims().get(0);
            List<BenchmarkMember> suspects = zoo.suspectsOf(v);
            assertEquals(List.of("dev/v-tiny/finetune-all-adam", "dev/negatives/independent-softmax-regression"),
                    suspects.stream().map(BenchmarkMember::name).toList());
            assertEquals(OutputKind.PROBABILITIES, suspects.get(0).model().outputKind(), "found by probing the file");
            assertEquals(OutputKind.LOGITS, v.model().outputKind());
            assertEquals("pytorch/dev/v-tiny", v.victimKey());
            // the loaded file gives the accuracy the zoo recorded
            int[] labels = v.model().predict(test.images()).labels();
            int right = 0;
            for (int i = 0; i < labels.length; i++) {
                right += labels[i] == test.labels()[i] ? 1 : 0;
            }
            assertEquals(v.accuracy(), right / 10_000.0, 1e-4);
        }
    }

    @Test
    void aFileThatDoesNotReproduceItsRecordedLabelsFailsNamingIt(@TempDir Path dir) throws IOException {
        copy(dir);
        Path record = dir.resolve("dev/v-tiny/finetune-all-adam.json");
        ObjectNode meta = (ObjectNode) JSON.readTree(record.toFile());
        ArrayNode labels = (ArrayNode) meta.get("test_predictions");
        for (int i = 0; i < 20; i++) {
            labels.set(i * 7, (labels.get(i * 7).asInt() + 1) % 10);
        }
        JSON.writeValue(record.toFile(), meta);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> PyTorchZoo.load(dir, test,
                ProgressListener.NONE));
        assertTrue(e.getMessage().contains("finetune-all-adam.onnx") && e.getMessage().contains("reproduces 99.")
                && e.getMessage().contains("at least 99.9% needed"), e.getMessage());
    }

    @Test
    void aFileThatAnswersOtherwiseThanTheManifestSaysFails(@TempDir Path dir) throws IOException {
        copy(dir);
        editManifest(dir, models -> ((ObjectNode) models.get(1)).put("output", "logits"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> PyTorchZoo.load(dir, test,
                ProgressListener.NONE));
        assertTrue(e.getMessage().contains("answers probabilities but the manifest says logits"), e.getMessage());
    }

    @Test
    void badManifestsFailSayingWhatIsWrong(@TempDir Path dir) throws IOException {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> PyTorchZoo.read(dir));
        assertTrue(missing.getMessage().contains("manifest.json is missing") && missing.getMessage().contains("zoo.py"),
                missing.getMessage());
        copy(dir);
        editManifest(dir, models -> ((ObjectNode) models.get(2)).put("role", "cousin"));
        IllegalArgumentException role = assertThrows(IllegalArgumentException.class, () -> PyTorchZoo.read(dir));
        assertTrue(role.getMessage().contains("unknown role 'cousin'"), role.getMessage());
        copy(dir);
        ObjectNode doc = (ObjectNode) JSON.readTree(dir.resolve("manifest.json").toFile());
        doc.put("version", 2);
        JSON.writeValue(dir.resolve("manifest.json").toFile(), doc);
        IllegalArgumentException version = assertThrows(IllegalArgumentException.class, () -> PyTorchZoo.read(dir));
        assertTrue(version.getMessage().contains("version 2"), version.getMessage());
        copy(dir);
        Files.delete(dir.resolve("dev/v-tiny/victim.json"));
        IllegalArgumentException record = assertThrows(IllegalArgumentException.class, () -> PyTorchZoo.read(dir));
        assertTrue(record.getMessage().contains("victim.json") && record.getMessage().contains("missing"), record.getMessage());
    }

    @Test
    void aModelListedTwiceIsScoredOnceIfBothEntriesAgreeAndRefusedOtherwise(@TempDir Path dir) throws IOException {
        copy(dir);
        editManifest(dir, models -> models.add(models.get(2).deepCopy()));
        assertEquals(3, PyTorchZoo.read(dir).size());
        editManifest(dir, models -> ((ObjectNode) models.get(3)).put("file", "dev/v-tiny/victim.onnx"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PyTorchZoo.read(dir));
        assertTrue(e.getMessage().contains("twice with different content"), e.getMessage());
    }

    private interface Edit {
        void apply(ArrayNode models);
    }

    private static void editManifest(Path dir, Edit edit) throws IOException {
        ObjectNode doc = (ObjectNode) JSON.readTree(dir.resolve("manifest.json").toFile());
        edit.apply((ArrayNode) doc.get("models"));
        JSON.writeValue(dir.resolve("manifest.json").toFile(), doc);
    }

    private static void copy(Path to) throws IOException {
        try (Stream<Path> files = Files.walk(committed)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(committed.relativize(p).toString());
                Files.createDirectories(target.getParent());
                Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
