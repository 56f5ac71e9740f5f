package io.modelprint.zoo;

import java.util.Map;

/**
 * A trained zoo model as recorded beside its file: what it is and how it scores.
 *
 * @param id           the member's {@link ZooMember#id()}
 * @param family       its family
 * @param architecture its architecture name
 * @param seed         its seed
 * @param accuracy     accuracy on the test set of its own task
 * @param fidelity     agreement with the victim's labels on the clean test set
 * @param trainSeconds wall time it took to train
 * @param settings     the recipe's settings, for the record
 */
public record ZooEntry(String id, Family family, String architecture, long seed, double accuracy, double fidelity,
                       double trainSeconds, Map<String, String> settings) {
}
