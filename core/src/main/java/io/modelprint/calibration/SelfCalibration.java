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
package io.modelprint.calibration;

import io.modelprint.LabeledImages;
import io.modelprint.Model;
import io.modelprint.ProgressListener;
import io.modelprint.query.SampleSelection;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a verifier calibrates itself when it is given no reference models: the owner's labelled
 * data is split in two by a seed, queries are drawn from one half and independent reference
 * models are trained on the other (by a {@link ReferenceTrainer}), so that no reference has seen
 * a query. Trained references are cached by the content of their training data, the count, the
 * seed and the trainer, so verifiers of several schemes over the same owner data train them once.
 *
 * <pre>{@code
 * SelfCalibration.Split split = SelfCalibration.split(ownerData, 3);
 * List<Model> refs = SelfCalibration.references(trainer, split.training(), 8, 3, ProgressListener.NONE);
 * QuerySet q = scheme.queryBuilder().build(victim, split.queries(), 3);
 * }</pre>
 */
public final class SelfCalibration {

    /** The fewest owner samples a split needs: two halves of 1,000. */
    public static final int MIN_OWNER_SAMPLES = 2000;

    /** References trained when none are given. */
    public static final int DEFAULT_REFERENCES = 8;

    private static final Logger LOG = LoggerFactory.getLogger(SelfCalibration.class);
    private static final int CACHED = 4;
    private static final Map<String, List<Model>> CACHE = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<Model>> eldest) {
            return size() > CACHED;
        }
    };

    private SelfCalibration() {
    }

    /**
     * The owner's data in two halves: queries are drawn from one, references trained on the other.
     *
     * @param queries  the half queries are drawn from
     * @param training the half references are trained on
     */
    public record Split(LabeledImages queries, LabeledImages training) {
    }

    /**
     * Splits {@code ownerData} in two halves, by a shuffle seeded with {@code seed}.
     *
     * @throws IllegalArgumentException with fewer than {@value #MIN_OWNER_SAMPLES} samples
     */
    public static Split split(LabeledImages ownerData, long seed) {
        int n = ownerData.size();
        if (n < MIN_OWNER_SAMPLES) {
            throw new IllegalArgumentException("self-calibration needs at least " + MIN_OWNER_SAMPLES
                    + " labelled owner samples (half for queries, half to train references), got " + n
                    + ": give more owner data, or reference models");
        }
        int[][] halves = splitIndices(n, seed);
        return new Split(ownerData.select(halves[0]), ownerData.select(halves[1]));
    }

    /**
     * The indices of {@link #split}'s two halves of {@code n} owner samples, each in the owner's
     * order: {@code [0]} the query half, {@code [1]} the half references are trained on. For
     * analyses that replay a verdict outside the verifier.
     *
     * <pre>{@code
     * int[] trainedOn = SelfCalibration.splitIndices(10_000, FingerprintVerifier.DEFAULT_SEED)[1];
     * }</pre>
     *
     * @throws IllegalArgumentException if {@code n} is below 2
     */
    public static int[][] splitIndices(int n, long seed) {
        if (n < 2) {
            throw new IllegalArgumentException("splitting owner data in two halves needs at least 2 samples, got " + n);
        }
        int[] order = SampleSelection.permutation(n, new SplittableRandom(seed ^ 0x5DEECE66DL));
        int[] first = Arrays.copyOfRange(order, 0, n / 2);
        int[] second = Arrays.copyOfRange(order, n / 2, n);
        Arrays.sort(first);   // keep the owner's order within each half
        Arrays.sort(second);
        return new int[][] {first, second};
    }

    /**
     * {@code count} references trained by {@code trainer} on {@code training}, from the cache when
     * the same were trained before in this JVM.
     */
    public static List<Model> references(ReferenceTrainer trainer, LabeledImages training, int count, long seed,
                                         ProgressListener progress) {
        Objects.requireNonNull(trainer, "trainer");
        String key = trainer.getClass().getName() + "/" + trainer.description() + "/" + count + "/" + seed + "/"
                + training.images().sha256() + "/" + Arrays.hashCode(training.labels());
        synchronized (CACHE) {
            List<Model> cached = CACHE.get(key);
            if (cached != null) {
                return cached;
            }
        }
        long t0 = System.nanoTime();
        List<Model> trained = List.copyOf(trainer.train(training, count, seed, progress));
        if (trained.size() != count) {
            throw new IllegalStateException("reference trainer " + trainer.description() + " returned " + trained.size()
                    + " models, " + count + " were asked for");
        }
        LOG.info("trained {} reference models on {} owner samples in {} s ({})", count, training.size(),
                (System.nanoTime() - t0) / 1_000_000_000L, trainer.description());
        synchronized (CACHE) {
            CACHE.put(key, trained);
        }
        return trained;
    }
}
