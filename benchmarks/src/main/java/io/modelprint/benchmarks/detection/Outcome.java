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

import io.modelprint.Verdict;
import java.util.Locale;

/**
 * What a verdict says, as the benchmark counts it.
 *
 * <pre>{@code
 * Outcome o = Outcome.of(verifier.verify(fingerprint, suspect));
 * }</pre>
 */
public enum Outcome {
    /** Called stolen. */
    STOLEN,
    /** Called independent. */
    INDEPENDENT,
    /** Neither: the evidence could not decide, and the verdict says why. */
    INCONCLUSIVE;

    /** The outcome of a verdict, inconclusive ones kept apart from those that clear the suspect. */
    public static Outcome of(Verdict v) {
        return switch (v.outcome()) {
            case STOLEN -> STOLEN;
            case INDEPENDENT -> INDEPENDENT;
            case INCONCLUSIVE -> INCONCLUSIVE;
        };
    }

    /** A lower-case name for tables. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
