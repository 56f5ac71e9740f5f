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
 * Images to draw queries from and to train and score models on: the IDX reader and the
 * Fashion-MNIST loader. Before the pipeline: the owner data its first stage draws from. Uses the
 * API only.
 *
 * <pre>{@code
 * LabeledImages test = FashionMnist.load().test();
 * }</pre>
 */
package io.modelprint.data;
