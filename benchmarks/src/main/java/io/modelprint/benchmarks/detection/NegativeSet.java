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

import java.util.Set;

/**
 * Which negatives a stolen family is scored against. Every set but the transfer task's own adds,
 * for copies transferred to the corrupted task, the independent models of that task: a transferred
 * copy is scored against the corrupted-task independents plus the set's other negatives.
 *
 * <pre>{@code
 * double auc = results.auc(scheme, Evasion.NONE.name(), victim, "extract-labels", NegativeSet.MATCHED);
 * }</pre>
 */
public enum NegativeSet {
    /** (a) Every negative: twins, student-matched, independent and corrupted-task models. */
    ALL("all negatives", Set.of(Role.TWIN, Role.MATCHED, Role.INDEPENDENT, Role.CORRUPTED)),
    /** (b) Every negative but the victim's twins. */
    WITHOUT_TWINS("without twins", Set.of(Role.MATCHED, Role.INDEPENDENT, Role.CORRUPTED)),
    /** (c) The victim's twins only (its architecture, data and recipe, other seeds). */
    TWINS("twins only", Set.of(Role.TWIN)),
    /** (d) The student-matched models only (a student's recipe with true labels). */
    MATCHED("student-matched only", Set.of(Role.MATCHED));

    private final String label;
    @SuppressWarnings("ImmutableEnumChecker") // Set.of is unmodifiable; Error Prone only knows Guava's types
    private final Set<Role> roles;

    NegativeSet(String label, Set<Role> roles) {
        this.label = label;
        this.roles = roles;
    }

    /** How tables name it. */
    public String label() {
        return label;
    }

    /**
     * Whether a negative of {@code role} is in the set for a positive that does
     * ({@code transferTask}) or does not solve the corrupted task.
     */
    public boolean includes(Role role, boolean transferTask) {
        return roles.contains(role) || (transferTask && role == Role.CORRUPTED);
    }
}
