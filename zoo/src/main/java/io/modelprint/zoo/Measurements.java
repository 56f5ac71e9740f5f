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

import java.util.Arrays;
import java.util.Locale;

/**
 * What was measured of a trained zoo model, recorded beside its file so that a second build reads
 * it instead of measuring again.
 *
 * <pre>{@code
 * Measurements m = zoo.members().get(0).measurements();
 * System.out.printf("accuracy %.3f, fidelity %.3f%n", m.accuracy(), m.fidelity());
 * double toOther = m.agreement(otherVictim.measurements());   // fidelity to another victim
 * }</pre>
 *
 * @param accuracy     accuracy on the test set of its own task
 * @param fidelity     agreement with its victim's labels on the clean test set (a shared member of a
 *                     zoo of several victims: with the first victim's; use {@link #agreement} for the others)
 * @param trainSeconds wall time it took to train, NaN if unknown
 * @param testLabels   its labels on the clean test set, in order
 */
public record Measurements(double accuracy, double fidelity, double trainSeconds, int[] testLabels) {

    /** Validates and copies the labels. */
    public Measurements {
        if (testLabels == null) {
            throw new IllegalArgumentException("the test-set labels must be given");
        }
        testLabels = testLabels.clone();
    }

    /** Its labels on the clean test set (a copy). */
    @Override
    public int[] testLabels() {
        return testLabels.clone();
    }

    /** The share of the clean test set on which this model and {@code other} give the same label. */
    public double agreement(Measurements other) {
        return Agreement.fraction(testLabels, other.testLabels);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Measurements m && Double.compare(m.accuracy, accuracy) == 0
                && Double.compare(m.fidelity, fidelity) == 0 && Double.compare(m.trainSeconds, trainSeconds) == 0
                && Arrays.equals(m.testLabels, testLabels);
    }

    @Override
    public int hashCode() {
        return 31 * Double.hashCode(accuracy) + 17 * Double.hashCode(fidelity) + Arrays.hashCode(testLabels);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Measurements[accuracy=%.4f, fidelity=%.4f, trainSeconds=%.1f, %d test labels]",
                accuracy, fidelity, trainSeconds, testLabels.length);
    }
}
