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
/**
 * The DL4J adapter: {@link io.modelprint.dl4j.Dl4jModel} shows a DL4J network as a
 * {@link io.modelprint.WhiteBoxModel} (logits and input gradients), so the pipeline can query it
 * and IPGuard can move samples to its decision boundary; {@link io.modelprint.dl4j.Architecture},
 * {@link io.modelprint.dl4j.Trainer} and {@link io.modelprint.dl4j.TrainingData} make and train the
 * networks that tests, the examples and the zoo use. Uses the API and ND4J; knows no scheme.
 *
 * <pre>{@code
 * MultiLayerNetwork net = Architecture.cnn(8, 16, 64).build(new ImageShape(1, 28, 28), 10, 1);
 * Trainer.fit(net, TrainingData.of(train), new Trainer.Config(5, 64, 1e-3, 1), "victim", listener);
 * Dl4jModel victim = Dl4jModel.of("victim", net, new ImageShape(1, 28, 28));
 * }</pre>
 */
package io.modelprint.dl4j;
