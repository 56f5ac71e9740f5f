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
package io.modelprint.fingerprint;

import io.modelprint.Fingerprint;
import io.modelprint.OutputKind;
import java.util.List;

/**
 * The fingerprints of several schemes, each read on its own part of one combined query set.
 *
 * <pre>{@code
 * CombinedFingerprint fp = (CombinedFingerprint) combined.extractor(OutputKind.LOGITS).extract(answers);
 * Fingerprint sacPart = fp.parts().get(0);
 * }</pre>
 *
 * @param scheme         the combined scheme's name
 * @param representation what the suspect's answers allow (each part uses what its scheme prefers, up to this)
 * @param parts          one fingerprint per component scheme, in order
 */
public record CombinedFingerprint(String scheme, OutputKind representation, List<Fingerprint> parts)
        implements Fingerprint {

    /** Validates. */
    public CombinedFingerprint {
        if (scheme == null || representation == null || parts == null || parts.isEmpty()) {
            throw new IllegalArgumentException("a combined fingerprint needs a scheme, a representation and parts");
        }
        parts = List.copyOf(parts);
    }

    @Override
    public int size() {
        return parts.stream().mapToInt(Fingerprint::size).sum();
    }
}
