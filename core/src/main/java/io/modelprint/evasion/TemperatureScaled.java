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

/**
 * Probabilities at another temperature {@code T}: {@code softmax(z / T)} of the logits, or, from
 * probabilities, {@code p^(1/T)} renormalised (the same thing, as {@code log p} are logits). Above 1
 * the answers are flatter, below 1 sharper; the top-1 label never changes.
 */
final class TemperatureScaled extends AbstractModel {

    private final Model model;
    private final double temperature;

    TemperatureScaled(Model model, double temperature) {
        super(ProbabilityRows.requireScores(model, "temperature scaling").name() + " [temperature " + temperature + "]",
                model.inputShape(), model.numClasses(), OutputKind.PROBABILITIES);
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("a temperature must be finite and > 0, got " + temperature);
        }
        this.model = model;
        this.temperature = temperature;
    }

    @Override
    protected Predictions answer(ImageBatch batch) {
        Predictions raw = model.predict(batch);
        if (raw.kind() == OutputKind.LOGITS) {
            return raw.toProbabilities(temperature);
        }
        int n = raw.count();
        int classes = raw.numClasses();
        double[] out = new double[n * classes];
        for (int r = 0; r < n; r++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                max = Math.max(max, Math.log(raw.scores().get(r, c)) / temperature);
            }
            for (int c = 0; c < classes; c++) {
                float v = raw.scores().get(r, c);
                out[r * classes + c] = v > 0 ? Math.exp(Math.log(v) / temperature - max) : 0;
            }
        }
        return ProbabilityRows.normalised(out, n, classes, raw);
    }
}
