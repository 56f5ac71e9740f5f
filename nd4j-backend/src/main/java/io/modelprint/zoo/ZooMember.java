package io.modelprint.zoo;

import io.modelprint.dl4j.Architecture;
import io.modelprint.dl4j.Trainer;
import java.util.Locale;

/**
 * One model of a zoo, described well enough to train it again: its family, architecture, seed,
 * training settings, and the family's own knob (pruning rate, distillation temperature).
 *
 * @param family       what kind of model
 * @param architecture its architecture (for copies of the victim: the victim's)
 * @param seed         the seed of its initialisation and shuffling
 * @param training     epochs, batch size, learning rate
 * @param images       how many training images it sees
 * @param knob         the family's parameter: pruning rate, distillation temperature, PGD epsilon; 0 if none
 */
public record ZooMember(Family family, Architecture architecture, long seed, Trainer.Config training, int images,
                        double knob) {

    /** Validates. */
    public ZooMember {
        if (family == null || architecture == null || training == null) {
            throw new IllegalArgumentException("family, architecture and training must be given");
        }
        if (images < 1) {
            throw new IllegalArgumentException("a zoo member needs at least one training image, got " + images);
        }
    }

    /** A stable identifier that changes when anything that affects the trained model changes. */
    public String id() {
        String recipe = String.format(Locale.ROOT, "%d-%d-%g-%d-%g", training.epochs(), training.batchSize(),
                training.learningRate(), images, knob);
        return family.label() + "__" + architecture.name() + "__s" + seed + "__"
                + Integer.toHexString(recipe.hashCode());
    }
}
