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
