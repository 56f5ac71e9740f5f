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
 * Suspects behind a remote prediction API: {@link io.modelprint.http.HttpModel}, a
 * {@link io.modelprint.Model} that the pipeline queries like any other, built from a transport,
 * a retry policy, a rate limiter and a query budget, speaking a
 * {@link io.modelprint.http.JsonContract}. Uses the API only.
 *
 * <pre>{@code
 * HttpModel api = HttpModel.builder(URI.create("https://api.example.com/v1/predict"))
 *         .inputShape(new ImageShape(1, 28, 28)).numClasses(10).outputKind(OutputKind.PROBABILITIES).build();
 * }</pre>
 */
package io.modelprint.http;
