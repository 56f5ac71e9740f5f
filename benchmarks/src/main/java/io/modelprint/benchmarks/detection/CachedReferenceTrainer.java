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
package io.modelprint.benchmarks.detection;

import io.modelprint.LabeledImages;
import io.modelprint.Model;
import io.modelprint.ProgressListener;
import io.modelprint.calibration.ReferenceTrainer;
import io.modelprint.dl4j.Dl4jModel;
import io.modelprint.dl4j.Dl4jReferenceTrainer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The library's {@link Dl4jReferenceTrainer}, with the networks it trains kept on disk, so that
 * benchmark runs over the same owner data (every victim of a zoo is fingerprinted with the same
 * test images) train the self-calibration references once, not once per run. The trainer is
 * deterministic by seed, so a cached network is the one training would give; the key is the
 * owner data's hash, the count, the seed and the trainer's recipes.
 *
 * <pre>{@code
 * FingerprintVerifier v = FingerprintVerifier.defaults().ownerData(test)
 *         .referenceTrainer(new CachedReferenceTrainer(Path.of("zoo-cache/references"))).build();
 * }</pre>
 */
final class CachedReferenceTrainer implements ReferenceTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(CachedReferenceTrainer.class);

    private final ReferenceTrainer trainer = new Dl4jReferenceTrainer();
    private final Path directory;

    CachedReferenceTrainer(Path directory) {
        this.directory = directory;
    }

    @Override
    public String description() {
        return trainer.description();
    }

    @Override
    public synchronized List<Model> train(LabeledImages data, int count, long seed, ProgressListener progress) {
        Path dir = directory.resolve(key(data, count, seed));
        Path names = dir.resolve("names.txt");
        try {
            if (Files.isRegularFile(names)) {
                List<String> n = Files.readAllLines(names, StandardCharsets.UTF_8);
                List<Model> out = new ArrayList<>();
                for (int k = 0; k < n.size(); k++) {
                    MultiLayerNetwork net = ModelSerializer.restoreMultiLayerNetwork(dir.resolve(k + ".zip").toFile(), false);
                    out.add(Dl4jModel.of(n.get(k), net, data.images().shape()));
                }
                LOG.info("loaded {} cached references from {}", out.size(), dir);
                return out;
            }
            List<Model> out = trainer.train(data, count, seed, progress);
            Files.createDirectories(dir);
            List<String> n = new ArrayList<>();
            for (int k = 0; k < out.size(); k++) {
                MultiLayerNetwork net = (MultiLayerNetwork) ((Dl4jModel) out.get(k)).network();
                ModelSerializer.writeModel(net, dir.resolve(k + ".zip").toFile(), false);
                n.add(out.get(k).name());
            }
            Files.write(names, n, StandardCharsets.UTF_8);   // last: a cache entry is complete once it has names
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the reference cache " + dir, e);
        }
    }

    private String key(LabeledImages data, int count, long seed) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update((data.images().sha256() + "/" + Arrays.hashCode(data.labels()) + "/" + count + "/" + seed + "/"
                    + trainer.description()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest()).substring(0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
