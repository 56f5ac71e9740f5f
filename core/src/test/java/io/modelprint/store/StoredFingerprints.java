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

import io.modelprint.FingerprintVerifier;
import io.modelprint.ImageBatch;
import io.modelprint.LabeledImages;
import io.modelprint.Model;
import io.modelprint.OutputKind;
import io.modelprint.TestModels;
import io.modelprint.VictimFingerprint;
import io.modelprint.scheme.FingerprintScheme;
import io.modelprint.scheme.Schemes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small real fingerprints for the fingerprint-file tests: a linear victim, references, suspects. */
final class StoredFingerprints {

    static final Model VICTIM = TestModels.linear("victim", 10, 1, OutputKind.LOGITS);
    static final Model COPY = TestModels.perturbed("copy", 10, 1, 0.05, 9, OutputKind.LOGITS);
    static final Model STRANGER = TestModels.linear("stranger", 10, 999, OutputKind.LOGITS);

    private StoredFingerprints() {
    }

    static List<Model> references(int count) {
        List<Model> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(TestModels.linear("independent-" + i, 10, 100 + i, OutputKind.LOGITS));
        }
        return out;
    }

    /** Owner data whose pixels are all k/255, as 8-bit images are. */
    static LabeledImages eightBitData(int n, long seed) {
        LabeledImages d = TestModels.data(n, 10, seed);
        float[] px = d.images().pixels().clone();
        for (int i = 0; i < px.length; i++) {
            px[i] = Math.round(px[i] * 255f) / 255f;
        }
        return new LabeledImages(ImageBatch.of(d.images().shape(), px), d.labels(), d.numClasses());
    }

    static FingerprintVerifier verifier(LabeledImages owner, int queries, int references) {
        FingerprintScheme<?> scheme = Schemes.create("sac-m", Map.of("queries", Integer.toString(queries),
                "output", "logits"));
        return FingerprintVerifier.using(scheme).ownerData(owner).references(references(references)).build();
    }

    static VictimFingerprint small(LabeledImages owner, int queries, int references) {
        return verifier(owner, queries, references).fingerprint(VICTIM);
    }
}
