package io.modelprint.zoo;

import java.util.Map;

/**
 * The one number some stealing recipes take, typed by what it means: a pruning rate is not a
 * temperature is not a PGD radius. {@link Family#parameterType()} says which a family takes.
 *
 * <pre>{@code
 * ZooMember pruned = new ZooMember(Family.PRUNE, victim, 7, training, 10_000, new RecipeParameter.PruningRate(0.5));
 * double rate = pruned.parameter(RecipeParameter.PruningRate.class).rate();
 * }</pre>
 */
public sealed interface RecipeParameter {

    /** For the families whose recipe takes no parameter. */
    RecipeParameter NONE = new None();

    /** The value as one number: part of a zoo member's cache id, 0 for none. */
    double value();

    /** The value by name, for the record beside a trained model; empty for none. */
    Map<String, String> settings();

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
    }

    /**
     * The temperature of distillation from the victim's probabilities ({@link Extraction#probabilities}).
     *
     * @param temperature finite and &gt; 0; 1 for plain soft labels
     */
    record Temperature(double temperature) implements RecipeParameter {

        /** Validates. */
        public Temperature {
            if (!(temperature > 0) || !Double.isFinite(temperature)) {
                throw new IllegalArgumentException("a distillation temperature is finite and > 0, got " + temperature);
            }
        }

        @Override
        public double value() {
            return temperature;
        }

        @Override
        public Map<String, String> settings() {
            return Map.of("temperature", Double.toString(temperature));
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
    }
}
