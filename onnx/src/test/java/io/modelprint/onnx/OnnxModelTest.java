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
package io.modelprint.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelprint.ImageBatch;
import io.modelprint.ImageShape;
import io.modelprint.OutputKind;
import io.modelprint.Predictions;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Outputs of the ONNX files in the test resources against PyTorch's (see make_test_models.py). */
class OnnxModelTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(OnnxModelTest.class.getResource(name).toURI());
    }

    private static JsonNode expected(String model) throws Exception {
        try (InputStream in = OnnxModelTest.class.getResourceAsStream("expected.json")) {
            return JSON.readTree(in).get(model);
        }
    }

    private static ImageBatch images(JsonNode e) {
        JsonNode s = e.get("shape");
        ImageShape shape = new ImageShape(s.get(0).asInt(), s.get(1).asInt(), s.get(2).asInt());
        JsonNode rows = e.get("images");
        float[] px = new float[rows.size() * shape.size()];
        for (int n = 0; n < rows.size(); n++) {
            for (int k = 0; k < shape.size(); k++) {
                px[n * shape.size() + k] = (float) rows.get(n).get(k).doubleValue();
            }
        }
        return ImageBatch.of(shape, px);
    }

    private static float[] outputs(JsonNode e) {
        JsonNode rows = e.get("outputs");
        int c = rows.get(0).size();
        float[] out = new float[rows.size() * c];
        for (int n = 0; n < rows.size(); n++) {
            for (int k = 0; k < c; k++) {
                out[n * c + k] = (float) rows.get(n).get(k).doubleValue();
            }
        }
        return out;
    }

    @Test
    void aPyTorchCnnGivesPyTorchsLogits() throws Exception {
        JsonNode e = expected("cnn-logits-nchw.onnx");
        try (OnnxModel m = OnnxModel.load(resource("cnn-logits-nchw.onnx"))) {
            assertEquals("image", m.inputName());
            assertEquals("logits", m.outputName());
            assertEquals(new ImageShape(1, 28, 28), m.inputShape());
            assertEquals(10, m.numClasses());
            assertEquals(OutputKind.LOGITS, m.outputKind(), "found by probing");
            Predictions p = m.predict(images(e));
            assertArrayEquals(outputs(e), p.scores().data(), 1e-5f);
            assertEquals(5, m.queryCount(), "probe images are not queries");
        }
    }

    @Test
    void declaredPreprocessingAndNhwcLayoutReproducePyTorch() throws Exception {
        JsonNode e = expected("mlp-probs-nhwc.onnx");
        Preprocessing pre = Preprocessing.of(255, new double[] {120, 110, 100}, new double[] {60, 50, 40},
                Preprocessing.Layout.NHWC);
        try (OnnxModel m = OnnxModel.builder(resource("mlp-probs-nhwc.onnx")).preprocessing(pre).name("mlp").build()) {
            assertEquals(new ImageShape(3, 6, 6), m.inputShape());
            assertEquals(5, m.numClasses());
            assertEquals(OutputKind.PROBABILITIES, m.outputKind(), "a softmax output is found by probing");
            assertEquals(1, m.batchSize(), "the file fixes the batch at 1");
            Predictions p = m.predict(images(e));
            assertArrayEquals(outputs(e), p.scores().data(), 1e-5f);
            assertEquals(4, m.queryCount());
        }
        // the same file read without its preprocessing answers something else: the declaration matters
        try (OnnxModel wrong = OnnxModel.builder(resource("mlp-probs-nhwc.onnx"))
                .preprocessing(Preprocessing.none().withLayout(Preprocessing.Layout.NHWC)).build()) {
            float[] got = wrong.predict(images(e)).scores().data();
            float diff = 0;
            for (int i = 0; i < got.length; i++) {
                diff = Math.max(diff, Math.abs(got[i] - outputs(e)[i]));
            }
            assertTrue(diff > 1e-3, "max difference " + diff);
        }
    }

    @Test
    void aDeclaredKindOverridesTheProbeAndLabelsAreTopOne() throws Exception {
        JsonNode e = expected("cnn-logits-nchw.onnx");
        try (OnnxModel logits = OnnxModel.load(resource("cnn-logits-nchw.onnx"));
             OnnxModel labels = OnnxModel.builder(resource("cnn-logits-nchw.onnx")).outputKind(OutputKind.LABELS)
                     .build()) {
            assertArrayEquals(logits.predict(images(e)).labels(), labels.predict(images(e)).labels());
            assertEquals(OutputKind.LABELS, labels.outputKind());
        }
    }

    @Test
    void aWrongLayoutOrShapeIsNamed() throws Exception {
        IllegalArgumentException layout = assertThrows(IllegalArgumentException.class,
                () -> OnnxModel.builder(resource("mlp-probs-nhwc.onnx")).inputShape(new ImageShape(3, 6, 6)).build());
        assertTrue(layout.getMessage().contains("read as NCHW takes images of 6x6x3 but 3x6x6 was declared"),
                layout.getMessage());
        IllegalArgumentException channels = assertThrows(IllegalArgumentException.class,
                () -> OnnxModel.builder(resource("cnn-logits-nchw.onnx")).preprocessing(Preprocessing.of(1,
                        new double[] {0, 0, 0}, new double[] {1}, Preprocessing.Layout.NCHW)).build());
        assertTrue(channels.getMessage().contains("3 mean and 1 std values but the model takes 1 channels"),
                channels.getMessage());
        try (OnnxModel m = OnnxModel.load(resource("cnn-logits-nchw.onnx"))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> m.predict(ImageBatch.of(new ImageShape(1, 8, 8), new float[64])));
            assertTrue(e.getMessage().contains("1x28x28"), e.getMessage());
        }
    }

    @Test
    void aFileThatIsNotOnnxIsNamed(@TempDir Path dir) throws Exception {
        Path junk = Files.writeString(dir.resolve("model.onnx"), "not a model");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OnnxModel.load(junk));
        assertTrue(e.getMessage().contains("cannot load " + junk), e.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> OnnxModel.load(dir.resolve("absent.onnx")));
        assertTrue(missing.getMessage().contains("no ONNX file at"), missing.getMessage());
    }

    @Test
    void preprocessingChecksItsValues() {
        assertThrows(IllegalArgumentException.class, () -> Preprocessing.of(1, new double[] {0}, new double[] {0},
                Preprocessing.Layout.NCHW));
        assertThrows(IllegalArgumentException.class, () -> Preprocessing.of(0, new double[] {0}, new double[] {1},
                Preprocessing.Layout.NCHW));
        float[] nhwc = Preprocessing.of(2, new double[] {1, 0}, new double[] {1, 2}, Preprocessing.Layout.NHWC)
                .apply(new float[] {0.5f, 1f, 0.25f, 0.75f}, 1, 2, 1, 2);
        // channel 0: (2x - 1) / 1 = {0, 1}; channel 1: (2x - 0) / 2 = {0.25, 0.75}; interleaved per pixel
        assertArrayEquals(new float[] {0f, 0.25f, 1f, 0.75f}, nhwc);
    }

    @Test
    void cudaFallsBackToTheCpuWithTheSameAnswersWhereItCannotRun() throws Exception {
        JsonNode e = expected("cnn-logits-nchw.onnx");
        try (OnnxModel cpu = OnnxModel.load(resource("cnn-logits-nchw.onnx"));
             OnnxModel asked = OnnxModel.builder(resource("cnn-logits-nchw.onnx"))
                     .executionProvider(ExecutionProvider.CUDA).build()) {
            assertEquals(ExecutionProvider.CPU, cpu.executionProvider());
            // the CPU artifact of ONNX Runtime has no CUDA provider; with onnxruntime_gpu and a GPU it is CUDA
            if (asked.executionProvider() == ExecutionProvider.CPU) {
                assertArrayEquals(cpu.predict(images(e)).scores().data(), asked.predict(images(e)).scores().data());
            } else {
                assertArrayEquals(outputs(e), asked.predict(images(e)).scores().data(), 1e-4f);
            }
        }
        assertEquals(ExecutionProvider.CUDA, ExecutionProvider.named(" Cuda "));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> ExecutionProvider.named("tpu"));
        assertTrue(bad.getMessage().contains("give cpu or cuda"), bad.getMessage());
    }
}
