package io.modelprint.zoo;

import java.util.Locale;

/**
 * The kinds of models in a benchmark zoo: the stolen families, after SAC's benchmark, and the
 * independent models they are scored against.
 *
 * <pre>{@code
 * for (Family f : Family.values()) {
 *     if (f.stolen()) { ... zoo.members(f) ... }
 * }
 * }</pre>
 */
public enum Family {
    /** The owner's model itself. */
    VICTIM(false, false),
    /** The victim's weights fine-tuned, all layers, on the attacker's data. */
    FINE_TUNE_ALL(true, false),
    /** Only the last layer fine-tuned. */
    FINE_TUNE_LAST(true, false),
    /** Magnitude-pruned, then fine-tuned. */
    PRUNE(true, false, RecipeParameter.PruningRate.class),
    /** The victim's features with a new head trained on the corrupted task. */
    TRANSFER(true, true),
    /** A student distilled from the victim's probabilities. */
    EXTRACT_PROBABILITIES(true, false, RecipeParameter.Temperature.class),
    /** A student trained on the victim's labels. */
    EXTRACT_LABELS(true, false),
    /** A student trained from scratch on the victim's labels with PGD adversarial training in every batch. */
    EXTRACT_ADVERSARIAL(true, false, RecipeParameter.Epsilon.class),
    /** Knockoff Nets: a student of the victim's probabilities on out-of-distribution queries ({@link Knockoff}). */
    KNOCKOFF_PROBABILITIES(true, false, RecipeParameter.QueryDistribution.class),
    /** Knockoff Nets from the victim's labels on out-of-distribution queries. */
    KNOCKOFF_LABELS(true, false, RecipeParameter.QueryDistribution.class),
    /** A substitute grown by Jacobian-based augmentation from 150 seeds over 6 rounds ({@link Jbda}). */
    JBDA(true, false),
    /** Trained from scratch on the attacker's data with true labels. */
    INDEPENDENT(false, false),
    /** The victim's architecture and recipe on the owner's own data, another seed: the hardest negative. */
    TWIN(false, false),
    /** Trained from scratch on the corrupted task: the negatives of {@link #TRANSFER}. */
    INDEPENDENT_TRANSFER(false, true);

    private final boolean stolen;
    private final boolean transferTask;
    private final Class<? extends RecipeParameter> parameterType;

    Family(boolean stolen, boolean transferTask) {
        this(stolen, transferTask, RecipeParameter.None.class);
    }

    Family(boolean stolen, boolean transferTask, Class<? extends RecipeParameter> parameterType) {
        this.stolen = stolen;
        this.transferTask = transferTask;
        this.parameterType = parameterType;
    }

    /** The type of the parameter its recipe takes ({@link RecipeParameter.None} for none). */
    public Class<? extends RecipeParameter> parameterType() {
        return parameterType;
    }

    /** Whether models of this family are derived from the victim. */
    public boolean stolen() {
        return stolen;
    }

    /** Whether they solve the corrupted transfer task rather than the victim's. */
    public boolean transferTask() {
        return transferTask;
    }

    /** A lower-case name with dashes, for files and tables. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
