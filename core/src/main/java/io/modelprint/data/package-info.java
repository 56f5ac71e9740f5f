/**
 * Images to draw queries from and to train and score models on: the IDX reader and the
 * Fashion-MNIST loader. Before the pipeline: the owner data its first stage draws from. Uses the
 * API only.
 *
 * <pre>{@code
 * LabeledImages test = FashionMnist.load().test();
 * }</pre>
 */
package io.modelprint.data;
