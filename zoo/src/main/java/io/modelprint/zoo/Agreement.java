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

import io.modelprint.ImageBatch;
import io.modelprint.LabeledImages;
import io.modelprint.Model;

/**
 * Accuracy of a model and its agreement (fidelity) with another: the figures a benchmark reports
 * beside each distance.
 *
 * <pre>{@code
 * double acc = Agreement.accuracy(model, testSet);
 * double fidelity = Agreement.agreement(victim, suspect, testSet.images());
 * }</pre>
 */
public final class Agreement {

    private Agreement() {
    }

    /** Fraction of {@code data} that {@code model} labels correctly. */
    public static double accuracy(Model model, LabeledImages data) {
        return fraction(model.predict(data.images()).labels(), data.labels());
    }

    /** Fraction of {@code images} on which the two models give the same top-1 label. */
    public static double agreement(Model a, Model b, ImageBatch images) {
        return fraction(a.predict(images).labels(), b.predict(images).labels());
    }

    /** Fraction of positions where two label vectors agree. */
    public static double fraction(int[] x, int[] y) {
        if (x.length != y.length || x.length == 0) {
            throw new IllegalArgumentException("label vectors must be non-empty and of equal length, got "
                    + x.length + " and " + y.length);
        }
        int same = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] == y[i]) {
                same++;
            }
        }
        return (double) same / x.length;
    }
}
