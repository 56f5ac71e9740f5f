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
package io.modelprint.query;

import io.modelprint.LabeledImages;
import io.modelprint.Model;
import io.modelprint.Predictions;
import io.modelprint.ProgressListener;
import io.modelprint.SameTask;
import java.util.ArrayList;
import java.util.List;

/**
 * The search for the victim's mistakes, written once for every builder that needs them (SAC-w's
 * and AKH's {@link MisclassifiedQueries}, akh-excess's {@link MistakesAndControls}): the victim
 * labels every owner sample, and a sample is a mistake when its label differs from the truth and
 * every surrogate (a model the owner derived from the victim) gets it wrong too.
 *
 * @param wrong indices of the owner samples that are mistakes, in order
 * @param right indices of those the victim classifies correctly, in order
 * @param total how many owner samples were searched
 */
record VictimMistakes(List<Integer> wrong, List<Integer> right, int total) {

    /** The progress task the search reports. */
    static final String TASK = "finding misclassified samples";

    /** Copies the lists. */
    VictimMistakes {
        wrong = List.copyOf(wrong);
        right = List.copyOf(right);
    }

    /**
     * Searches {@code ownerData}; reports {@link #TASK} in {@code 1 + surrogates.size()} steps,
     * and leaves it one step short of done, for the caller to finish when it has chosen.
     *
     * @throws IllegalArgumentException if there is no victim or it solves another task
     */
    static VictimMistakes find(String scheme, Model victim, LabeledImages ownerData, List<Model> surrogates,
                               ProgressListener progress) {
        if (victim == null) {
            throw new IllegalArgumentException(scheme + " needs the victim to find the samples it misclassifies");
        }
        SameTask.requireOwnerTask(victim, ownerData);
        int steps = 1 + surrogates.size();
        progress.onProgress(TASK, 0, steps);
        Predictions answers = victim.predict(ownerData.images());
        int[] truth = ownerData.labels();
        List<int[]> surrogateLabels = new ArrayList<>();
        for (int s = 0; s < surrogates.size(); s++) {
            surrogateLabels.add(surrogates.get(s).predict(ownerData.images()).labels());
            progress.onProgress(TASK, 1 + s, steps);
        }
        List<Integer> wrong = new ArrayList<>();
        List<Integer> right = new ArrayList<>();
        for (int i = 0; i < truth.length; i++) {
            if (answers.label(i) == truth[i]) {
                right.add(i);
            } else if (everySurrogateWrong(surrogateLabels, truth, i)) {
                wrong.add(i);
            }
        }
        return new VictimMistakes(wrong, right, truth.length);
    }

    private static boolean everySurrogateWrong(List<int[]> surrogateLabels, int[] truth, int i) {
        for (int[] l : surrogateLabels) {
            if (l[i] == truth[i]) {
                return false;
            }
        }
        return true;
    }
}
