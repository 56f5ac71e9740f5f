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

import io.modelprint.dl4j.Architecture;
import io.modelprint.dl4j.Trainer;
import java.util.Locale;

/**
 * One model of a zoo, described well enough to train it again: its family, architecture, seed,
 * training settings, the typed parameter that varies its family's recipe (a pruning rate, a
 * distillation temperature, SGD instead of Adam, ...), and, for a model fine-tuned from another
 * zoo model (adversarial fine-tuning of a label student), that base model. Once trained, a
 * {@link Zoo} holds it as a {@link TrainedMember}.
 *
 * <pre>{@code
 * ZooMember student = new ZooMember(Family.EXTRACT_LABELS, Architecture.mlp(256), 104,
 *         new Trainer.Config(5, 64, 1e-3, 0), 30_000);
 * ZooMember robust = ZooMember.fineTunedFrom(Family.EXTRACT_ADVERSARIAL, student, 105,
 *         new Trainer.Config(2, 64, 5e-4, 0), 10_000, new RecipeParameter.AdversarialFineTuning(0.1, 0.025, 5));
 * String file = robust.id() + ".zip";
 * long bought = robust.queries();   // 30,000: the answers its base's extraction bought
 * }</pre>
 *
 * @param family       what kind of model
 * @param architecture its architecture (for copies of the victim: the victim's; for a fine-tuned
 *                     model: its base's)
 * @param seed         the seed of its initialisation and shuffling
 * @param training     epochs, batch size, learning rate
 * @param images       how many training images it sees
 * @param parameter    its recipe's parameter, one of {@link Family#parameterTypes()}
 * @param base         the zoo model it is fine-tuned from, or null when it starts from the victim or
 *                     from scratch; given exactly when the parameter is
 *                     {@link RecipeParameter.AdversarialFineTuning}
 */
public record ZooMember(Family family, Architecture architecture, long seed, Trainer.Config training, int images,
                        RecipeParameter parameter, ZooMember base) {

    /** Validates. */
    public ZooMember {
        if (family == null || architecture == null || training == null || parameter == null) {
            throw new IllegalArgumentException("family, architecture, training and recipe parameter must be given");
        }
        if (images < 1) {
            throw new IllegalArgumentException("a zoo member needs at least one training image, got " + images);
        }
        if (!family.takes(parameter)) {
            throw new IllegalArgumentException("family " + family.label() + " takes one of "
                    + family.parameterTypes().stream().map(Class::getSimpleName).toList() + ", got " + parameter);
        }
        boolean fineTuned = parameter instanceof RecipeParameter.AdversarialFineTuning;
        if (fineTuned != (base != null)) {
            throw new IllegalArgumentException(fineTuned
                    ? "adversarial fine-tuning of " + family.label() + " needs the base model it fine-tunes"
                    : "only an adversarially fine-tuned model has a base model, not a " + family.label()
                    + " with " + parameter);
        }
        if (base != null) {
            Family expected = family == Family.EXTRACT_ADVERSARIAL ? Family.EXTRACT_LABELS : Family.MATCHED;
            if (base.family() != expected || !base.architecture().equals(architecture)) {
                throw new IllegalArgumentException("a " + family.label() + " model fine-tunes a " + expected.label()
                        + " model of its own architecture " + architecture + ", got " + base.family().label() + " "
                        + base.architecture());
            }
        }
    }

    /** A member whose recipe takes a parameter and starts from the victim or from scratch. */
    public ZooMember(Family family, Architecture architecture, long seed, Trainer.Config training, int images,
                     RecipeParameter parameter) {
        this(family, architecture, seed, training, images, parameter, null);
    }

    /** A member of a family whose recipe takes no parameter. */
    public ZooMember(Family family, Architecture architecture, long seed, Trainer.Config training, int images) {
        this(family, architecture, seed, training, images, RecipeParameter.NONE);
    }

    /**
     * A model adversarially fine-tuned from {@code base}: an {@link Family#EXTRACT_ADVERSARIAL}
     * student from a label student, or a {@link Family#MATCHED} model from a matched one.
     *
     * @param images how many attacker images (the first ones) the fine-tuning sees
     */
    public static ZooMember fineTunedFrom(Family family, ZooMember base, long seed, Trainer.Config training, int images,
                                          RecipeParameter.AdversarialFineTuning parameter) {
        return new ZooMember(family, base.architecture(), seed, training, images, parameter, base);
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

    /**
     * Queries the attack sent to the victim's API: the images an extraction labelled, those of its
     * base for an adversarially fine-tuned student; 0 for every other member.
     */
    public long queries() {
        return switch (family) {
            case EXTRACT_PROBABILITIES, EXTRACT_LABELS, KNOCKOFF_PROBABILITIES, KNOCKOFF_LABELS -> images;
            case JBDA -> Jbda.of(architecture, training).queries();
            case EXTRACT_ADVERSARIAL -> base != null ? base.queries() : images;
            default -> 0;
        };
    }

    /** A stable identifier that changes when anything that affects the trained model changes. */
    public String id() {
        // the recipe enters as it did before parameters were typed, so that cached zoos keep their names
        String recipe = String.format(Locale.ROOT, "%d-%d-%g-%d-%s", training.epochs(), training.batchSize(),
                training.learningRate(), images, parameter.key()) + (base == null ? "" : "-from-" + base.id());
        return family.label() + "__" + architecture.name() + "__s" + seed + "__"
                + Integer.toHexString(recipe.hashCode());
    }
}
