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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.dl4j.Architecture;
import io.modelprint.dl4j.Trainer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The benchmark zoo's spec: what every victim holds, the matched negatives, disjoint splits, stable ids. */
class BenchmarkZooSpecTest {

    private static final List<ZooSpec> ALL = List.of(
            ZooSpec.benchmark(ZooSpec.Size.FULL, ZooSpec.Variant.DEV), ZooSpec.benchmark(ZooSpec.Size.FULL, ZooSpec.Variant.TEST),
            ZooSpec.benchmark(ZooSpec.Size.MINI, ZooSpec.Variant.DEV), ZooSpec.benchmark(ZooSpec.Size.MINI, ZooSpec.Variant.TEST));

    @Test
    void everyVictimHasSeventeenCopiesInSevenFamiliesTwoTwinsAndTheAttackStudents() {
        // the seven families, two twins, and the attack students of issue 12: two Knockoff students
        // on probabilities, one on labels, JBDA, and adversarial training from scratch (the third
        // EXTRACT_ADVERSARIAL member)
        Map<Family, Integer> expected = Map.ofEntries(Map.entry(Family.FINE_TUNE_ALL, 2), Map.entry(Family.FINE_TUNE_LAST, 2),
                Map.entry(Family.PRUNE, 3), Map.entry(Family.TRANSFER, 2), Map.entry(Family.EXTRACT_PROBABILITIES, 3),
                Map.entry(Family.EXTRACT_LABELS, 3), Map.entry(Family.EXTRACT_ADVERSARIAL, 3), Map.entry(Family.TWIN, 2),
                Map.entry(Family.KNOCKOFF_PROBABILITIES, 2), Map.entry(Family.KNOCKOFF_LABELS, 1), Map.entry(Family.JBDA, 1));
        Map<Family, Integer> defendedExpected = Map.of(Family.KNOCKOFF_PROBABILITIES, 2, Family.KNOCKOFF_LABELS, 1,
                Family.JBDA, 1, Family.EXTRACT_ADVERSARIAL, 1, Family.EXTRACT_PROBABILITIES, 1, Family.EXTRACT_LABELS, 1);
        for (ZooSpec spec : ALL) {
            assertEquals(3, spec.victims().size(), spec.name());
            assertNotEquals(spec.victims().get(0).architecture(), spec.victims().get(1).architecture());
            VictimSpec defendedVictim = spec.victims().get(2);
            VictimSpec mlp = spec.victims().get(1);
            assertTrue(defendedVictim.defended() && !mlp.defended() && !spec.victims().get(0).defended());
            assertEquals(mlp.name() + "-ini", defendedVictim.name());
            assertEquals(mlp.architecture(), defendedVictim.architecture(), "InI defends the same architecture");
            assertEquals(mlp.training(), defendedVictim.training(), "with the same data, epochs and seed");
            assertNotEquals(mlp.member().id(), defendedVictim.member().id(), "in its own cache file");
            for (VictimSpec v : spec.victims()) {
                Map<Family, Integer> counts = v.members().stream()
                        .collect(Collectors.toMap(ZooMember::family, m -> 1, Integer::sum));
                assertEquals(v.defended() ? defendedExpected : expected, counts, spec.name() + " " + v.name());
                if (v.defended()) {
                    continue;
                }
                // the knobs vary inside each family
                assertEquals(2, distinct(v, Family.FINE_TUNE_ALL, ZooMember::parameter));
                assertEquals(2, distinct(v, Family.FINE_TUNE_LAST, ZooMember::parameter));
                assertEquals(Set.of(0.3, 0.5, 0.7), v.members().stream().filter(m -> m.family() == Family.PRUNE)
                        .map(m -> m.parameter().value()).collect(Collectors.toSet()));
                assertEquals(2, distinct(v, Family.TRANSFER, ZooMember::parameter));
                assertEquals(Set.of(4.0, 10.0, 20.0), v.members().stream().filter(m -> m.family() == Family.EXTRACT_PROBABILITIES)
                        .map(m -> m.parameter().value()).collect(Collectors.toSet()));
                for (ZooMember m : v.members()) {
                    if (m.family() == Family.EXTRACT_ADVERSARIAL && m.base() != null) {
                        assertEquals(Family.EXTRACT_LABELS, m.base().family(), "adversarial students fine-tune label students");
                        assertTrue(v.members().contains(m.base()));
                        assertEquals(m.base().images(), m.queries(), "it spends the queries its base bought");
                    } else if (m.family() == Family.EXTRACT_ADVERSARIAL) {
                        assertTrue(m.parameter() instanceof RecipeParameter.Epsilon, "trained adversarially from scratch");
                        assertEquals(m.images(), m.queries(), "it buys the labels of its own images");
                    }
                }
                assertEquals(Set.of(OutOfDistribution.TRANSFORMED, OutOfDistribution.MIXTURES), v.members().stream()
                        .filter(m -> m.family() == Family.KNOCKOFF_PROBABILITIES)
                        .map(m -> m.parameter(RecipeParameter.QueryDistribution.class).kind()).collect(Collectors.toSet()));
            }
            // the seven student recipes with true labels, and the two adversarial trainings from scratch
            assertEquals(9, spec.shared().stream().filter(m -> m.family() == Family.MATCHED).count());
            assertEquals(3, spec.shared().stream().filter(m -> m.family() == Family.INDEPENDENT).count());
            assertEquals(3, spec.shared().stream().filter(m -> m.family() == Family.INDEPENDENT_TRANSFER).count());
        }
    }

