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

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a victim fingerprint came from, so that a result can be reproduced and audited.
 *
 * <pre>{@code
 * Provenance p = fingerprint.provenance();
 * FingerprintScheme<?> again = Schemes.create(p.scheme(), p.parameters());   // what made it
 * }</pre>
 *
 * @param scheme          the scheme's name
 * @param parameters      the scheme's parameters
 * @param seed            the seed the query set was built with
 * @param querySetSha256  hash of the query images
 * @param victim          the victim's name
 * @param libraryVersion  the modelprint version that made it
 * @param createdAt       when it was made
 */
public record Provenance(String scheme, Map<String, String> parameters, long seed, String querySetSha256,
                         String victim, String libraryVersion, Instant createdAt) {

    /** Freezes the parameters. */
    public Provenance {
        if (scheme == null || parameters == null || querySetSha256 == null) {
            throw new IllegalArgumentException("provenance needs the scheme, its parameters and the query set's hash");
        }
        parameters = Collections.unmodifiableSortedMap(new TreeMap<>(parameters));
    }
}
