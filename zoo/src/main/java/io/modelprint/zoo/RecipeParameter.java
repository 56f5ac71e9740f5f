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

import java.util.Locale;
import java.util.Map;

/**
 * What varies a stealing recipe inside its family, typed by what it means: a pruning rate is not
 * a temperature is not a PGD radius, and fine-tuning with SGD is not fine-tuning with a fresh head.
 * {@link Family#parameterTypes()} says which a family takes.
 *
 * <pre>{@code
 * ZooMember pruned = new ZooMember(Family.PRUNE, victim, 7, training, 10_000, new RecipeParameter.PruningRate(0.5));
 * double rate = pruned.parameter(RecipeParameter.PruningRate.class).rate();
 * }</pre>
 */
public sealed interface RecipeParameter {

    /** For the families whose recipe takes no parameter. */
    RecipeParameter NONE = new None();

    /** The value as one number, 0 for none. */
    double value();

    /** The value by name, for the record beside a trained model; empty for none. */
    Map<String, String> settings();

    /**
     * The parameter as it enters a zoo member's cache id. The numeric parameters enter as their
     * number did before they were typed, so that cached zoos keep their names.
     */
    String key();

    /** A number as numeric parameters enter a cache id. */
    static String number(double value) {
        return String.format(Locale.ROOT, "%g", value);
    }

    /** No parameter. */
    record None() implements RecipeParameter {

        @Override
        public double value() {
            return 0;
        }

        @Override
        public Map<String, String> settings() {
            return Map.of();
        }

        @Override
        public String key() {
            return number(0);
        }
    }

    /**
     * The fraction of weights {@link Pruning} removes from every layer.
     *
     * @param rate in [0, 1)
     */
    record PruningRate(double rate) implements RecipeParameter {

        /** Validates. */
        public PruningRate {
            if (!(rate >= 0 && rate < 1)) {
                throw new IllegalArgumentException("a pruning rate is in [0, 1), got " + rate);
            }
        }

        @Override
        public double value() {
            return rate;
        }

        @Override
        public Map<String, String> settings() {
            return Map.of("pruningRate", Double.toString(rate));
        }

        @Override
        public String key() {
            return number(rate);
        }
    }

    /**
     * Distillation from the victim's probabilities ({@link Extraction#probabilities}): the
     * temperature, and the weight of the victim's answers against the attacker's true labels.
     *
     * <pre>{@code
     * new RecipeParameter.Temperature(20)         // SAC's benchmark: alpha 0.9, true labels mixed in
     * new RecipeParameter.Temperature(4, 1.0)     // the victim's answers alone, as an attacker without labels
     * }</pre>
     *
     * @param temperature finite and &gt; 0; 1 for plain soft labels
     * @param alpha       weight of the victim's answers, in (0, 1]
     */
    record Temperature(double temperature, double alpha) implements RecipeParameter {

        /** SAC's weight of the victim's answers. */
        public static final double SAC_ALPHA = 0.9;

        /** Validates. */
        public Temperature {
            if (!(temperature > 0) || !Double.isFinite(temperature)) {
                throw new IllegalArgumentException("a distillation temperature is finite and > 0, got " + temperature);
            }
            if (!(alpha > 0 && alpha <= 1)) {
                throw new IllegalArgumentException("the weight of the victim's answers is in (0, 1], got " + alpha);
            }
        }

        /** Distillation at {@code temperature} with SAC's alpha, 0.9. */
        public Temperature(double temperature) {
            this(temperature, SAC_ALPHA);
        }

        @Override
        public double value() {
            return temperature;
        }

        @Override
        public Map<String, String> settings() {
            return Map.of("temperature", Double.toString(temperature), "alpha", Double.toString(alpha));
        }

        @Override
        public String key() {
            // SAC's alpha enters as the temperature alone did, so that cached zoos keep their names
            return alpha == SAC_ALPHA ? number(temperature)
                    : String.format(Locale.ROOT, "%g-alpha%g", temperature, alpha);
        }
    }

    /**
     * The radius of PGD adversarial training ({@link Pgd}), in pixel units.
     *
     * @param epsilon in (0, 1)
     */
    record Epsilon(double epsilon) implements RecipeParameter {

        /** Validates. */
        public Epsilon {
            if (!(epsilon > 0 && epsilon < 1)) {
                throw new IllegalArgumentException("a PGD radius is in (0, 1), got " + epsilon);
            }
        }

        @Override
        public double value() {
            return epsilon;
        }

        @Override
        public Map<String, String> settings() {
            return Map.of("epsilon", Double.toString(epsilon));
        }

        @Override
        public String key() {
            return number(epsilon);
        }
    }

    /**
     * Fine-tuning of all layers with SGD and Nesterov momentum 0.9 instead of Adam.
     *
     * <pre>{@code
     * new ZooMember(Family.FINE_TUNE_ALL, victim, 8, new Trainer.Config(3, 64, 0.01, 0), 20_000, new RecipeParameter.Sgd());
     * }</pre>
     */
    record Sgd() implements RecipeParameter {

        /** Nesterov momentum of the SGD updater. */
        public static final double MOMENTUM = 0.9;

        @Override
        public double value() {
            return MOMENTUM;
        }

