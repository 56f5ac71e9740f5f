package io.modelprint.zoo;

import io.modelprint.dl4j.Architecture;
import io.modelprint.dl4j.Trainer;
import java.util.Locale;

/**
 * One model of a zoo, described well enough to train it again: its family, architecture, seed,
 * training settings, and the typed parameter its family's recipe takes (a pruning rate, a
 * distillation temperature, a PGD radius). Once trained, a {@link Zoo} holds it as a
 * {@link TrainedMember}.
 *
 * <pre>{@code
 * ZooMember m = new ZooMember(Family.EXTRACT_PROBABILITIES, Architecture.mlp(256), 104,
 *         new Trainer.Config(5, 64, 1e-3, 0), 20_000, new RecipeParameter.Temperature(20));
 * String file = m.id() + ".zip";
 * }</pre>
 *
 * @param family       what kind of model
 * @param architecture its architecture (for copies of the victim: the victim's)
 * @param seed         the seed of its initialisation and shuffling
 * @param training     epochs, batch size, learning rate
 * @param images       how many training images it sees
 * @param parameter    its recipe's parameter, of {@link Family#parameterType()}
 */
public record ZooMember(Family family, Architecture architecture, long seed, Trainer.Config training, int images,
                        RecipeParameter parameter) {

    /** Validates. */
    public ZooMember {
        if (family == null || architecture == null || training == null || parameter == null) {
            throw new IllegalArgumentException("family, architecture, training and recipe parameter must be given");
        }
        if (images < 1) {
            throw new IllegalArgumentException("a zoo member needs at least one training image, got " + images);
        }
        if (!family.parameterType().isInstance(parameter)) {
            throw new IllegalArgumentException("family " + family.label() + " takes a "
                    + family.parameterType().getSimpleName() + ", got " + parameter);
        }
    }

    /** A member of a family whose recipe takes no parameter. */
    public ZooMember(Family family, Architecture architecture, long seed, Trainer.Config training, int images) {
        this(family, architecture, seed, training, images, RecipeParameter.NONE);
    }

    /**
     * The recipe parameter as {@code type}.
     *
     * @throws IllegalArgumentException if this member's family takes another
     */
    public <P extends RecipeParameter> P parameter(Class<P> type) {
        if (!type.isInstance(parameter)) {
            throw new IllegalArgumentException("zoo member " + id() + " has a " + parameter.getClass().getSimpleName()
                    + ", not a " + type.getSimpleName());
        }
        return type.cast(parameter);
    }

    /** A stable identifier that changes when anything that affects the trained model changes. */
    public String id() {
        // the recipe's number enters as it did before it was typed, so that cached zoos keep their names
        String recipe = String.format(Locale.ROOT, "%d-%d-%g-%d-%g", training.epochs(), training.batchSize(),
                training.learningRate(), images, parameter.value());
        return family.label() + "__" + architecture.name() + "__s" + seed + "__"
                + Integer.toHexString(recipe.hashCode());
    }
}
