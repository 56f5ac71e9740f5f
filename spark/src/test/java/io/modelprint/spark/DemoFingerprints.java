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
package io.modelprint.spark;

import io.modelprint.FingerprintVerifier;
import io.modelprint.LabeledImages;
import io.modelprint.data.FashionMnist;
import io.modelprint.store.FingerprintFile;
import io.modelprint.store.WriteOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Writes the demo fingerprints in {@code examples/models/fingerprints}: the demo victim
 * ({@code victim-mlp.zip}) fingerprinted with {@code sac-m} and {@code akh-excess} on test images
 * 8000-9999, as {@code bin/modelprint fingerprint --scheme ... --data-range 8000:10000} does.
 *
 * <pre>
 * java -cp ... io.modelprint.spark.DemoFingerprints examples/models
 * </pre>
 */
public final class DemoFingerprints {

    private DemoFingerprints() {
    }

    /** Argument: the demo models' folder. */
    public static void main(String[] args) throws IOException {
        Path models = Path.of(args[0]);
        Path out = Files.createDirectories(models.resolve("fingerprints"));
        LabeledImages owner = FashionMnist.load().test().slice(8000, 10000);
        Path victimFile = models.resolve("victim-mlp.zip");
        try (SuspectOpener.Opened victim = SuspectOpener.open(SuspectSpec.of("victim-mlp.zip", victimFile.toString()), 10,
                OptionalLong.empty())) {
            for (String scheme : new String[] {"sac-m", "akh-excess"}) {
                FingerprintFile.write(FingerprintVerifier.using(scheme).ownerData(owner).selfCalibrate(false).build()
                        .fingerprint(victim.model()), out.resolve("victim-mlp." + scheme + ".fp.json"),
                        WriteOptions.protecting(victimFile));
            }
        }
    }
}