    @Test
    void everyStudentRecipeHasAMatchedNegativeThatDiffersOnlyInItsLabels() {
        for (ZooSpec spec : ALL) {
            List<ZooMember> matched = spec.members(Family.MATCHED);
            for (VictimSpec v : spec.victims()) {
                for (ZooMember s : v.members()) {
                    if (s.family() == Family.EXTRACT_PROBABILITIES || s.family() == Family.EXTRACT_LABELS) {
                        assertTrue(matched.stream().anyMatch(n -> n.base() == null && sameRecipe(n, s)),
                                spec.name() + ": no matched negative for " + s.id());
                    }
                    if (s.family() == Family.EXTRACT_ADVERSARIAL && s.base() != null) {
                        assertTrue(matched.stream().anyMatch(n -> n.base() != null && sameRecipe(n, s)
                                        && n.parameter().equals(s.parameter()) && sameRecipe(n.base(), s.base())),
                                spec.name() + ": no matched adversarial negative for " + s.id());
                    } else if (s.family() == Family.EXTRACT_ADVERSARIAL) {
                        assertTrue(matched.stream().anyMatch(n -> n.base() == null && sameRecipe(n, s)
                                        && n.parameter().equals(s.parameter())),
                                spec.name() + ": no matched negative trained adversarially like " + s.id());
                    }
                }
            }
        }
    }

    private static boolean sameRecipe(ZooMember a, ZooMember b) {
        return a.architecture().equals(b.architecture()) && a.images() == b.images()
                && a.training().epochs() == b.training().epochs() && a.training().learningRate() == b.training().learningRate()
                && a.training().batchSize() == b.training().batchSize();
    }

    @Test
    void devAndTestShareNoSeedNoVictimAndNoId() {
        for (ZooSpec.Size size : ZooSpec.Size.values()) {
            ZooSpec dev = ZooSpec.benchmark(size, ZooSpec.Variant.DEV);
            ZooSpec test = ZooSpec.benchmark(size, ZooSpec.Variant.TEST);
            Set<Long> devSeeds = seeds(dev);
            Set<Long> testSeeds = seeds(test);
            assertEquals(dev.members().size() + 2, devSeeds.size(), "every model of a split has its own seed");
            devSeeds.retainAll(testSeeds);
            assertTrue(devSeeds.isEmpty(), "seeds in both splits: " + devSeeds);
            Set<Architecture> devVictims = dev.victims().stream().map(VictimSpec::architecture).collect(Collectors.toSet());
            assertTrue(test.victims().stream().noneMatch(v -> devVictims.contains(v.architecture())));
            Set<String> ids = new HashSet<>();
            for (ZooSpec s : List.of(dev, test)) {
                s.members().forEach(m -> assertTrue(ids.add(m.id()), "id twice: " + m.id()));
            }
        }
        assertTrue(ZooSpec.benchmark(ZooSpec.Size.FULL, ZooSpec.Variant.TEST).victims().stream()
                .anyMatch(v -> v.architecture().kind() == Architecture.Kind.CNNBN), "a batch-norm victim");
    }

