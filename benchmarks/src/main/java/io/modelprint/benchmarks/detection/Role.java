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
import java.util.Locale;

/**
 * What a zoo model is to the victims of its split: the victim itself, a stolen copy of one
 * victim, or one of the negatives the benchmark separates the copies from.
 *
 * <pre>{@code
 * Role r = Role.of(Family.MATCHED);          // MATCHED
 * boolean negative = r.negative();           // true
 * }</pre>
 */
public enum Role {
    /** The owner's model. */
    VICTIM(false),
    /** Derived from one victim: fine-tuned, pruned, transferred or extracted. */
    STOLEN(false),
    /** The victim's architecture, data and recipe with another seed: its hardest negative. */
    TWIN(true),
    /** A student's architecture, attacker data, epochs and optimiser with true labels instead of the victim's. */
    MATCHED(true),
    /** Trained from scratch on the attacker's data with true labels, of another architecture or recipe. */
    INDEPENDENT(true),
    /** An independent model of the corrupted (transfer) task: the negatives of transferred copies. */
    CORRUPTED(true);

    private final boolean negative;

    Role(boolean negative) {
        this.negative = negative;
    }

    /** Whether models of this role are negatives (not derived from the victim they are compared with). */
    public boolean negative() {
        return negative;
    }

    /** A lower-case name, as the PyTorch zoo's manifest spells it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The role of a manifest's {@code role} field.
     *
     * @throws IllegalArgumentException naming the value and the accepted ones
     */
    public static Role parse(String label) {
        for (Role r : values()) {
            if (r.label().equals(label)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown role '" + label + "': expected one of victim, stolen, twin, matched, "
                + "independent, corrupted");
    }

    /** The role of a DL4J zoo member of {@code family}. */
    public static Role of(Family family) {
        if (family.stolen()) {
            return STOLEN;
        }
        return switch (family) {
            case VICTIM -> VICTIM;
            case TWIN -> TWIN;
            case MATCHED -> MATCHED;
            case INDEPENDENT -> INDEPENDENT;
            case INDEPENDENT_TRANSFER -> CORRUPTED;
            default -> throw new AssertionError(family);
        };
    }
}
