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
 * Only the {@code k} largest probabilities of each row (ties to the lower class), the others
 * zeroed, renormalised: what an API that shows its top-k classes reveals.
 */
final class TopKProbabilities extends AbstractModel {

    private final Model model;
    private final int k;

    TopKProbabilities(Model model, int k) {
        super(ProbabilityRows.requireScores(model, "top-k").name() + " [top-" + k + " probabilities]",
                model.inputShape(), model.numClasses(), OutputKind.PROBABILITIES);
        if (k < 1 || k > model.numClasses()) {
            throw new IllegalArgumentException("top-k needs k between 1 and the " + model.numClasses()
                    + " classes of " + model.name() + ", got " + k);
        }
        this.model = model;
        this.k = k;
    }

    @Override
    protected Predictions answer(ImageBatch batch) {
        Predictions p = model.predict(batch).toProbabilities();
        int n = p.count();
        int classes = p.numClasses();
        double[] out = new double[n * classes];
        boolean[] kept = new boolean[classes];
        for (int r = 0; r < n; r++) {
            java.util.Arrays.fill(kept, false);
            for (int taken = 0; taken < k; taken++) {
                int best = -1;
                for (int c = 0; c < classes; c++) {
                    if (!kept[c] && (best < 0 || p.scores().get(r, c) > p.scores().get(r, best))) {
                        best = c;
                    }
                }
                kept[best] = true;
            }
            for (int c = 0; c < classes; c++) {
                out[r * classes + c] = kept[c] ? p.scores().get(r, c) : 0;
            }
        }
        return ProbabilityRows.normalised(out, n, classes, p);
    }
}
