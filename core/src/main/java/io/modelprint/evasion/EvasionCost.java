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
package io.modelprint.evasion;

import io.modelprint.LabeledImages;
import io.modelprint.Model;

/**
 * What an evasion costs the thief on natural data: the top-1 accuracy of the model as it is and
 * as the evasion serves it, on the same labelled images, and how often the two agree. An evasion
 * that costs nothing is free to deploy; one that costs points shows in the thief's own service.
 *
 * <pre>{@code
 * EvasionCost c = EvasionCost.measure(stolen, Evasions.roundedProbabilities(stolen, 1), naturalTest);
 * LOG.info("rounding costs {} points of accuracy", 100 * c.accuracyLoss());
 * }</pre>
 *
 * @param evasion          the evaded model's name
 * @param images           how many labelled images were answered
 * @param accuracy         the model's accuracy without the evasion
 * @param evadedAccuracy   its accuracy with it
 * @param agreement        the share of images on which both give the same top-1 label
 */
public record EvasionCost(String evasion, int images, double accuracy, double evadedAccuracy, double agreement) {

    /**
     * Asks {@code model} and {@code evaded} about every image of {@code natural} once.
     *
     * @throws IllegalArgumentException if the models and the data do not share their classes
     */
    public static EvasionCost measure(Model model, Model evaded, LabeledImages natural) {
        if (model == null || evaded == null || natural == null) {
            throw new IllegalArgumentException("an evasion's cost needs the model, the evaded model and labelled images");
        }
        if (model.numClasses() != natural.numClasses() || evaded.numClasses() != natural.numClasses()) {
            throw new IllegalArgumentException("the labelled images have " + natural.numClasses() + " classes, "
                    + model.name() + " answers " + model.numClasses() + " and " + evaded.name() + " "
                    + evaded.numClasses() + ": measure on the models' own task");
        }
        int[] truth = natural.labels();
        int[] plain = model.predict(natural.images()).labels();
        int[] served = evaded.predict(natural.images()).labels();
        int right = 0;
        int rightEvaded = 0;
        int same = 0;
        for (int i = 0; i < truth.length; i++) {
            right += plain[i] == truth[i] ? 1 : 0;
            rightEvaded += served[i] == truth[i] ? 1 : 0;
            same += plain[i] == served[i] ? 1 : 0;
        }
        double n = truth.length;
        return new EvasionCost(evaded.name(), truth.length, right / n, rightEvaded / n, same / n);
    }

    /** Accuracy lost to the evasion, as a fraction (0.02 is 2 points); negative if it helps. */
    public double accuracyLoss() {
        return accuracy - evadedAccuracy;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%s: accuracy %.4f -> %.4f (%+.2f points), agreement %.4f on %d images",
                evasion, accuracy, evadedAccuracy, -100 * accuracyLoss(), agreement, images);
    }
}
