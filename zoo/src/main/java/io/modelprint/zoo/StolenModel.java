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
