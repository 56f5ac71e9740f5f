package io.modelprint;

import java.util.Map;

/**
 * Chooses the inputs a fingerprint is read on: the first of a scheme's three parts.
 *
 * <p>SAC-m mixes owner samples with CutMix, SAC-w keeps samples the victim gets wrong, IPGuard
 * moves samples to the victim's decision boundary. Builders are deterministic: the same victim,
 * data and seed give the same query set.
 *
 * <pre>{@code
 * QuerySetBuilder b = new CutMixQueries(CutMixQueries.Config.defaults());
 * QuerySet q = b.build(victim, ownerData, 3);
 * }</pre>
 */
public interface QuerySetBuilder {

    /** A short name, such as {@code cutmix}. */
    String name();

    /** The builder's parameters by name, recorded in the query set's provenance. */
    Map<String, String> parameters();

    /**
     * Builds a query set.
     *
     * @param victim    the owner's model (some builders only check its input shape)
     * @param ownerData labelled owner samples to draw from
     * @param seed      the seed; the same seed gives the same query set
     * @param progress  receives progress of long builds
     * @throws IllegalArgumentException if the data cannot give the queries asked for; the message
     *                                  says how many were found and how many were asked
     */
    QuerySet build(Model victim, LabeledImages ownerData, long seed, ProgressListener progress);

    /** {@link #build(Model, LabeledImages, long, ProgressListener)} without progress reports. */
    default QuerySet build(Model victim, LabeledImages ownerData, long seed) {
        return build(victim, ownerData, seed, ProgressListener.NONE);
    }

    /**
     * Checks that {@code victim} takes the owner's images; a null victim passes (for builders
     * that do not need one).
     *
     * @throws IllegalArgumentException naming both shapes
     */
    static void requireSameShape(Model victim, LabeledImages ownerData) {
        if (victim != null && !victim.inputShape().equals(ownerData.images().shape())) {
            throw new IllegalArgumentException("owner data has images of shape " + ownerData.images().shape()
                    + " but victim " + victim.name() + " takes " + victim.inputShape());
        }
    }

    /**
     * Checks that {@code victim} takes the owner's images and predicts its classes, for builders
     * that compare the victim's labels with the truth.
     *
     * @throws IllegalArgumentException naming the shapes or class counts
     */
    static void requireSameTask(Model victim, LabeledImages ownerData) {
        requireSameShape(victim, ownerData);
        if (victim.numClasses() != ownerData.numClasses()) {
            throw new IllegalArgumentException("victim " + victim.name() + " predicts " + victim.numClasses()
                    + " classes but the owner data has " + ownerData.numClasses());
        }
    }
}