    private static Set<Long> seeds(ZooSpec s) {
        Set<Long> out = s.members().stream().map(ZooMember::seed).collect(Collectors.toCollection(HashSet::new));
        s.victims().forEach(v -> out.add(v.training().seed()));
        return out;
    }

    @Test
    void theFirstZoosKeepTheIdsTheirCachesWereWrittenWith() {
        for (ZooSpec spec : List.of(ZooSpec.smoke(ZooSpec.Variant.DEV), ZooSpec.full(ZooSpec.Variant.TEST),
                ZooSpec.owner(ZooSpec.Variant.DEV, true))) {
            for (ZooMember m : spec.members()) {
                Trainer.Config t = m.training();
                String before = String.format(Locale.ROOT, "%d-%d-%g-%d-%g", t.epochs(), t.batchSize(), t.learningRate(),
                        m.images(), m.parameter().value());
                assertEquals(m.family().label() + "__" + m.architecture().name() + "__s" + m.seed() + "__"
                        + Integer.toHexString(before.hashCode()), m.id());
            }
        }
        assertEquals(1, ZooSpec.smoke(ZooSpec.Variant.DEV).victims().size());
        assertEquals(6, ZooSpec.smoke(ZooSpec.Variant.DEV).shared().size(), "4 independent models, 2 of the transfer task");
    }

    @Test
    void membersAreValidated() {
        Trainer.Config t = new Trainer.Config(1, 32, 1e-3, 0);
        ZooMember labels = new ZooMember(Family.EXTRACT_LABELS, Architecture.mlp(8), 1, t, 100);
        RecipeParameter.AdversarialFineTuning adv = new RecipeParameter.AdversarialFineTuning(0.1, 0.025, 5);
        IllegalArgumentException noBase = assertThrows(IllegalArgumentException.class,
                () -> new ZooMember(Family.EXTRACT_ADVERSARIAL, Architecture.mlp(8), 2, t, 100, adv));
        assertTrue(noBase.getMessage().contains("needs the base model"), noBase.getMessage());
        IllegalArgumentException wrongBase = assertThrows(IllegalArgumentException.class,
                () -> ZooMember.fineTunedFrom(Family.MATCHED, labels, 3, t, 100, adv));
        assertTrue(wrongBase.getMessage().contains("fine-tunes a matched model"), wrongBase.getMessage());
        IllegalArgumentException wrongKnob = assertThrows(IllegalArgumentException.class,
                () -> new ZooMember(Family.PRUNE, Architecture.mlp(8), 4, t, 100, new RecipeParameter.Sgd()));
        assertTrue(wrongKnob.getMessage().contains("PruningRate"), wrongKnob.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ZooSpec("z", List.of(new VictimSpec("v", Architecture.mlp(8), t,
                100, List.of())), List.of(labels)), "a student is not a shared negative");
        assertNotEquals(ZooMember.fineTunedFrom(Family.EXTRACT_ADVERSARIAL, labels, 5, t, 100, adv).id(),
                ZooMember.fineTunedFrom(Family.EXTRACT_ADVERSARIAL, new ZooMember(Family.EXTRACT_LABELS, Architecture.mlp(8),
                        9, t, 100), 5, t, 100, adv).id(), "the base is part of the id");
        assertEquals(100, ZooMember.fineTunedFrom(Family.EXTRACT_ADVERSARIAL, labels, 5, t, 50, adv).queries());
    }

    private static long distinct(VictimSpec v, Family f, Function<ZooMember, Object> key) {
        return v.members().stream().filter(m -> m.family() == f).map(key).distinct().count();
    }
}
