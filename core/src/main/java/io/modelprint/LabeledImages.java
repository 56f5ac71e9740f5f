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

import java.util.Arrays;

/**
 * Images with their true class labels: the owner's data that query sets are drawn from, and the
 * data models are trained and scored on.
 *
 * <pre>{@code
 * LabeledImages test = FashionMnist.load(dir).test();
 * LabeledImages first100 = test.slice(0, 100);
 * }</pre>
 *
 * @param images     the images
 * @param labels     one label per image, each in {@code [0, numClasses)}
 * @param numClasses how many classes the task has
 */
public record LabeledImages(ImageBatch images, int[] labels, int numClasses) {

    /** Checks that labels match images and lie in range. */
    public LabeledImages {
        if (images == null || labels == null) {
            throw new IllegalArgumentException("images and labels must not be null");
        }
        if (numClasses < 2) {
            throw new IllegalArgumentException("a classification task needs at least 2 classes, got " + numClasses);
        }
        labels = labels.clone();
        if (images.count() != labels.length) {
            throw new IllegalArgumentException(images.count() + " images but " + labels.length
                    + " labels: give one label per image");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= numClasses) {
                throw new IllegalArgumentException("label of image " + i + " is " + labels[i]
                        + ", outside [0, " + numClasses + ")");
            }
        }
    }

    /** The labels (a copy). */
    @Override
    public int[] labels() {
        return labels.clone();
    }

    /** Number of images. */
    public int size() {
        return labels.length;
    }

    /** Images {@code from} (inclusive) to {@code to} (exclusive). */
    public LabeledImages slice(int from, int to) {
        return new LabeledImages(images.slice(from, to), Arrays.copyOfRange(labels, from, to), numClasses);
    }

    /** The images at {@code indices}, in that order. */
    public LabeledImages select(int[] indices) {
        int[] l = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            l[i] = labels[indices[i]];
        }
        return new LabeledImages(images.select(indices), l, numClasses);
    }

    /** The same images with other labels (for example a victim's answers, to train a student). */
    public LabeledImages relabel(int[] newLabels) {
        return new LabeledImages(images, newLabels, numClasses);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabeledImages d && d.numClasses == numClasses && d.images.equals(images)
                && Arrays.equals(d.labels, labels);
    }

    @Override
    public int hashCode() {
        return 31 * images.hashCode() + Arrays.hashCode(labels);
    }

    @Override
    public String toString() {
        return "LabeledImages[" + size() + " x " + images.shape() + ", " + numClasses + " classes]";
    }
}
