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

import io.modelprint.ImageShape;
import io.modelprint.LabeledImages;
import io.modelprint.ProgressListener;
import io.modelprint.dl4j.Architecture;
import io.modelprint.dl4j.Dl4jModel;
import io.modelprint.scheme.ConferrableProvider;
import io.modelprint.scheme.FingerprintScheme;
import io.modelprint.scheme.SchemeInputs;
import io.modelprint.scheme.Schemes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * The models an owner trains on its own data to fingerprint a DL4J victim with the
 * {@code conferrable} scheme: surrogates (its own stolen copies, one per attack family) and
 * independent references. About a minute of training per model on 10,000 images on 2 cores for
 * CNNs, seconds for MLPs.
 *
 * <pre>{@code
 * OwnerModels owner = OwnerModels.train(victimNet, Architecture.cnn(8, 16, 64), ownerTrainingData, 7, listener);
 * FingerprintVerifier v = FingerprintVerifier.using(owner.conferrable(Map.of())).ownerData(heldOut).build();
 * }</pre>
 *
 * @param surrogates the owner's own copies of the victim
 * @param references independent models trained on the owner's data
 */
public record OwnerModels(List<Dl4jModel> surrogates, List<Dl4jModel> references) {

    /** Copies the lists. */
    public OwnerModels {
        surrogates = List.copyOf(surrogates);
        references = List.copyOf(references);
    }

    /**
     * Trains the surrogates and references of {@link ZooSpec#ownerMembers} on the owner's data.
     *
     * @param victim       the victim network (not changed)
     * @param architecture the victim's architecture when it is one of {@link Architecture}'s (it adds
     *                     a twin to the references), or null
     * @param ownerData    the owner's labelled training images (the victim's own data will do)
     * @param seed         the first seed; the models use consecutive seeds
     * @throws IllegalArgumentException if the data is empty
     */
    public static OwnerModels train(MultiLayerNetwork victim, Architecture architecture, LabeledImages ownerData,
                                    long seed, ProgressListener progress) {
        if (ownerData == null || ownerData.size() == 0) {
            throw new IllegalArgumentException("the owner's models need training data, got none");
        }
        ImageShape shape = ownerData.images().shape();
        ZooData data = new ZooData(ownerData, ownerData, ownerData);
        List<Dl4jModel> surrogates = new ArrayList<>();
        List<Dl4jModel> references = new ArrayList<>();
        List<ZooMember> members = ZooSpec.ownerMembers(architecture, ownerData.size(), seed);
        for (int i = 0; i < members.size(); i++) {
            ZooMember m = members.get(i);
            progress.onProgress("owner models", i, members.size());
            Dl4jModel model = Dl4jModel.of(m.id(), Zoo.train(m, victim, null, data, shape, progress), shape);
            (m.family().stolen() ? surrogates : references).add(model);
        }
        progress.onProgress("owner models", members.size(), members.size());
        return new OwnerModels(surrogates, references);
    }

    /** The {@code conferrable} scheme with these models; {@code parameters} as {@link ConferrableProvider} takes them. */
    public FingerprintScheme<?> conferrable(Map<String, String> parameters) {
        return Schemes.create(ConferrableProvider.NAME, SchemeInputs.of(parameters).withSurrogates(surrogates)
                .withSelectionReferences(references));
    }
}
