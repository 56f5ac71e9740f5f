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

import io.modelprint.dl4j.Dl4jModel;

/**
 * A zoo member after training: its description, what was measured of it, and the model.
 *
 * <pre>{@code
 * for (TrainedMember m : zoo.members(Family.PRUNE)) {
 *     Verdict v = verifier.verify(fingerprint, m.model());
 *     LOG.info("{} (fidelity {}): {}", m.id(), m.measurements().fidelity(), v.explanation());
 * }
 * }</pre>
 *
 * @param member       how it was made
 * @param measurements its accuracy, fidelity and training time
 * @param model        the network, answering logits
 */
public record TrainedMember(ZooMember member, Measurements measurements, Dl4jModel model) {

    /** Its {@link ZooMember#id()}. */
    public String id() {
        return member.id();
    }

    /** Its family. */
    public Family family() {
        return member.family();
    }
}
