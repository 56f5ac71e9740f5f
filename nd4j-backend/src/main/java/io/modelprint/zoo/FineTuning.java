package io.modelprint.zoo;

import io.modelprint.LabeledImages;
import io.modelprint.ProgressListener;
import io.modelprint.dl4j.Trainer;
import io.modelprint.dl4j.TrainingData;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Attack: copy the victim's weights and fine-tune all layers on the attacker's own labelled data.
 *
 * <pre>{@code
 * MultiLayerNetwork stolen = new FineTuning(new Trainer.Config(2, 64, 5e-4, 7)).apply(victimNet, attackerData, ProgressListener.NONE);
 * }</pre>
 *
 * @param training epochs, batch size, learning rate (usually below the victim's) and seed
 */
public record FineTuning(Trainer.Config training) {

    /** Validates. */
    public FineTuning {
        if (training == null) {
            throw new IllegalArgumentException("training settings must be given");
        }
    }

    /**
     * A fine-tuned copy; the victim network is not changed.
     *
     * @throws IllegalArgumentException if the data is empty or has another class count
     */
    public MultiLayerNetwork apply(MultiLayerNetwork victim, LabeledImages attackerData, ProgressListener progress) {
        if (attackerData.size() == 0) {
            throw new IllegalArgumentException("fine-tuning needs attacker data, got none");
        }
        MultiLayerNetwork copy = victim.clone();
        Trainer.fit(copy, TrainingData.of(attackerData), training, "fine-tuning", progress);
        return copy;
    }
}
