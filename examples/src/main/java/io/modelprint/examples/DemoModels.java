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
package io.modelprint.examples;

import io.modelprint.ImageShape;
import io.modelprint.LabeledImages;
import io.modelprint.ProgressListener;
import io.modelprint.data.FashionMnist;
import io.modelprint.dl4j.Architecture;
import io.modelprint.dl4j.Trainer;
import io.modelprint.dl4j.TrainingData;
import io.modelprint.zoo.FineTuning;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

/**
 * Makes the DL4J models of the command-line demo in {@code examples/models}: a victim MLP trained on
 * Fashion-MNIST test images 0-3999, and a copy of it fine-tuned on the attacker's images 4000-7999.
 * (The independent ONNX models come from {@code examples/models/make_onnx_models.py}.)
 *
 * <p>Run it with {@code mvn -q -pl examples -am compile exec:java -Dexec.mainClass=io.modelprint.examples.DemoModels}.
 *
 * <pre>
 * mvn -q -pl examples -am compile exec:java -Dexec.mainClass=io.modelprint.examples.DemoModels
 * </pre>
 */
public final class DemoModels {

    private static final ImageShape SHAPE = new ImageShape(1, 28, 28);

    private DemoModels() {
    }

    /** Writes {@code victim-mlp.zip} and {@code finetuned-copy.zip} into the directory given, or examples/models. */
    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "examples/models");
        LabeledImages all = FashionMnist.load().test();
        MultiLayerNetwork victim = Architecture.mlp(24).build(SHAPE, FashionMnist.NUM_CLASSES, 1);
        Trainer.fit(victim, TrainingData.of(all.slice(0, 4000)), new Trainer.Config(10, 64, 1e-3, 1), "victim",
                ProgressListener.NONE);
        MultiLayerNetwork copy = new FineTuning(new Trainer.Config(2, 64, 1e-4, 11))
                .apply(victim, all.slice(4000, 8000), ProgressListener.NONE);
        try {
            Files.createDirectories(dir);
            ModelSerializer.writeModel(victim, dir.resolve("victim-mlp.zip").toFile(), false);
            ModelSerializer.writeModel(copy, dir.resolve("finetuned-copy.zip").toFile(), false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo models to " + dir, e);
        }
        System.out.println("wrote " + dir.resolve("victim-mlp.zip") + " and " + dir.resolve("finetuned-copy.zip"));
    }
}
