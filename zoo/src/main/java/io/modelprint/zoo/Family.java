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

import java.util.List;
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
    /** The owner's model itself, undefended or trained with InI ({@link RecipeParameter.IniDefended}). */
    VICTIM(false, false, List.of(RecipeParameter.None.class, RecipeParameter.IniDefended.class)),
    /** The victim's weights fine-tuned, all layers, on the attacker's data (Adam, or SGD). */
    FINE_TUNE_ALL(true, false, List.of(RecipeParameter.None.class, RecipeParameter.Sgd.class)),
    /** Only the last layer fine-tuned, the victim's head kept or re-initialised. */
    FINE_TUNE_LAST(true, false, List.of(RecipeParameter.None.class, RecipeParameter.FreshHead.class)),
    /** Magnitude-pruned, then fine-tuned. */
    PRUNE(true, false, List.of(RecipeParameter.PruningRate.class)),
    /** The victim's features with a new head trained on the corrupted task (features frozen, or trainable). */
    TRANSFER(true, true, List.of(RecipeParameter.None.class, RecipeParameter.TrainableFeatures.class)),
    /** A student distilled from the victim's probabilities. */
    EXTRACT_PROBABILITIES(true, false, List.of(RecipeParameter.Temperature.class)),
    /** A student trained on the victim's labels. */
    EXTRACT_LABELS(true, false),
    /**
     * A student trained on the victim's labels with PGD adversarial training from scratch
     * ({@link RecipeParameter.Epsilon}), or a label student fine-tuned adversarially
     * ({@link RecipeParameter.AdversarialFineTuning}).
     */
    EXTRACT_ADVERSARIAL(true, false, List.of(RecipeParameter.Epsilon.class, RecipeParameter.AdversarialFineTuning.class)),
    /** Knockoff Nets: a student of the victim's probabilities on out-of-distribution queries ({@link Knockoff}). */
    KNOCKOFF_PROBABILITIES(true, false, List.of(RecipeParameter.QueryDistribution.class)),
    /** Knockoff Nets from the victim's labels on out-of-distribution queries. */
    KNOCKOFF_LABELS(true, false, List.of(RecipeParameter.QueryDistribution.class)),
    /** A substitute grown by Jacobian-based augmentation from 150 seeds over 6 rounds ({@link Jbda}). */
    JBDA(true, false),
    /** Trained from scratch on the attacker's data with true labels. */
    INDEPENDENT(false, false),
    /**
     * A student's recipe with true labels instead of the victim's: its architecture, attacker data,
     * epochs and optimiser (and, for an adversarially fine-tuned student, that fine-tuning of a
     * matched model; for a student trained adversarially from scratch, {@link RecipeParameter.Epsilon},
     * the same PGD training). The negative that differs from a student only in whose labels it learned.
     */
    MATCHED(false, false, List.of(RecipeParameter.None.class, RecipeParameter.AdversarialFineTuning.class,
            RecipeParameter.Epsilon.class)),
    /** The victim's architecture and recipe on the owner's own data, another seed: the hardest negative. */
    TWIN(false, false),
    /** Trained from scratch on the corrupted task: the negatives of {@link #TRANSFER}. */
    INDEPENDENT_TRANSFER(false, true);

    private final boolean stolen;
    private final boolean transferTask;
    @SuppressWarnings("ImmutableEnumChecker") // List.of is unmodifiable; Error Prone only knows Guava's types
    private final List<Class<? extends RecipeParameter>> parameterTypes;

    Family(boolean stolen, boolean transferTask) {
        this(stolen, transferTask, List.of(RecipeParameter.None.class));
    }

    Family(boolean stolen, boolean transferTask, List<Class<? extends RecipeParameter>> parameterTypes) {
        this.stolen = stolen;
        this.transferTask = transferTask;
        this.parameterTypes = parameterTypes;
    }

    /** The types of parameter its recipe takes ({@link RecipeParameter.None} for none), the usual one first. */
    public List<Class<? extends RecipeParameter>> parameterTypes() {
        return parameterTypes;
    }

    /** Whether its recipe takes {@code parameter}. */
    public boolean takes(RecipeParameter parameter) {
        return parameterTypes.stream().anyMatch(t -> t.isInstance(parameter));
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
