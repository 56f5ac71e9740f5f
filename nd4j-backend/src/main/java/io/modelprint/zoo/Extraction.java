package io.modelprint.zoo;

import io.modelprint.ImageBatch;
import io.modelprint.Model;
import io.modelprint.Predictions;
import io.modelprint.ProgressListener;
import io.modelprint.dl4j.Architecture;
import io.modelprint.dl4j.Trainer;
import io.modelprint.dl4j.TrainingData;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Attack: model extraction. The attacker sends its own unlabelled images to the victim's
 * prediction API and trains a student of its own architecture on the answers: probabilities
 * when the API gives them, top-1 labels otherwise.
 *
 * <pre>{@code
 * MultiLayerNetwork student = new Extraction(Architecture.mlp(256), new Trainer.Config(10, 64, 1e-3, 5))
 *         .apply(Models.labelsOnly(victim), attackerImages, ProgressListener.NONE);
 * }</pre>
 *
 * @param student  the student's architecture
 * @param training the student's training settings; the seed also initialises the student
 */
public record Extraction(Architecture student, Trainer.Config training) {

    /** Validates. */
    public Extraction {
        if (student == null || training == null) {
            throw new IllegalArgumentException("student architecture and training settings must be given");
        }
    }

    /**
     * A student trained on {@code victimApi}'s answers to {@code attackerImages}. The answers'
     * kind decides the targets: soft probabilities, or one-hot labels.
     *
     * @throws IllegalArgumentException if there are no images
     */
    public MultiLayerNetwork apply(Model victimApi, ImageBatch attackerImages, ProgressListener progress) {
        if (attackerImages.isEmpty()) {
            throw new IllegalArgumentException("extraction needs attacker images, got none");
        }
        Predictions answers = victimApi.predict(attackerImages);
        MultiLayerNetwork net = student.build(attackerImages.shape(), victimApi.numClasses(), training.seed());
        Trainer.fit(net, TrainingData.ofAnswers(attackerImages, answers), training, "extracting " + student.name(),
                progress);
        return net;
    }
}
