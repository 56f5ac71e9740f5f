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

import io.modelprint.Model;
import java.util.Map;
import java.util.Objects;

/**
 * One model of a benchmark zoo, in either framework: who it is, what it is to the victims of its
 * split, how it was made, and the model itself.
 *
 * <pre>{@code
 * for (BenchmarkMember m : zoo.suspectsOf(victim)) {
 *     Verdict v = verifier.verify(fingerprint, m.model());
 *     LOG.info("{} ({} {}, fidelity {}): {}", m.name(), m.role().label(), m.family(), m.fidelity().get(victim.victim()), v);
 * }
 * }</pre>
 *
 * @param framework     how it was trained and how it is loaded
 * @param split         {@code dev} or {@code test}
 * @param victim        the victim it belongs to (its own name for a victim; for stolen copies and
 *                      twins their victim's), or null for the negatives every victim of the split shares
 * @param name          unique within its zoo, such as {@code dev/v-bn/prune-50}
 * @param role          what it is
 * @param family        the stolen family ({@link StolenFamilies}), or null unless stolen
 * @param architecture  its architecture's name
 * @param recipe        how it was trained, as the zoo records it (epochs, learning rate, knobs)
 * @param queries       queries its attack sent to the victim's API (extraction), 0 for none
 * @param accuracy      accuracy on the test set of its own task (the corrupted one for transfer)
 * @param transferTask  whether it solves the corrupted transfer task rather than the victim's
 * @param fidelity      agreement with each victim of its split on the clean test set, by victim name
 * @param model         the model, loaded as a user loads it
 */
public record BenchmarkMember(Framework framework, String split, String victim, String name, Role role, String family,
                              String architecture, Map<String, String> recipe, long queries, double accuracy,
                              boolean transferTask, Map<String, Double> fidelity, Model model) {

    /** Validates and copies the maps. */
    public BenchmarkMember {
        Objects.requireNonNull(framework, "framework");
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(model, "model");
        if ((role == Role.STOLEN) != (family != null)) {
            throw new IllegalArgumentException("zoo model " + name + ": a stolen model has a family and only a stolen "
                    + "one, got role " + role.label() + " and family " + family);
        }
        if ((role == Role.STOLEN || role == Role.TWIN || role == Role.VICTIM) && victim == null) {
            throw new IllegalArgumentException("zoo model " + name + " is a " + role.label() + " but names no victim");
        }
        recipe = Map.copyOf(recipe);
        fidelity = Map.copyOf(fidelity);
    }

    /** Where its victim (or, for a victim, itself) sits: {@code framework/split/victim}. */
    public String victimKey() {
        return framework.label() + "/" + split + "/" + victim;
    }

    /** Whether it is compared with {@code v}: its own copies and twins, and the negatives its split shares. */
    public boolean belongsTo(BenchmarkMember v) {
        if (v.role() != Role.VICTIM || role == Role.VICTIM || framework != v.framework() || !split.equals(v.split())) {
            return false;
        }
        return victim == null ? role.negative() : victim.equals(v.victim());
    }
}