        @Override
        public Map<String, String> settings() {
            return Map.of("optimizer", "sgd-nesterov", "momentum", Double.toString(MOMENTUM));
        }

        @Override
        public String key() {
            return "sgd";
        }
    }

    /**
     * Fine-tuning of the last layer after re-initialising it (the victim's head thrown away).
     *
     * <pre>{@code
     * new ZooMember(Family.FINE_TUNE_LAST, victim, 9, new Trainer.Config(3, 64, 1e-2, 0), 10_000, new RecipeParameter.FreshHead());
     * }</pre>
     */
    record FreshHead() implements RecipeParameter {

        @Override
        public double value() {
            return 1;
        }

        @Override
        public Map<String, String> settings() {
            return Map.of("head", "re-initialised");
        }

        @Override
        public String key() {
            return "fresh-head";
        }
    }

    /**
     * Transfer with trainable features: a linear probe (the fresh head alone, one epoch at the
     * member's learning rate), then every layer at {@code featureLearningRate} for the other epochs.
     *
     * <pre>{@code
     * new ZooMember(Family.TRANSFER, victim, 10, new Trainer.Config(3, 64, 1e-2, 0), 20_000,
     *         new RecipeParameter.TrainableFeatures(1e-4));
     * }</pre>
     *
     * @param featureLearningRate Adam learning rate of the second phase, finite and &gt; 0
     */
    record TrainableFeatures(double featureLearningRate) implements RecipeParameter {

        /** Validates. */
        public TrainableFeatures {
            if (!(featureLearningRate > 0) || !Double.isFinite(featureLearningRate)) {
                throw new IllegalArgumentException("the features' learning rate is finite and > 0, got "
                        + featureLearningRate);
            }
        }

        @Override
        public double value() {
            return featureLearningRate;
        }

        @Override
        public Map<String, String> settings() {
            return Map.of("features", "trainable", "featureLearningRate", Double.toString(featureLearningRate));
        }

        @Override
        public String key() {
            return String.format(Locale.ROOT, "trainable-%g", featureLearningRate);
        }
    }

    /**
     * Adversarial fine-tuning of a trained model (the member's {@link ZooMember#base()}): every
     * minibatch replaced by PGD examples ({@link Pgd}) of radius {@code epsilon}, with
     * {@code steps} signed-gradient steps of {@code stepSize}. A label student is fine-tuned on the
     * victim's labels (the answers its extraction already bought), a matched independent model on
     * the true labels.
     *
     * <pre>{@code
     * new RecipeParameter.AdversarialFineTuning(0.1, 0.025, 5)
     * }</pre>
     *
     * @param epsilon  radius in pixel units, in (0, 1)
     * @param stepSize step size, &gt; 0
     * @param steps    steps per minibatch, at least 1
     */
    record AdversarialFineTuning(double epsilon, double stepSize, int steps) implements RecipeParameter {

        /** Validates. */
        public AdversarialFineTuning {
            if (!(epsilon > 0 && epsilon < 1) || !(stepSize > 0) || steps < 1) {
                throw new IllegalArgumentException("adversarial fine-tuning needs 0 < epsilon < 1, stepSize > 0 and "
                        + "steps >= 1, got " + epsilon + ", " + stepSize + ", " + steps);
            }
        }

        /** The PGD of every minibatch. */
        public Pgd pgd() {
            return new Pgd(epsilon, stepSize, steps);
        }

        @Override
        public double value() {
            return epsilon;
        }

        @Override
        public Map<String, String> settings() {
            return Map.of("adversarialFineTuning", "pgd", "epsilon", Double.toString(epsilon),
                    "stepSize", Double.toString(stepSize), "steps", Integer.toString(steps));
        }

        @Override
        public String key() {
            return String.format(Locale.ROOT, "advft-%g-%g-%d", epsilon, stepSize, steps);
        }
    }

    /**
     * Which out-of-distribution queries a Knockoff attack sends ({@link Knockoff}).
     *
     * @param kind the transform of the attacker's images
     */
    record QueryDistribution(OutOfDistribution kind) implements RecipeParameter {

        /** Validates. */
        public QueryDistribution {
            if (kind == null) {
                throw new IllegalArgumentException("a query distribution must be given: one of "
                        + java.util.Arrays.toString(OutOfDistribution.values()));
            }
        }

        @Override
        public double value() {
            // a fixed number per kind for the cache id, independent of the declaration order
            return switch (kind) {
                case CORRUPTED -> 1;
                case TRANSFORMED -> 2;
                case MIXTURES -> 3;
            };
        }

        @Override
        public Map<String, String> settings() {
            return Map.of("queries", kind.name().toLowerCase(java.util.Locale.ROOT));
        }

        @Override
        public String key() {
            return number(value());
        }
    }

    /**
     * A victim trained with the InI defence ({@link IniDefence#defaults}: gamma 0.3, delta 1,
     * epsilon 1000, PCGrad), its out-of-distribution images the owner's images after its training
     * share, rotated and half inverted ({@link OutOfDistribution#TRANSFORMED}).
     */
    record IniDefended() implements RecipeParameter {

        @Override
        public double value() {
            return 1;
        }

        @Override
        public Map<String, String> settings() {
            return Map.of("defence", "InI");
        }

        @Override
        public String key() {
            return "ini";
        }
    }
}
