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

import io.modelprint.ImageBatch;
import io.modelprint.Model;
import io.modelprint.evasion.Evasions;
import io.modelprint.evasion.QueryDetector;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The evasions of the benchmark's {@code --evasions} option (issue 14, item 3), each built from the
 * library's wrappers in {@code io.modelprint.evasion}, named as tables show them:
 *
 * <ul>
 *   <li>{@code gauss-S}: Gaussian noise of standard deviation S on the probabilities;</li>
 *   <li>{@code laplace-B}: Laplace noise of scale B;</li>
 *   <li>{@code round-D}: probabilities rounded to D decimals;</li>
 *   <li>{@code top-K}: the K largest probabilities only; {@code top-1} is the label alone;</li>
 *   <li>{@code temp-T}: probabilities at temperature T;</li>
 *   <li>{@code detect-P} and {@code detect-nn-P}: a query detector (diagonal Mahalanobis, or nearest
 *       neighbour) the thief fits on its own natural images, flagging what scores above their
 *       P-quantile; flagged queries are answered by an independent decoy model.</li>
 * </ul>
 * {@code standard} stands for {@link #STANDARD}. Suspects that answer labels only cannot add noise
 * to probabilities they do not give: the probability evasions leave them as they are.
 *
 * <pre>{@code
 * List<Evasion> e = EvasionSet.parse(List.of("standard"), thiefImages, decoy, 7);
 * }</pre>
 */
final class EvasionSet {

    /** The list: noise at several scales, rounding to 2 and 1 decimals, top-1 and top-3, two temperatures, a detector. */
    static final List<String> STANDARD = List.of("gauss-0.01", "gauss-0.05", "gauss-0.1", "laplace-0.01", "laplace-0.05",
            "round-2", "round-1", "top-1", "top-3", "temp-0.5", "temp-3", "detect-0.95", "detect-nn-0.95");

    private EvasionSet() {
    }

    /**
     * {@link Evasion#NONE} followed by the named evasions.
     *
     * @param names       evasion names, or {@code standard}
     * @param thiefImages the thief's natural images, from which the detectors learn
     * @param decoy       the independent model that answers detected queries
     * @param seed        the noise's seed
     * @throws IllegalArgumentException naming the evasion that is not understood, with the known forms
     */
    static List<Evasion> parse(List<String> names, ImageBatch thiefImages, Model decoy, long seed) {
        List<Evasion> out = new ArrayList<>();
        out.add(Evasion.NONE);
        for (String n : names) {
            if (n.equals("standard")) {
                STANDARD.forEach(s -> out.add(one(s, thiefImages, decoy, seed)));
            } else if (!n.equals(Evasion.NONE.name())) {
                out.add(one(n, thiefImages, decoy, seed));
            }
        }
        return List.copyOf(out);
    }

    private static Evasion one(String name, ImageBatch thiefImages, Model decoy, long seed) {
        String n = name.toLowerCase(Locale.ROOT);
        try {
            if (n.startsWith("gauss-")) {
                double sigma = Double.parseDouble(n.substring(6));
                return scores(name, decoy, m -> Evasions.gaussianNoise(m, sigma, seed));
            }
            if (n.startsWith("laplace-")) {
                double b = Double.parseDouble(n.substring(8));
                return scores(name, decoy, m -> Evasions.laplaceNoise(m, b, seed));
            }
            if (n.startsWith("round-")) {
                int decimals = Integer.parseInt(n.substring(6));
                return scores(name, decoy, m -> Evasions.roundedProbabilities(m, decimals));
            }
            if (n.equals("top-1")) {
                return new Evasion(name, Evasions::topOneLabel);
            }
            if (n.startsWith("top-")) {
                int k = Integer.parseInt(n.substring(4));
                return scores(name, decoy, m -> Evasions.topKProbabilities(m, k));
            }
            if (n.startsWith("temp-")) {
                double t = Double.parseDouble(n.substring(5));
                return scores(name, decoy, m -> Evasions.temperature(m, t));
            }
            if (n.startsWith("detect-")) {
                boolean nn = n.startsWith("detect-nn-");
                double p = Double.parseDouble(n.substring(nn ? 10 : 7));
                QueryDetector d = QueryDetector.fit(thiefImages,
                        nn ? QueryDetector.Statistic.NEAREST_NEIGHBOUR : QueryDetector.Statistic.MAHALANOBIS, p);
                return new Evasion(name, m -> m == decoy ? m : Evasions.detecting(m, d, decoy));
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("evasion '" + name + "': '" + e.getMessage() + "' is not a number", e);
        }
        throw new IllegalArgumentException("unknown evasion '" + name + "': expected standard, gauss-S, laplace-B, "
                + "round-D, top-K, temp-T, detect-P or detect-nn-P (for example " + String.join(",", STANDARD) + ")");
    }

    /**
     * An evasion of probabilities: label-only suspects have none to disguise and stay as they are.
     * The wrapper is tried once on the decoy, so that a bad parameter fails here, by name.
     */
    private static Evasion scores(String name, Model decoy, UnaryOperator<Model> wrap) {
        if (decoy.outputKind().hasScores() && wrap.apply(decoy) == null) {
            throw new IllegalStateException("evasion " + name + " gave no model");
        }
        return new Evasion(name, m -> m.outputKind().hasScores() ? wrap.apply(m) : m);
    }
}
