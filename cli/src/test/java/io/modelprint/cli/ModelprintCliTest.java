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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.FingerprintVerifier;
import io.modelprint.ImageShape;
import io.modelprint.OutputKind;
import io.modelprint.config.Parameter;
import io.modelprint.dl4j.Dl4jModel;
import io.modelprint.scheme.SchemeProvider;
import io.modelprint.scheme.Schemes;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line round trip on the model files that ship in examples/models. */
class ModelprintCliTest {

    private static final Path MODELS = Path.of(System.getProperty("maven.multiModuleProjectDirectory", ".."))
            .resolve("examples/models");

    @TempDir
    static Path dir;

    static Path fingerprint;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private static String model(String name) {
        Path p = MODELS.resolve(name);
        if (!Files.isRegularFile(p)) {
            p = Path.of("..", "examples", "models").resolve(name);   // run from the cli module
        }
        return p.toString();
    }

    @Test
    void fingerprintHelpListsEverySchemeOfTheRegistryWithItsParameters() {
        CliRun r = run("fingerprint", "--help");
        assertEquals(0, r.code(), r.err());
        String help = r.out().replaceAll("\\s+", " ");   // help text is wrapped at 80 columns
        for (SchemeProvider p : Schemes.providers().values()) {
            assertTrue(help.contains(p.name() + ": " + p.description()), p.name() + " in\n" + r.out());
            for (Parameter param : p.parameters().list()) {
                assertTrue(help.contains(param.help()), p.name() + "." + param.name() + " in\n" + r.out());
            }
        }
        assertTrue(help.contains("(default " + FingerprintVerifier.DEFAULT_SCHEME + ")"), r.out());
        assertTrue(help.contains("Fingerprint scheme: " + String.join(", ", Schemes.providers().keySet())), r.out());
    }

    @BeforeAll
    static void fingerprintTheVictim() {
        fingerprint = dir.resolve("victim.fp.json");
        CliRun r = run("fingerprint", "--no-self-calibrate", "--model", model("victim-mlp.zip"), "--scheme", "sac-m", "--data-range",
                "8000:10000", "--out", fingerprint.toString());
        assertEquals(ModelprintCli.INDEPENDENT, r.code(), r.err());
        assertTrue(r.out().contains("with sac-m: 100 queries"), r.out());
        assertTrue(Files.isRegularFile(fingerprint));
    }

    @Test
    void aFineTunedCopyIsStolenAndExitsOne() {
        CliRun r = run("verify", "--fingerprint", fingerprint.toString(), "--suspect", model("finetuned-copy.zip"));
        assertEquals(ModelprintCli.STOLEN, r.code(), r.out() + r.err());
        assertTrue(r.out().startsWith("finetuned-copy.zip: STOLEN"), r.out());
    }

    @Test
    void anIndependentOnnxModelIsNotStolenAndWithoutReferencesInconclusiveExitingThree() {
        // the fingerprint is not self-calibrated (--no-self-calibrate): a default threshold measured on other
        // victims cannot clear a suspect, so the verdict is inconclusive, and exit code 3 says so
        CliRun r = run("verify", "--fingerprint", fingerprint.toString(), "--suspect", model("independent-b.onnx"));
        assertEquals(ModelprintCli.INCONCLUSIVE, r.code(), r.out() + r.err());
        assertTrue(r.out().startsWith("independent-b.onnx: inconclusive"), r.out());
        assertTrue(r.out().contains("cannot clear a suspect"), r.out());
    }

    @Test
    void aSuspectBehindAnHttpApiIsVerified() throws Exception {
        Dl4jModel copy = Dl4jModel.of("copy", ModelSerializer.restoreMultiLayerNetwork(
                Path.of(model("finetuned-copy.zip")).toFile(), false), new ImageShape(1, 28, 28), OutputKind.LOGITS);
        try (PredictionServer server = PredictionServer.start(copy, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), true)) {
            CliRun r = run("verify", "--fingerprint", fingerprint.toString(), "--suspect", server.uri().toString(),
                    "--budget", "100");
            assertEquals(ModelprintCli.STOLEN, r.code(), r.out() + r.err());
            assertTrue(r.out().contains("compared on probabilities, 100 queries"), r.out());
            CliRun over = run("verify", "--fingerprint", fingerprint.toString(), "--suspect", server.uri().toString(),
                    "--budget", "99");
            assertEquals(ModelprintCli.ERROR, over.code());
            assertTrue(over.err().contains("query budget of 99 images"), over.err());
        }
    }

    @Test
    void errorsExitTwoWithAMessage() throws Exception {
        Path tampered = dir.resolve("tampered.fp.json");
        String text = Files.readString(fingerprint);
        Files.writeString(tampered, text.replaceFirst("\"seed\" : 3", "\"seed\" : 4"));
        CliRun t = run("verify", "--fingerprint", tampered.toString(), "--suspect", model("finetuned-copy.zip"));
        assertEquals(ModelprintCli.ERROR, t.code());
        assertTrue(t.err().contains("was altered after it was written"), t.err());

        CliRun missing = run("verify", "--fingerprint", fingerprint.toString(), "--suspect", "no-such-model.zip");
        assertEquals(ModelprintCli.ERROR, missing.code());
        assertTrue(missing.err().contains("no model file at no-such-model.zip"), missing.err());

        CliRun usage = run("verify", "--suspect", "x.zip");
        assertEquals(ModelprintCli.ERROR, usage.code());
        assertTrue(usage.err().contains("--fingerprint"), usage.err());
    }
}
