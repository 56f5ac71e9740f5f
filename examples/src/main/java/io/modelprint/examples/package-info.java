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
 * Runnable examples of the whole pipeline: {@link io.modelprint.examples.QuickStart} (train a
 * victim, steal it, verify with every scheme) and {@link io.modelprint.examples.DemoModels} (the
 * command line's demo models), with {@link io.modelprint.cli.ConsoleProgress} (from modelprint-cli) drawing
 * progress bars. Not published.
 *
 * <pre>
 * ./mvnw -q -pl examples -am compile exec:java
 * </pre>
 */
package io.modelprint.examples;
