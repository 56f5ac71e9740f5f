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
package io.modelprint.benchmarks.detection;

import io.modelprint.zoo.Family;
import io.modelprint.zoo.RecipeParameter;
import io.modelprint.zoo.ZooMember;
import java.util.List;
import java.util.Map;

/**
 * The names of the stolen families in the benchmark's tables, one spelling for both frameworks:
 * the seven of SAC's benchmark, in table order, as the DL4J zoo's {@link Family#label()} spells
 * them, and the PyTorch manifest's names mapped onto them. A family neither knows (a new attack)
 * keeps its own name and is reported after the seven.
 *
 * <pre>{@code
 * String f = StolenFamilies.ofPyTorch("extract-prob");   // "extract-probabilities"
 * }</pre>
 */
public final class StolenFamilies {

    /** The seven families, in table order. */
    public static final List<String> SEVEN = List.of(Family.FINE_TUNE_ALL.label(), Family.FINE_TUNE_LAST.label(),
            Family.PRUNE.label(), Family.TRANSFER.label(), Family.EXTRACT_PROBABILITIES.label(),
            Family.EXTRACT_LABELS.label(), Family.EXTRACT_ADVERSARIAL.label());

    private static final Map<String, String> PYTORCH = Map.of("finetune-all", Family.FINE_TUNE_ALL.label(),
            "finetune-last", Family.FINE_TUNE_LAST.label(), "prune", Family.PRUNE.label(), "transfer", Family.TRANSFER.label(),
            "extract-prob", Family.EXTRACT_PROBABILITIES.label(), "extract-label", Family.EXTRACT_LABELS.label(),
            "extract-adv", Family.EXTRACT_ADVERSARIAL.label());

    private StolenFamilies() {
    }

    /** The table name of a PyTorch manifest's family: one of {@link #SEVEN}, or the name itself for a new one. */
    public static String ofPyTorch(String family) {
        return PYTORCH.getOrDefault(family, family);
    }

    /**
     * The table name of a DL4J zoo member's family: the seven by their label, and the attack
     * families of issue 12 by the PyTorch zoo's names (adversarial training from scratch is
     * {@code adv-scratch}, apart from the adversarial fine-tuning of {@code extract-adversarial}),
     * so that both frameworks report them in the same columns.
     */
    public static String ofDl4j(ZooMember m) {
        return switch (m.family()) {
            case KNOCKOFF_PROBABILITIES -> "knockoff-prob";
            case KNOCKOFF_LABELS -> "knockoff-label";
            case JBDA -> "jbda";
            case EXTRACT_ADVERSARIAL -> m.parameter() instanceof RecipeParameter.Epsilon ? "adv-scratch" : m.family().label();
            default -> m.family().label();
        };
    }

    /** Whether {@code family} is one of the seven. */
    public static boolean known(String family) {
        return SEVEN.contains(family);
    }
}
