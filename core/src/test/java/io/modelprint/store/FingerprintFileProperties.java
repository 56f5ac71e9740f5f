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

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modelprint.ImageBatch;
import io.modelprint.ImageShape;
import io.modelprint.OutputKind;
import io.modelprint.Predictions;
import io.modelprint.Provenance;
import io.modelprint.QuerySet;
import io.modelprint.VictimFingerprint;
import io.modelprint.kernel.Matrix;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/** Any fingerprint written to a file reads back equal, bit for bit. */
class FingerprintFileProperties {

    @Property(tries = 150)
    void randomFingerprintsRoundTrip(
            @ForAll @IntRange(min = 1, max = 3) int channels,
            @ForAll @IntRange(min = 1, max = 6) int side,
            @ForAll @IntRange(min = 2, max = 25) int queries,
            @ForAll @IntRange(min = 2, max = 12) int classes,
            @ForAll boolean eightBit,
            @ForAll OutputKind victimKind,
            @ForAll @Size(max = 4) List<OutputKind> referenceKinds,
            @ForAll @Size(max = 4) Map<@StringLength(min = 1, max = 12) @CharRange(from = ' ', to = '\uD7FF') String,
                    @StringLength(max = 12) @CharRange(from = '\u0000', to = '\uD7FF') String> parameters,
            @ForAll @StringLength(max = 16) @CharRange(from = '\u0000', to = '\uD7FF') String victimName,
            @ForAll long seed,
            @ForAll @LongRange(min = -30_000_000_000L, max = 30_000_000_000L) long epochSecond,
            @ForAll @IntRange(min = 0, max = 999_999_999) int nanos,
            @ForAll @LongRange(min = 0) long buildNanos) {
        SplittableRandom rng = new SplittableRandom(seed);
        ImageShape shape = new ImageShape(channels, side, side + 1);
        float[] px = new float[queries * shape.size()];
        for (int i = 0; i < px.length; i++) {
            px[i] = eightBit ? rng.nextInt(256) / 255f : (float) rng.nextDouble();
        }
        if (!eightBit) {
            px[0] = 0.5f + Math.ulp(0.5f);   // never exactly 8-bit, even by chance
        }
        QuerySet q = QuerySet.of(ImageBatch.of(shape, px), "builder-" + victimName, parameters, seed);
        List<VictimFingerprint.ReferenceAnswers> refs = new ArrayList<>();
        for (int i = 0; i < referenceKinds.size(); i++) {
            refs.add(new VictimFingerprint.ReferenceAnswers("ref " + i + victimName,
                    answers(referenceKinds.get(i), queries, classes, rng)));
        }
        Provenance p = new Provenance("scheme " + victimName, parameters, seed, q.sha256(), victimName, "0.1.0-test",
                Instant.ofEpochSecond(epochSecond, nanos));
        VictimFingerprint fp = new VictimFingerprint(p, q, answers(victimKind, queries, classes, rng), refs,
                Duration.ofNanos(buildNanos), Duration.ofNanos(buildNanos / 3));

        VictimFingerprint back = FingerprintFile.fromBytes(FingerprintFile.toBytes(fp));
        assertEquals(fp, back);
        assertEquals(fp.querySet().sha256(), back.querySet().sha256());
    }

    private static Predictions answers(OutputKind kind, int n, int classes, SplittableRandom rng) {
        if (kind == OutputKind.LABELS) {
            int[] l = new int[n];
            for (int i = 0; i < n; i++) {
                l[i] = rng.nextInt(classes);
            }
            return Predictions.ofLabels(l, classes);
        }
        float[] z = new float[n * classes];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) (rng.nextGaussian() * 5);
        }
        Predictions logits = Predictions.ofScores(OutputKind.LOGITS, Matrix.of(n, classes, z));
        return kind == OutputKind.LOGITS ? logits : logits.toProbabilities();
    }
}
