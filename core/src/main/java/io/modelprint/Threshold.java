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
package io.modelprint;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.OptionalDouble;

/**
 * The distance below which a suspect is judged stolen, and where that number came from.
 *
 * <p>A distance alone does not tell a user what to do; a threshold with its source and its
 * false-positive estimate does. A threshold calibrated on reference models that differ in
 * competence is set for the suspect at hand (see {@code io.modelprint.calibration.Calibration}),
 * so two verdicts against one fingerprint may quote different values.
 *
 * <pre>{@code
 * Threshold t = Threshold.user(0.05);
 * boolean stolen = t.isStolen(0.012);  // true
 * }</pre>
 *
 * <p>Written by Jackson as {@code {"value": 0.03, "source": "MEASURED_DEFAULT", "targetFpr": 0.05,
 * "description": "..."}}, {@code targetFpr} {@code null} when unknown.
 *
 * @param value        stolen when the distance is strictly below this
 * @param source       where the value came from
 * @param targetFpr    the false-positive rate it aims at (calibrated thresholds) or the rate measured at
 *                     it on the benchmark (measured defaults); empty if unknown
 * @param description  one sentence a user can read: how it was set, from what evidence
 */
@JsonSerialize(using = JsonForms.ThresholdSerializer.class)
public record Threshold(double value, Source source, OptionalDouble targetFpr, String description) {

    /**
     * Where a threshold came from.
     *
     * <pre>{@code
     * if (verdict.threshold().source() == Threshold.Source.MEASURED_DEFAULT) {
     *     LOG.info("no references given: {}", verdict.threshold().description());
     * }
     * }</pre>
     */
    public enum Source {
        /** Set from the distances of independent reference models the user supplied. */
        REFERENCE_MODELS,
        /** Set from the distances of independent reference models the verifier trained itself on the owner's data. */
        TRAINED_REFERENCES,
        /** The scheme's documented default, measured on the Fashion-MNIST benchmark. */
        MEASURED_DEFAULT,
        /** Given by the user. */
        USER;

        /** Whether the threshold was calibrated on reference models for this victim. */
        public boolean isCalibrated() {
            return this == REFERENCE_MODELS || this == TRAINED_REFERENCES;
        }
    }

    /** Validates the value. */
    public Threshold {
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException("a threshold must be a finite distance >= 0, got " + value);
        }
        if (source == null) {
            throw new IllegalArgumentException("a threshold must say where it came from");
        }
        targetFpr = targetFpr == null ? OptionalDouble.empty() : targetFpr;
        if (targetFpr.isPresent() && !(targetFpr.getAsDouble() >= 0 && targetFpr.getAsDouble() < 1)) {
            throw new IllegalArgumentException("a threshold's false-positive rate must be in [0, 1), got "
                    + targetFpr.getAsDouble());
        }
        description = description == null ? "" : description;
    }

    /** A threshold chosen by the user. */
    public static Threshold user(double value) {
        return new Threshold(value, Source.USER, OptionalDouble.empty(), "set by the user");
    }

    /** Whether a suspect at {@code distance} is judged stolen: {@code distance < value}. */
    public boolean isStolen(double distance) {
        return distance < value;
    }
}
