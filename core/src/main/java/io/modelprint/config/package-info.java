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
 * Typed parameters, declared once: configuration records whose components carry
 * {@link io.modelprint.config.Param}, from which {@link io.modelprint.config.Parameters} derives
 * each parameter's name, default, validation, provenance entry and help text (as Tribuo derives
 * provenance from its {@code @Config} fields). Beside the pipeline: every stage's configuration
 * uses it; it uses nothing of modelprint.
 *
 * <pre>{@code
 * Parameters p = Parameters.of("scheme ipguard", BoundaryQueries.Config.defaults());
 * BoundaryQueries.Config c = p.read(Map.of("steps", "300")).get(BoundaryQueries.Config.class);
 * }</pre>
 */
package io.modelprint.config;
