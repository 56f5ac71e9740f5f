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
package io.modelprint.dl4j;

import io.modelprint.ImageBatch;
import io.modelprint.ImageShape;
import io.modelprint.ProgressListener;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a DL4J network with minibatch Adam, shuffling with a seed, and reports progress per
 * minibatch to a {@link ProgressListener}.
 *
 * <pre>{@code
 * MultiLayerNetwork net = Architecture.cnn(8, 16, 64).build(shape, 10, 1);
 * Trainer.fit(net, TrainingData.of(train), new Trainer.Config(5, 64, 1e-3, 1), "victim", listener);
 * }</pre>
 */
public final class Trainer {

    private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);

    private Trainer() {
    }

    /**
     * Training settings.
     *
     * <pre>{@code
     * Trainer.Config c = new Trainer.Config(5, 64, 1e-3, 7).withLearningRate(1e-4);
     * }</pre>
     *
     * @param epochs       passes over the data, at least 1
     * @param batchSize    examples per step, at least 1
     * @param learningRate Adam learning rate, &gt; 0
     * @param seed         seed of the shuffling
     */
    public record Config(int epochs, int batchSize, double learningRate, long seed) {

        /** Validates. */
        public Config {
            if (epochs < 1) {
                throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
            }
            if (batchSize < 1) {
                throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
            }
            if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
                throw new IllegalArgumentException("learning rate must be finite and > 0, got " + learningRate);
            }
        }

        /** The same settings with another number of epochs. */
        public Config withEpochs(int e) {
            return new Config(e, batchSize, learningRate, seed);
        }

        /** The same settings with another learning rate. */
        public Config withLearningRate(double lr) {
            return new Config(epochs, batchSize, lr, seed);
        }

        /** The same settings with another seed. */
        public Config withSeed(long s) {
            return new Config(epochs, batchSize, learningRate, s);
        }
    }

    /**
     * Trains {@code net} in place on {@code data}.
     *
     * @param task     a name for progress reports, such as {@code "victim"}
     * @param progress receives {@code (task, batches done, batches in all)}
     * @throws IllegalArgumentException if the data's class count differs from the network's
     */
    public static void fit(MultiLayerNetwork net, TrainingData data, Config config, String task,
                           ProgressListener progress) {
        fit(net, data, config, task, progress, StepHook.NONE);
    }

    /**
     * A hook run around each training step: it may replace the minibatch's features before the
     * step (adversarial training) and act on the network after it (re-applying a pruning mask).
     *
     * <pre>{@code
     * Trainer.fit(net, data, config, "adversarial", listener, new Pgd(4.0 / 256, 2.0 / 256, 3));
     * }</pre>
     */
    public interface StepHook {

        /** A hook that does nothing. */
        StepHook NONE = new StepHook() { };

        /** The features to train on for this step; {@code labels} are the minibatch targets. */
        default INDArray beforeStep(MultiLayerNetwork net, INDArray features, INDArray labels) {
            return features;
        }

        /** Called after each step. */
        default void afterStep(MultiLayerNetwork net) {
        }
    }

    /**
     * Trains {@code net} in place on {@code data}, calling {@code hook} around every step.
     *
     * @param task     a name for progress reports, such as {@code "victim"}
     * @param progress receives {@code (task, batches done, batches in all)}
     * @throws IllegalArgumentException if the data's class count differs from the network's
     */
    public static void fit(MultiLayerNetwork net, TrainingData data, Config config, String task,
                           ProgressListener progress, StepHook hook) {
        forEachMinibatch(net, data, config, task, progress, (features, labels) -> {
            net.fit(hook.beforeStep(net, features, labels), labels);
            hook.afterStep(net);
        });
        LOG.debug("{}: trained, loss {}", task, net.score());
    }

    /**
     * One training step on a minibatch, for recipes that train by a loss of their own
     * ({@link LogitTraining}).
     *
     * <pre>{@code
     * Trainer.forEachMinibatch(net, data, config, "defence", listener, (x, y) -> myStep(x, y));
     * }</pre>
     */
    @FunctionalInterface
    public interface MinibatchStep {

        /**
         * Trains on one minibatch.
         *
         * @param features the minibatch in the network's input layout
         * @param targets  its targets, one row per image
         */
        void run(INDArray features, INDArray targets);
    }

    /**
     * Runs {@code step} on every minibatch of {@code config.epochs()} shuffled passes over
     * {@code data}, exactly as {@link #fit} draws them (same seed, same minibatches), sets the
     * network's learning rate to the configured one and reports progress per minibatch.
     *
     * @throws IllegalArgumentException if the data's class count differs from the network's
     */
    public static void forEachMinibatch(MultiLayerNetwork net, TrainingData data, Config config, String task,
                                        ProgressListener progress, MinibatchStep step) {
        Dl4jNetwork handle = Dl4jNetwork.of(net, data.images().shape());
        if (handle.numClasses() != data.numClasses()) {
            throw new IllegalArgumentException("network " + task + " predicts " + handle.numClasses()
                    + " classes but the training data has " + data.numClasses());
        }
        net.setLearningRate(config.learningRate());
        int n = data.size();
        int batches = (n + config.batchSize() - 1) / config.batchSize();
        long total = (long) batches * config.epochs();
        SplittableRandom rng = new SplittableRandom(config.seed());
        ImageShape shape = data.images().shape();
        int per = shape.size();
        int classes = data.numClasses();
        float[] px = data.images().pixels();
        float[] tg = data.targets().data();
        long done = 0;
        progress.onProgress(task, 0, total);
        for (int epoch = 0; epoch < config.epochs(); epoch++) {
            int[] order = shuffled(n, rng);
            for (int b = 0; b < batches; b++) {
                int from = b * config.batchSize();
                int size = Math.min(config.batchSize(), n - from);
                float[] x = new float[size * per];
                float[] y = new float[size * classes];
                for (int i = 0; i < size; i++) {
                    int src = order[from + i];
                    System.arraycopy(px, src * per, x, i * per, per);
                    System.arraycopy(tg, src * classes, y, i * classes, classes);
                }
                step.run(handle.toInput(ImageBatch.of(shape, x)), Nd4j.create(y, new long[] {size, classes}, 'c'));
                progress.onProgress(task, ++done, total);
            }
            LOG.debug("{}: epoch {} of {}", task, epoch + 1, config.epochs());
        }
    }

    /** {@code 0 .. n-1} in the order a Fisher-Yates shuffle with {@code rng} gives. */
    public static int[] shuffled(int n, SplittableRandom rng) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }
}
