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
import io.modelprint.Model;
import io.modelprint.Verdict;
import io.modelprint.VictimFingerprint;
import io.modelprint.scheme.FingerprintScheme;
import io.modelprint.scheme.Schemes;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Wrote the version-1 fixture files and their expected verdicts, once, with modelprint as it was
 * before the package layout changed. Kept so that the files' origin can be audited; running it
 * again would overwrite the evidence, so it refuses when the files exist.
 *
 * <pre>
 * java -cp ... io.modelprint.store.VersionOneFilesWriter core/src/test/resources/io/modelprint/store/v1
 * </pre>
 */
final class VersionOneFilesWriter {

    private VersionOneFilesWriter() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        if (Files.exists(dir.resolve("expected.properties"))) {
            throw new IllegalStateException(dir + " already holds the fixtures: they are evidence, do not rewrite them");
        }
        Files.createDirectories(dir);
        Properties expected = new Properties();
        for (Map.Entry<String, FingerprintScheme<?>> e : VersionOneFixtures.schemes().entrySet()) {
            String name = e.getKey();
            FingerprintVerifier live = FingerprintVerifier.using(e.getValue()).ownerData(VersionOneFixtures.owner())
                    .seed(VersionOneFixtures.SEED).references(VersionOneFixtures.storedReferences(name)).build();
            VictimFingerprint fp = live.fingerprint(VersionOneFixtures.VICTIM);
            Path file = dir.resolve(name + ".fp.json");
            FingerprintFile.write(fp, file);
            VictimFingerprint stored = FingerprintFile.read(file);
            FingerprintVerifier fromFile = FingerprintVerifier.forFingerprint(stored).build();
            expected.setProperty(name + ".querySetSha256", stored.querySet().sha256());
            for (Model suspect : VersionOneFixtures.suspects()) {
                Verdict v = fromFile.verify(stored, suspect);
                String key = name + "." + suspect.name() + ".";
                expected.setProperty(key + "distance", Double.toString(v.distance()));
                expected.setProperty(key + "stolen", Boolean.toString(v.stolen()));
                expected.setProperty(key + "representation", v.representation().name());
                expected.setProperty(key + "threshold", Double.toString(v.threshold().orElseThrow().value()));
                expected.setProperty(key + "thresholdSource", v.threshold().orElseThrow().source().name());
                expected.setProperty(key + "pValue", Double.toString(v.pValue().orElse(Double.NaN)));
                expected.setProperty(key + "explanation", v.explanation());
            }
        }
        try (Writer w = Files.newBufferedWriter(dir.resolve("expected.properties"))) {
            expected.store(w, "verdicts of the suspects of VersionOneFixtures against the stored fingerprints");
        }
        Properties defaults = new Properties();
        for (String scheme : Schemes.providers().keySet()) {
            Map<String, String> p = new TreeMap<>(Schemes.create(scheme).parameters());
            p.forEach((k, v) -> defaults.setProperty(scheme + "|" + k, v));
        }
        try (Writer w = Files.newBufferedWriter(dir.resolve("defaults.properties"))) {
            defaults.store(w, "every scheme's parameters with their defaults, as Schemes.create(name) gave them");
        }
    }
}
