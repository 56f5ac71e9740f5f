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

import java.util.concurrent.atomic.AtomicLong;

/**
 * The base of every model adapter: validates inputs and answers, splits large batches, and
 * counts queries, so that adapters only implement {@link #answer(ImageBatch)}.
 *
 * <p>Checks done here, each failing with a message that names the model and the values:
 * an empty batch or images of another shape ({@link IllegalArgumentException}); answers with the
 * wrong number of rows, the wrong class count, the wrong kind, or non-finite values
 * ({@link ModelException}).
 *
 * <pre>{@code
 * class MyModel extends AbstractModel {
 *     MyModel() { super("mine", new ImageShape(1, 28, 28), 10, OutputKind.LOGITS); }
 *     protected Predictions answer(ImageBatch batch) { ... }
 * }
 * }</pre>
 */
public abstract class AbstractModel implements Model {

    /** Default largest batch passed to {@link #answer(ImageBatch)} at once. */
    public static final int DEFAULT_BATCH_SIZE = 256;

    private final String name;
    private final ImageShape inputShape;
    private final int numClasses;
    private final OutputKind outputKind;
    private final AtomicLong queries = new AtomicLong();
    private volatile int batchSize = DEFAULT_BATCH_SIZE;

    /**
     * @param name       a name for logs and reports
     * @param inputShape the image shape the model takes
     * @param numClasses number of classes, at least 2
     * @param outputKind what it answers
     */
    protected AbstractModel(String name, ImageShape inputShape, int numClasses, OutputKind outputKind) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a model needs a non-blank name");
        }
        if (inputShape == null || outputKind == null) {
            throw new IllegalArgumentException("model " + name + ": input shape and output kind must be given");
        }
        if (numClasses < 2) {
            throw new IllegalArgumentException("model " + name + ": a classifier has at least 2 classes, got "
                    + numClasses);
        }
        this.name = name;
        this.inputShape = inputShape;
        this.numClasses = numClasses;
        this.outputKind = outputKind;
    }

    /**
     * Answers a batch that has already been checked: non-empty, of the model's input shape and at
     * most {@link #batchSize()} images. Return {@link Predictions} of this model's kind. Do not
     * change the batch's pixels: they may be a stored fingerprint's query set.
     */
    protected abstract Predictions answer(ImageBatch batch);

    /**
     * Checks that {@code batch} holds images this model takes: every entry point that accepts
     * images (white-box methods too) calls this first.
     *
     * @throws IllegalArgumentException if the batch is empty or its images have another shape
     */
    protected final void checkBatch(ImageBatch batch) {
        if (batch == null || batch.isEmpty()) {
            throw new IllegalArgumentException("model " + name + " was given no images: pass at least one");
        }
        if (!batch.shape().equals(inputShape)) {
            throw new IllegalArgumentException("model " + name + " takes images of shape " + inputShape
                    + " (channels x height x width), got " + batch.shape());
        }
    }

    @Override
    public final Predictions predict(ImageBatch batch) {
        checkBatch(batch);
        admit(batch.count());
        Predictions all = null;
        int step = batchSize;
        for (int from = 0; from < batch.count(); from += step) {
            int to = Math.min(batch.count(), from + step);
            ImageBatch part = from == 0 && to == batch.count() ? batch : batch.slice(from, to);
            Predictions p = checked(part.count(), callAnswer(part));
            queries.addAndGet(part.count());
            all = all == null ? p : all.concat(p);
        }
        return all;
    }

    /**
     * Called once per {@link #predict} with the number of images, before any of them is answered.
     * Adapters that must refuse work up front (a query budget) throw a {@link ModelException}
     * here, so that no part of the batch is spent; the default accepts everything.
     */
    protected void admit(int images) {
    }

    private Predictions callAnswer(ImageBatch part) {
        try {
            return answer(part);
        } catch (ModelException | IllegalArgumentException e) {
            throw e instanceof ModelException me ? me : new ModelException("model " + name + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new ModelException("model " + name + " failed on a batch of " + part.count() + " images: " + e, e);
        }
    }

    private Predictions checked(int expected, Predictions p) {
        if (p == null) {
            throw new ModelException("model " + name + " returned no answer for " + expected + " images");
        }
        if (p.count() != expected) {
            throw new ModelException("model " + name + " answered " + p.count() + " rows for " + expected
                    + " images: one answer per image is required");
        }
        if (p.numClasses() != numClasses) {
            throw new ModelException("model " + name + " answered " + p.numClasses() + " classes but declares "
                    + numClasses);
        }
        if (p.kind() != outputKind) {
            throw new ModelException("model " + name + " answered " + p.kind() + " but declares " + outputKind);
        }
        return p;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final ImageShape inputShape() {
        return inputShape;
    }

    @Override
    public final int numClasses() {
        return numClasses;
    }

    @Override
    public final OutputKind outputKind() {
        return outputKind;
    }

    @Override
    public final long queryCount() {
        return queries.get();
    }

    /** Largest batch passed to {@link #answer(ImageBatch)} at once. */
    public int batchSize() {
        return batchSize;
    }

    /** Sets the largest batch passed to {@link #answer(ImageBatch)} at once; returns this model. */
    public AbstractModel withBatchSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + size);
        }
        this.batchSize = size;
        return this;
    }

    @Override
    public String toString() {
        return name + " (" + inputShape + " -> " + numClasses + " " + outputKind + ")";
    }
}
