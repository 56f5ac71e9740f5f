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
 * The {@code modelprint} command line ({@link io.modelprint.cli.ModelprintCli}, picocli):
 * {@code fingerprint} runs the pipeline's first two stages on a victim model file and stores the
 * result, {@code verify} runs the rest on a suspect (file or HTTP API), {@code serve} puts a model
 * file behind the standard HTTP contract.
 *
 * <pre>
 * bin/modelprint fingerprint --model victim.zip --scheme sac-m --out victim.fp.json
 * bin/modelprint verify --fingerprint victim.fp.json --suspect suspect.onnx
 * </pre>
 */
package io.modelprint.cli;
