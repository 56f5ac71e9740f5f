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

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelprint.FingerprintVerifier;
import io.modelprint.LabeledImages;
import io.modelprint.Model;
import io.modelprint.ProgressListener;
import io.modelprint.calibration.SelfCalibration;
import io.modelprint.data.FashionMnist;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes what the out-of-the-box verifier calibrates itself with on the benchmark's owner data (the
 * Fashion-MNIST test set, default seed): the indices of the query half and of the half its
 * references train on, and every self-trained reference's label for each of the owner's images.
 * {@code benchmarks/pytorch/null_replay.py} replays the verdicts from it and the zoo caches, for
 * ablations of the calibration that need no Java run each. The references come from the same
 * cache as the detection benchmark's ({@code zoo-cache/references}), trained once if absent.
 *
 * <p>With a second and third argument {@code FROM TO}, the same trainer's references are trained
 * instead on the Fashion-MNIST training images {@code [FROM, TO)} (the benchmark zoos hold back
 * {@code [25000, 30000)} of the owner's half as its public data): what the verifier's references
 * would be if the owner gave it images of the victim's training distribution. The query half stays
 * the verifier's, so the replay compares both kinds of references on the same queries.
 *
 * <pre>{@code
 * mvn -q -pl benchmarks -am compile exec:java@reference-predictions -Dexec.args=benchmarks/results/references.json
 * mvn -q -pl benchmarks -am compile exec:java@reference-predictions \
 *     -Dexec.args="benchmarks/results/references-heldback.json 25000 30000"
 * }</pre>
 */
public final class ReferencePredictions {

    private ReferencePredictions() {
    }

    /**
     * Trains or loads the references and writes the file.
     *
     * @param args the output file (default {@code benchmarks/results/references.json}), then optionally
     *             the first and the end index of the training images to train the references on
     * @throws IOException if the file cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path root = Path.of(System.getProperty("modelprint.root", "."));
        Path out = root.resolve(args.length > 0 ? args[0] : "benchmarks/results/references.json");
        FashionMnist fm = FashionMnist.load();
        LabeledImages owner = fm.test();
        long seed = FingerprintVerifier.DEFAULT_SEED;
        int[][] halves = SelfCalibration.splitIndices(owner.size(), seed);
        LabeledImages training = owner.select(halves[1]);
        if (args.length == 3) {
            LabeledImages train = fm.train().orElseThrow(() -> new IllegalStateException("training references on "
                    + "training images needs the Fashion-MNIST training set, which " + fm.directory() + " lacks: install "
                    + "Debian's dataset-fashion-mnist"));
            int from = Integer.parseInt(args[1]);
            int to = Integer.parseInt(args[2]);
            if (from < 0 || to > train.size() || from >= to) {   // the trainer names the least count it needs
                throw new IllegalArgumentException("training images [" + from + ", " + to + ") must be a range in [0, "
                        + train.size() + ")");
            }
            training = train.slice(from, to);
        } else if (args.length > 1) {
            throw new IllegalArgumentException("expected OUTPUT [FROM TO], got " + args.length + " arguments");
        }
        List<Model> refs = SelfCalibration.references(new CachedReferenceTrainer(root.resolve("zoo-cache/references")),
                training, SelfCalibration.DEFAULT_REFERENCES, seed, ProgressListener.NONE);
        ObjectMapper json = new ObjectMapper();
        ObjectNode doc = json.createObjectNode();
        doc.put("seed", seed);
        doc.set("queries", json.valueToTree(halves[0]));
        doc.put("trainedOn", args.length == 3 ? "training images [" + args[1] + ", " + args[2] + ")" : "the training half");
        doc.set("training", json.valueToTree(halves[1]));
        ArrayNode models = doc.putArray("refs");
        for (Model r : refs) {
            models.addObject().put("name", r.name()).set("labels", json.valueToTree(r.predict(owner.images()).labels()));
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        json.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), doc);
        System.out.println("wrote " + out + ": " + refs.size() + " references, " + halves[0].length + " query-half and "
                + halves[1].length + " training-half indices");
    }
}
