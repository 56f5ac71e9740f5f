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
package io.modelprint.evasion;

import io.modelprint.AbstractModel;
import io.modelprint.ImageBatch;
import io.modelprint.Model;
import io.modelprint.OutputKind;
import io.modelprint.Predictions;
import io.modelprint.SameTask;
import io.modelprint.kernel.Matrix;

/**
 * A suspect behind a query detector: images the detector flags are answered by the decoy (an
 * independent model, or one answering at random), the others by the suspect. Each model is asked
 * only about its own images, and the decoy's answers are shown in the suspect's output kind.
 */
final class DetectingModel extends AbstractModel {

    private static final float ONE_HOT_LOGIT = 10f;

    private final Model model;
    private final QueryDetector detector;
    private final Model decoy;

    DetectingModel(Model model, QueryDetector detector, Model decoy) {
        super(require(model, "the suspect").name() + " [detector " + detector.statistic().name()
                        .toLowerCase(java.util.Locale.ROOT) + ", decoy " + require(decoy, "the decoy").name() + "]",
                model.inputShape(), model.numClasses(), model.outputKind());
        SameTask.requireClasses("decoy " + decoy.name(), decoy.numClasses(), "suspect " + model.name(), model.numClasses(),
                "the decoy must answer the same classes");
        if (!decoy.inputShape().equals(model.inputShape()) || !detector.shape().equals(model.inputShape())) {
            throw new IllegalArgumentException("the suspect takes " + model.inputShape() + ", the decoy "
                    + decoy.inputShape() + " and the detector learnt " + detector.shape() + ": they must agree");
        }
        this.model = model;
        this.detector = detector;
        this.decoy = decoy;
    }

    private static Model require(Model m, String role) {
        if (m == null) {
            throw new IllegalArgumentException("a detecting model needs " + role + ", got null");
        }
        return m;
    }

    @Override
    protected Predictions answer(ImageBatch batch) {
        boolean[] flagged = detector.flags(batch);
        int[] toDecoy = indices(flagged, true);
        int[] toModel = indices(flagged, false);
        if (toDecoy.length == 0) {
            return model.predict(batch);
        }
        Predictions fake = asKind(decoy.predict(batch.select(toDecoy)));
        if (toModel.length == 0) {
            return fake;
        }
        Predictions real = model.predict(batch.select(toModel));
        int n = batch.count();
        int classes = numClasses();
        if (outputKind() == OutputKind.LABELS) {
            int[] labels = new int[n];
            for (int i = 0; i < toDecoy.length; i++) {
                labels[toDecoy[i]] = fake.label(i);
            }
            for (int i = 0; i < toModel.length; i++) {
                labels[toModel[i]] = real.label(i);
            }
            return Predictions.ofLabels(labels, classes);
        }
        float[] out = new float[n * classes];
        copyRows(fake, toDecoy, out, classes);
        copyRows(real, toModel, out, classes);
        return Predictions.ofScores(outputKind(), Matrix.of(n, classes, out));
    }

    private static void copyRows(Predictions from, int[] to, float[] out, int classes) {
        float[] d = from.scores().data();
        for (int i = 0; i < to.length; i++) {
            System.arraycopy(d, i * classes, out, to[i] * classes, classes);
        }
    }

    private static int[] indices(boolean[] flags, boolean value) {
        int count = 0;
        for (boolean f : flags) {
            count += f == value ? 1 : 0;
        }
        int[] out = new int[count];
        for (int i = 0, j = 0; i < flags.length; i++) {
            if (flags[i] == value) {
                out[j++] = i;
            }
        }
        return out;
    }

    // the decoy's answers as the suspect's kind: labels as one-hot rows, probabilities as log-probabilities
    private Predictions asKind(Predictions p) {
        OutputKind kind = outputKind();
        if (kind == OutputKind.LABELS || p.kind() == kind) {
            return kind == OutputKind.LABELS ? p.toLabels() : p;
        }
        if (p.kind() == OutputKind.LOGITS) {
            return p.toProbabilities();
        }
        int n = p.count();
        int classes = p.numClasses();
        float[] out = new float[n * classes];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < classes; c++) {
                out[r * classes + c] = p.kind() == OutputKind.LABELS
                        ? (p.label(r) == c ? (kind == OutputKind.PROBABILITIES ? 1f : ONE_HOT_LOGIT) : 0f)
                        : (float) Math.log(Math.max(p.scores().get(r, c), 1e-12f));
            }
        }
        return Predictions.ofScores(kind, Matrix.of(n, classes, out));
    }
}
