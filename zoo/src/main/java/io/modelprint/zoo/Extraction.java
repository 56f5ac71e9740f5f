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
package io.modelprint.zoo;

import io.modelprint.ImageBatch;
import io.modelprint.LabeledImages;
import io.modelprint.Model;
import io.modelprint.OutputKind;
import io.modelprint.Predictions;
import io.modelprint.ProgressListener;
import io.modelprint.dl4j.Architecture;
import io.modelprint.dl4j.Trainer;
import io.modelprint.dl4j.TrainingData;
import io.modelprint.kernel.Matrix;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Attack: model extraction. The attacker sends its own images to the victim's prediction API and
 * trains a student of its own architecture on the answers:
 * <ul>
 *   <li>with probabilities, by knowledge distillation: the student's {@code softmax(z / T)} is
 *       trained towards {@code alpha * softmax(z_victim / T) + (1 - alpha) * true label}, where
 *       {@code softmax(z_victim / T)} is computed from the API's probabilities as
 *       {@code p^(1/T)} normalised (SAC's benchmark: T = 20, alpha = 0.9);</li>
 *   <li>with labels only, on the victim's top-1 labels;</li>
 *   <li>optionally with adversarial training ({@link Pgd}) on top.</li>
 * </ul>
 *
 * <pre>{@code
 * MultiLayerNetwork student = Extraction.labels(Architecture.mlp(256), new Trainer.Config(10, 64, 1e-3, 5))
 *         .apply(Models.labelsOnly(victim), attackerData, ProgressListener.NONE);
 * }</pre>
 *
 * @param student     the student's architecture
 * @param training    the student's training settings; the seed also initialises it
 * @param answers     what the attacker uses: {@code PROBABILITIES} or {@code LABELS}
 * @param temperature distillation temperature (probabilities only; 1 = plain soft labels)
 * @param alpha       weight of the victim's answers against the attacker's true labels, in (0, 1]
 * @param adversarial adversarial training during extraction, or null
 */
public record Extraction(Architecture student, Trainer.Config training, OutputKind answers, double temperature,
                         double alpha, Pgd adversarial) {

    /** Validates. */
    public Extraction {
        if (student == null || training == null || answers == null) {
            throw new IllegalArgumentException("student architecture, training settings and answer kind must be given");
        }
        if (answers == OutputKind.LOGITS) {
            throw new IllegalArgumentException("extraction uses what a prediction API gives: PROBABILITIES or LABELS");
        }
        if (!(temperature > 0) || !Double.isFinite(temperature)) {
            throw new IllegalArgumentException("temperature must be finite and > 0, got " + temperature);
        }
        if (!(alpha > 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1], got " + alpha);
        }
    }

    /** Extraction from top-1 labels. */
    public static Extraction labels(Architecture student, Trainer.Config training) {
        return new Extraction(student, training, OutputKind.LABELS, 1, 1, null);
    }

    /** Distillation from probabilities at {@code temperature}, mixing in true labels with weight {@code 1 - alpha}. */
    public static Extraction probabilities(Architecture student, Trainer.Config training, double temperature, double alpha) {
        return new Extraction(student, training, OutputKind.PROBABILITIES, temperature, alpha, null);
    }

    /** The same extraction with adversarial training. */
    public Extraction withAdversarialTraining(Pgd pgd) {
        return new Extraction(student, training, answers, temperature, alpha, pgd);
    }

    /**
     * A student trained on {@code victimApi}'s answers to the attacker's images. True labels are
     * used only when {@code alpha < 1}.
     *
     * @throws IllegalArgumentException if there are no images, or the API cannot give the answers needed
     */
    public MultiLayerNetwork apply(Model victimApi, LabeledImages attackerData, ProgressListener progress) {
        if (attackerData == null || attackerData.size() == 0) {
            throw new IllegalArgumentException("extraction needs attacker images, got none");
        }
        return train(victimApi, attackerData.images(), attackerData, progress);
    }

    /**
     * A student trained on {@code victimApi}'s answers to unlabelled query images (any
     * distribution: Knockoff Nets' setting). Needs {@code alpha == 1}: there are no true labels to mix in.
     *
     * @throws IllegalArgumentException if there are no images, {@code alpha < 1}, or the API cannot give the answers needed
     */
    public MultiLayerNetwork apply(Model victimApi, ImageBatch queries, ProgressListener progress) {
        if (queries == null || queries.isEmpty()) {
            throw new IllegalArgumentException("extraction needs query images, got none");
        }
        if (alpha != 1) {
            throw new IllegalArgumentException("alpha " + alpha + " mixes in true labels, but unlabelled queries have none: "
                    + "use alpha = 1 or pass LabeledImages");
        }
        return train(victimApi, queries, null, progress);
    }

    private MultiLayerNetwork train(Model victimApi, ImageBatch images, LabeledImages truth, ProgressListener progress) {
        if (victimApi == null) {
            throw new IllegalArgumentException("extraction needs the victim's API, got null");
        }
        if (answers == OutputKind.PROBABILITIES && !victimApi.outputKind().hasScores()) {
            throw new IllegalArgumentException("distillation needs probabilities but " + victimApi.name()
                    + " answers labels only");
        }
        Predictions got = victimApi.predict(images);
        Matrix targets = targets(got, truth);
        MultiLayerNetwork net = student.build(images.shape(), victimApi.numClasses(), training.seed());
        String task = "extracting " + student.name() + (adversarial == null ? "" : " + PGD");
        Trainer.StepHook hook = adversarial == null ? Trainer.StepHook.NONE : adversarial;
        if (answers == OutputKind.PROBABILITIES && temperature != 1) {
            Architecture.withOutputTemperature(net, temperature, () ->
                    Trainer.fit(net, new TrainingData(images, targets), training, task, progress, hook));
        } else {
            Trainer.fit(net, new TrainingData(images, targets), training, task, progress, hook);
        }
        return net;
    }

    private Matrix targets(Predictions got, LabeledImages data) {
        Matrix victim = answers == OutputKind.LABELS ? Matrix.oneHot(got.labels(), got.numClasses())
                : sharpen(got.toProbabilities().scores(), temperature);
        if (alpha == 1) {
            return victim;
        }
        if (data.numClasses() != got.numClasses()) {
            throw new IllegalArgumentException("the attacker's data has " + data.numClasses() + " classes but the victim "
                    + "answers " + got.numClasses() + ": distillation mixes the two, so they must be the same task");
        }
        Matrix truth = Matrix.oneHot(data.labels(), data.numClasses());
        float[] mixed = new float[victim.data().length];
        for (int i = 0; i < mixed.length; i++) {
            mixed[i] = (float) (alpha * victim.data()[i] + (1 - alpha) * truth.data()[i]);
        }
        return Matrix.of(victim.rows(), victim.cols(), mixed);
    }

    /** {@code p^(1/T)} normalised per row: {@code softmax(z / T)} recovered from {@code softmax(z)}. */
    static Matrix sharpen(Matrix p, double temperature) {
        if (temperature == 1) {
            return p;
        }
        float[] out = new float[p.data().length];
        for (int r = 0; r < p.rows(); r++) {
            double sum = 0;
            for (int c = 0; c < p.cols(); c++) {
                double v = Math.pow(Math.max(p.get(r, c), 1e-30), 1 / temperature);
                out[r * p.cols() + c] = (float) v;
                sum += v;
            }
            for (int c = 0; c < p.cols(); c++) {
                out[r * p.cols() + c] /= (float) sum;
            }
        }
        return Matrix.of(p.rows(), p.cols(), out);
    }
}
