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
import io.modelprint.dl4j.Dl4jModel;
import java.io.IOException;
import java.nio.file.Path;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

/** DL4J suspects, in a class of their own so that screening without modelprint-nd4j never loads DL4J. */
final class Dl4jSuspects {

    private Dl4jSuspects() {
    }

    /** Reads a {@code ModelSerializer} zip as a network or, failing that, a computation graph. */
    static Model open(String name, Path file, ImageShape shape, OutputKind kind) {
        try {
            MultiLayerNetwork net = ModelSerializer.restoreMultiLayerNetwork(file.toFile(), false);
            return Dl4jModel.of(name, net, shape, kind);
        } catch (IOException | RuntimeException asNetwork) {
            try {
                ComputationGraph graph = ModelSerializer.restoreComputationGraph(file.toFile(), false);
                return Dl4jModel.of(name, graph, shape, kind);
            } catch (IOException | RuntimeException asGraph) {
                IllegalArgumentException e = new IllegalArgumentException("suspect " + name + ": cannot read " + file
                        + " as a DL4J model zip (ModelSerializer): " + asNetwork.getMessage()
                        + "; give a DL4J zip, an .onnx file or an http(s):// URL");
                e.addSuppressed(asGraph);
                throw e;
            }
        }
    }
}
