package io.modelprint.zoo;

import io.modelprint.LabeledImages;
import io.modelprint.ProgressListener;
import io.modelprint.dl4j.Trainer;
import io.modelprint.dl4j.TrainingData;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.transferlearning.TransferLearning;

/**
 * Attack: copy the victim's weights and fine-tune them on the attacker's own labelled data,
 * either all layers or only the last one (the others frozen).
 *
 * <pre>{@code
 * MultiLayerNetwork stolen = new FineTuning(new Trainer.Config(2, 64, 1e-4, 7), false)
 *         .apply(victimNet, attackerData, ProgressListener.NONE);
 * }</pre>
 *
 * @param training      epochs, batch size, learning rate (usually a tenth of the victim's) and seed
 * @param lastLayerOnly whether only the output layer is trained
 */
public record FineTuning(Trainer.Config training, boolean lastLayerOnly) {

    /** Validates. */
    public FineTuning {
        if (training == null) {
            throw new IllegalArgumentException("training settings must be given");
        }
    }

    /** Fine-tuning of all layers. */
    public FineTuning(Trainer.Config training) {
        this(training, false);
    }

    /**
     * A fine-tuned copy; the victim network is not changed.
     *
     * @throws IllegalArgumentException if the data is empty or has another class count
     */
    public MultiLayerNetwork apply(MultiLayerNetwork victim, LabeledImages attackerData, ProgressListener progress) {
        if (attackerData == null || attackerData.size() == 0) {
            throw new IllegalArgumentException("fine-tuning needs attacker data, got none");
        }
        MultiLayerNetwork copy = victim.clone();
        if (!lastLayerOnly) {
            Trainer.fit(copy, TrainingData.of(attackerData), training, "fine-tuning all layers", progress);
            return copy;
        }
        int last = copy.getnLayers() - 1;
        MultiLayerNetwork frozen = new TransferLearning.Builder(copy).setFeatureExtractor(last - 1).build();
        Trainer.fit(frozen, TrainingData.of(attackerData), training, "fine-tuning the last layer", progress);
        // an unfrozen network of the victim's configuration, so the copy saves and loads like any other
        MultiLayerNetwork plain = new MultiLayerNetwork(victim.getLayerWiseConfigurations().clone());
        plain.init(frozen.params().dup(), false);
        return plain;
    }
}
