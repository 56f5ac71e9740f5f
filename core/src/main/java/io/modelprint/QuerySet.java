package io.modelprint;

import java.util.Map;
import java.util.TreeMap;

/**
 * The inputs a fingerprint is read on, and how they were made. Together with the victim's answers
 * to them this is an owner secret: a suspect sees only the images.
 *
 * <pre>{@code
 * QuerySet q = new CutMixQueries(CutMixQueries.Config.defaults()).build(victim, ownerData, 3);
 * Predictions answers = suspect.predict(q.inputs());
 * }</pre>
 *
 * @param inputs     the query images
 * @param builder    the name of the {@link QuerySetBuilder} that made them
 * @param parameters its parameters, by name (sorted)
 * @param seed       the seed they were made with
 * @param sha256     a hash of the images, for provenance
 */
public record QuerySet(ImageBatch inputs, String builder, Map<String, String> parameters, long seed, String sha256) {

    /** Validates and freezes the parameters. */
    public QuerySet {
        if (inputs == null) {
            throw new IllegalArgumentException("a query set needs its inputs");
        }
        if (inputs.count() < 2) {
            throw new IllegalArgumentException("a query set needs at least 2 queries (correlations are pairwise), got "
                    + inputs.count());
        }
        if (builder == null || builder.isBlank()) {
            throw new IllegalArgumentException("a query set must name the builder that made it");
        }
        parameters = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(parameters == null ? Map.of() : parameters));
        String actual = inputs.sha256();
        if (sha256 != null && !sha256.equals(actual)) {
            throw new IllegalArgumentException("the query set's images hash to " + actual + ", not to the given "
                    + sha256 + ": the images were changed");
        }
        sha256 = actual;
    }

    /** A query set whose hash is computed from {@code inputs}. */
    public static QuerySet of(ImageBatch inputs, String builder, Map<String, String> parameters, long seed) {
        return new QuerySet(inputs, builder, parameters, seed, null);
    }

    /** Number of queries. */
    public int size() {
        return inputs.count();
    }
}
