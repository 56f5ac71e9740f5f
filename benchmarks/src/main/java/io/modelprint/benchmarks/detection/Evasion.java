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
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A way a thief may disguise a suspect before it is queried (issue 14: output rounding,
 * top-k truncation, input transformations, ...): a named wrapper applied to every suspect of a
 * run, stolen or not, so that the ROC compares like with like. {@link #NONE} leaves suspects as
 * they are. The wrappers themselves live in {@code io.modelprint.evasion}.
 *
 * <pre>{@code
 * Evasion rounding = new Evasion("round-2", suspect -> Models.of(suspect.name(), suspect.inputShape(),
 *         suspect.numClasses(), suspect.outputKind(), batch -> round(suspect.predict(batch), 2)));
 * DetectionResults r = DetectionRun.score(zoos, config.withEvasions(List.of(Evasion.NONE, rounding)));
 * }</pre>
 *
 * @param name how tables name it
 * @param wrap makes the disguised suspect from the suspect
 */
public record Evasion(String name, UnaryOperator<Model> wrap) {

    /** The suspect as it is. */
    public static final Evasion NONE = new Evasion("none", UnaryOperator.identity());

    /** Validates. */
    public Evasion {
        if (name == null || name.isBlank() || name.contains(",")) {
            throw new IllegalArgumentException("an evasion needs a name without commas, got '" + name + "'");
        }
        Objects.requireNonNull(wrap, "wrap");
    }

    /** The disguised suspect. */
    public Model apply(Model suspect) {
        return Objects.requireNonNull(wrap.apply(suspect), "evasion " + name + " gave no model");
    }
}
