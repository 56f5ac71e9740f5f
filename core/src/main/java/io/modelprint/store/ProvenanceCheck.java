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
package io.modelprint.store;

import io.modelprint.Provenance;
import io.modelprint.QuerySet;
import io.modelprint.scheme.FingerprintScheme;
import io.modelprint.scheme.Schemes;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds a stored fingerprint's provenance to its query set, so that a file whose parameters say
 * one thing while its queries are another is refused instead of verified under the wrong scheme:
 * <ul>
 *   <li>a parameter that provenance and query set both record has one value;</li>
 *   <li>a {@code queries} parameter (or a combination's {@code <scheme>.queries}, summed over its
 *       {@code schemes}) counts the images stored;</li>
 *   <li>when the scheme is on the class path ({@link Schemes}), it accepts the parameters, and
 *       its query builder has the stored builder's name and makes as many queries as are stored.
 *       A scheme that is not on the class path (a plug-in of another application) is not checked
 *       against its registry entry.</li>
 * </ul>
 * Every check throws {@link IllegalArgumentException} naming the fields; the reader turns it into
 * an {@code INCONSISTENT_PROVENANCE} {@link FingerprintFileException}.
 */
final class ProvenanceCheck {

    private static final Logger LOG = LoggerFactory.getLogger(ProvenanceCheck.class);

    private ProvenanceCheck() {
    }

    static void check(Provenance provenance, QuerySet querySet) {
        Map<String, String> scheme = provenance.parameters();
        Map<String, String> queries = querySet.parameters();
        for (Map.Entry<String, String> e : queries.entrySet()) {
            String p = scheme.get(e.getKey());
            if (p != null && !p.equals(e.getValue())) {
                throw new IllegalArgumentException("provenance.parameters." + e.getKey() + " is '" + p
                        + "' but querySet.parameters." + e.getKey() + " is '" + e.getValue() + "'");
            }
        }
        countsImages(scheme, "provenance.parameters", querySet.size());
        countsImages(queries, "querySet.parameters", querySet.size());
        FingerprintScheme<?> registered;
        if (!Schemes.providers().containsKey(provenance.scheme())) {
            LOG.debug("scheme {} is not on the class path: its provenance is not checked against the registry",
                    provenance.scheme());
            return;
        }
        try {
            registered = Schemes.create(provenance.scheme(), scheme);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("scheme " + provenance.scheme() + " refuses the recorded parameters "
                    + scheme + ": " + e.getMessage(), e);
        }
        String builder = registered.queryBuilder().name();
        if (!builder.equals(querySet.builder())) {
            throw new IllegalArgumentException("scheme " + provenance.scheme() + " builds its queries with '" + builder
                    + "' but querySet.builder is '" + querySet.builder() + "'");
        }
        int size = registered.queryBuilder().size();
        if (size != querySet.size()) {
            throw new IllegalArgumentException("scheme " + provenance.scheme() + " with the recorded parameters makes "
                    + size + " queries but " + querySet.size() + " images are stored");
        }
    }

    private static void countsImages(Map<String, String> parameters, String where, int stored) {
        String own = parameters.get("queries");
        if (own != null) {
            if (!own.equals(Integer.toString(stored))) {
                throw new IllegalArgumentException(where + ".queries is '" + own + "' but " + stored
                        + " images are stored");
            }
            return;
        }
        String schemes = parameters.get("schemes");
        if (schemes == null) {
            return;
        }
        long sum = 0;
        for (String s : schemes.split(",")) {
            String part = parameters.get(s.strip() + ".queries");
            if (part == null) {
                return;   // a component that records no count: nothing to add up
            }
            try {
                sum += Long.parseLong(part);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(where + "." + s.strip() + ".queries is '" + part
                        + "', not a count", e);
            }
        }
        if (sum != stored) {
            throw new IllegalArgumentException(where + " count " + sum + " queries over the schemes " + schemes
                    + " but " + stored + " images are stored");
        }
    }
}
