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
import java.util.Arrays;

/**
 * A fingerprint made of the top-1 label a model gives each query: what IPGuard and AKH compare.
 * Labels are available from every model, so its representation is always {@link OutputKind#LABELS}.
 *
 * <pre>{@code
 * LabelFingerprint fp = new LabelExtractor("akh").extract(model.predict(queries.inputs()));
 * int first = fp.labels()[0];
 * }</pre>
 *
 * @param scheme     the scheme that made it
 * @param labels     one label per query
 * @param numClasses the model's class count
 */
public record LabelFingerprint(String scheme, int[] labels, int numClasses) implements Fingerprint {

    /** Validates and copies. */
    public LabelFingerprint {
        if (scheme == null || labels == null) {
            throw new IllegalArgumentException("a label fingerprint needs a scheme and labels");
        }
        if (labels.length < 2) {
            throw new IllegalArgumentException("a label fingerprint needs at least 2 queries, got " + labels.length);
        }
        labels = labels.clone();
    }

    @Override
    public int size() {
        return labels.length;
    }

    @Override
    public OutputKind representation() {
        return OutputKind.LABELS;
    }

    /** The labels (a copy). */
    @Override
    public int[] labels() {
        return labels.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabelFingerprint f && f.scheme.equals(scheme) && f.numClasses == numClasses
                && Arrays.equals(f.labels, labels);
    }

    @Override
    public int hashCode() {
        return 31 * scheme.hashCode() + Arrays.hashCode(labels);
    }
}
