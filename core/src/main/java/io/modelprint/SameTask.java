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

/**
 * The one check that two models, or a model and its data, solve the same task: the same image
 * shape and the same number of classes. Every stage that meets a second model (query builders,
 * distances, calibration, the facade) checks through here, so that all fail with the same kind of
 * message: what differs, both values, and what it means.
 *
 * <pre>{@code
 * SameTask.requireClasses("suspect " + suspect.name(), suspect.numClasses(), "victim " + victim.name(),
 *         victim.numClasses(), "the two models do not solve the same task");
 * // suspect api answers 9 classes, victim mine 10: the two models do not solve the same task
 * }</pre>
 */
public final class SameTask {

    private SameTask() {
    }

    /**
     * Checks that {@code subject} answers as many classes as {@code reference}.
     *
     * @param subject     what is checked, with its name, such as {@code "suspect api"}
     * @param classes     its class count
     * @param reference   what it must match, such as {@code "the victim"}
     * @param expected    that one's class count
     * @param consequence what a difference means or what to do
     * @throws IllegalArgumentException {@code "<subject> answers <classes> classes, <reference> <expected>: <consequence>"}
     */
    public static void requireClasses(String subject, int classes, String reference, int expected, String consequence) {
        if (classes != expected) {
            throw new IllegalArgumentException(subject + " answers " + classes + " classes, " + reference + " " + expected
                    + ": " + consequence);
        }
    }

    /**
     * Checks that {@code subject} takes images of {@code reference}'s shape.
     *
     * @throws IllegalArgumentException naming both shapes
     */
    public static void requireShape(String subject, ImageShape shape, String reference, ImageShape expected,
                                    String consequence) {
        if (!shape.equals(expected)) {
            throw new IllegalArgumentException(subject + " takes images of shape " + shape + ", " + reference + " "
                    + expected + ": " + consequence);
        }
    }

    /**
     * Checks that {@code victim} takes the owner's images; a null victim passes (for query
     * builders that do not need one).
     *
     * @throws IllegalArgumentException naming both shapes
     */
    public static void requireOwnerShape(Model victim, LabeledImages ownerData) {
        if (victim != null) {
            requireShape("victim " + victim.name(), victim.inputShape(), "the owner data", ownerData.images().shape(),
                    "queries are drawn from the owner data, so it must hold images the victim takes");
        }
    }

    /**
     * Checks that {@code victim} takes the owner's images and predicts its classes, for query
     * builders that compare the victim's labels with the truth.
     *
     * @throws IllegalArgumentException naming the shapes or class counts
     */
    public static void requireOwnerTask(Model victim, LabeledImages ownerData) {
        requireOwnerShape(victim, ownerData);
        requireClasses("victim " + victim.name(), victim.numClasses(), "the owner data", ownerData.numClasses(),
                "its labels must be of the victim's task");
    }
}
