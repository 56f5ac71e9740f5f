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
 * After the distance: what "close" means for one victim. The distances of independent reference
 * models give a {@link io.modelprint.calibration.NullDistribution}, and from it a
 * {@link io.modelprint.calibration.Calibration} sets a threshold for a target false-positive rate
 * and a p-value for a suspect's distance. The facade calibrates through here; this package uses
 * schemes to compute distances and never the facade.
 *
 * <pre>{@code
 * Calibration c = Calibration.ofDistances(new double[] {0.21, 0.18, 0.25, 0.19}, 0.05);
 * boolean stolen = c.isStolen(0.02);
 * }</pre>
 */
package io.modelprint.calibration;
