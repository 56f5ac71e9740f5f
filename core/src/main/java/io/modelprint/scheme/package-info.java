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
 * Where parts are put together: a {@link io.modelprint.scheme.FingerprintScheme} is a query
 * builder, an extractor per representation and a verifier, with its parameters and measured
 * default thresholds. This is the one package that combines the stages before it.
 *
 * <ul>
 *   <li>{@link io.modelprint.scheme.SchemeProvider}: the plug-in interface (found with
 *       {@link java.util.ServiceLoader}), one provider per scheme: {@code SacMProvider},
 *       {@code SacWProvider}, {@code AkhProvider}, {@code AkhExcessProvider},
 *       {@code IpGuardProvider}, {@code ConferrableProvider}, {@code CombinedProvider};</li>
 *   <li>{@link io.modelprint.scheme.Schemes}: the registry, by name;
 *       {@link io.modelprint.scheme.SchemeInputs}: what a provider makes a scheme from (parameters,
 *       and the owner's models for the schemes that use them);</li>
 *   <li>{@link io.modelprint.scheme.CombinedScheme}: several schemes as one;
 *       {@link io.modelprint.scheme.CorrelationSettings}: the SAC schemes' shared fingerprint
 *       parameters; {@link io.modelprint.scheme.DefaultThresholds}: the measured defaults.</li>
 * </ul>
 *
 * <pre>{@code
 * FingerprintScheme<?> s = Schemes.create("sac-m", Map.of("queries", "300"));
 * }</pre>
 */
package io.modelprint.scheme;
