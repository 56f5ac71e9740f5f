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
package io.modelprint.zoo;

import io.modelprint.Model;
import io.modelprint.Models;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * What a query-based stealing attack ends with: the stolen network and how many images it sent to
 * the victim's API (its cost).
 *
 * <pre>{@code
 * StolenModel s = Knockoff.labels(Architecture.mlp(256), training, OutOfDistribution.TRANSFORMED)
 *         .apply(victimApi, attackerImages, listener);
 * LOG.info("{} queries", s.queries());
 * Dl4jModel copy = Dl4jModel.of("copy", s.network(), shape);
 * }</pre>
 *
 * @param network the attacker's copy
 * @param queries images the attack sent to the victim
 */
public record StolenModel(MultiLayerNetwork network, long queries) {

    /** Validates. */
    public StolenModel {
        if (network == null || queries < 0) {
            throw new IllegalArgumentException("a stolen model needs its network and a query count >= 0, got "
                    + network + ", " + queries);
        }
    }

    /**
     * {@code victim} seen through a view that counts only the images this attack sends: the
     * victim's own count may include other callers'.
     */
    static Model counting(Model victim) {
        if (victim == null) {
            throw new IllegalArgumentException("the attack needs the victim's API, got null");
        }
        return Models.of(victim.name(), victim.inputShape(), victim.numClasses(), victim.outputKind(), victim::predict);
    }
}
