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

import io.modelprint.LabeledImages;
import io.modelprint.data.FashionMnist;

/**
 * The data split of a benchmark zoo: the owner trains the victim (and its twins) on one part,
 * attacks and independent models use another, and the test set serves queries and accuracy.
 *
 * <pre>{@code
 * ZooData split = ZooData.of(FashionMnist.load());
 * LabeledImages attacker = split.attacker();
 * }</pre>
 *
 * @param owner    the owner's training images
 * @param attacker the attacker's images
 * @param test     held-out images: query sets and accuracy
 */
public record ZooData(LabeledImages owner, LabeledImages attacker, LabeledImages test) {

    /** Validates. */
    public ZooData {
        if (owner == null || attacker == null || test == null) {
            throw new IllegalArgumentException("owner, attacker and test data must be given");
        }
        if (owner.size() == 0 || attacker.size() == 0 || test.size() == 0) {
            throw new IllegalArgumentException("empty data split: owner " + owner.size() + ", attacker "
                    + attacker.size() + ", test " + test.size());
        }
    }

    /**
     * The Fashion-MNIST split: with the training set, its two halves for owner and attacker and
     * the test set for queries; with only the shipped test set, 4,000 / 4,000 / 2,000 of it.
     */
    public static ZooData of(FashionMnist data) {
        if (data.train().isPresent()) {
            LabeledImages train = data.train().get();
            int half = train.size() / 2;
            return new ZooData(train.slice(0, half), train.slice(half, train.size()), data.test());
        }
        LabeledImages t = data.test();
        return new ZooData(t.slice(0, 4000), t.slice(4000, 8000), t.slice(8000, t.size()));
    }

    /**
     * A name for the data behind this split, part of the cache path: models trained on other data
     * are never mistaken for these.
     */
    public String tag() {
        return "fashion-mnist-" + owner.size() + "-" + attacker.size() + "-" + test.size();
    }

    /** Whether this split comes from the full training set. */
    public boolean isFull() {
        return owner.size() > 10_000;
    }
}
