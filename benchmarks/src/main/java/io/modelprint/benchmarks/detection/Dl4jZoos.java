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

import io.modelprint.ProgressListener;
import io.modelprint.data.FashionMnist;
import io.modelprint.zoo.TrainedMember;
import io.modelprint.zoo.Zoo;
import io.modelprint.zoo.ZooData;
import io.modelprint.zoo.ZooMember;
import io.modelprint.zoo.ZooSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The DL4J zoos by name, trained (or loaded from the cache) through {@link Zoo} and seen as a
 * {@link BenchmarkZoo}:
 * <ul>
 *   <li>{@code full}: the benchmark zoo ({@link ZooSpec#benchmark}), dev and test splits, two victims each;</li>
 *   <li>{@code mini}: the same recipes on a few thousand images (minutes), for checking the zoo;</li>
 *   <li>{@code smoke}: the first smoke zoo, one victim, dev split only;</li>
 *   <li>{@code v1}: the first full zoos ({@code full-dev}, {@code full-test}), one victim each.</li>
 * </ul>
 *
 * <pre>{@code
 * List<Zoo> trained = Dl4jZoos.train("full", List.of("dev", "test"), ZooData.of(FashionMnist.load()), Path.of("zoo-cache"), 2, listener);
 * BenchmarkZoo zoo = Dl4jZoos.build("full", trained);
 * }</pre>
 */
public final class Dl4jZoos {

    /** The zoo names, in help order. */
    public static final List<String> NAMES = List.of("full", "mini", "smoke", "v1");

    private Dl4jZoos() {
    }

    /**
     * The specs of zoo {@code name} for the splits asked for.
     *
     * @param splits {@code dev}, {@code test} or both
     * @throws IllegalArgumentException for an unknown name or split
     */
    public static List<ZooSpec> specs(String name, List<String> splits) {
        List<ZooSpec> out = new ArrayList<>();
        for (String split : splits) {
            ZooSpec.Variant v = variant(split);
            switch (name) {
                case "full" -> out.add(ZooSpec.benchmark(ZooSpec.Size.FULL, v));
                case "mini" -> out.add(ZooSpec.benchmark(ZooSpec.Size.MINI, v));
                case "smoke" -> {
                    if (v == ZooSpec.Variant.DEV) {
                        out.add(ZooSpec.smoke(v));
                    }
                }
                case "v1" -> out.add(ZooSpec.full(v));
                default -> throw new IllegalArgumentException("no DL4J zoo named '" + name + "'; known: " + NAMES);
            }
        }
        return out;
    }

    private static ZooSpec.Variant variant(String split) {
        for (ZooSpec.Variant v : ZooSpec.Variant.values()) {
            if (v.label().equals(split)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown split '" + split + "': expected dev or test");
    }

    /**
     * The data split zoo {@code name} is trained and scored on: the Fashion-MNIST training set's two
     * halves for the owner and the attacker, and the test set; {@code smoke} uses half the test set
     * (within 10 minutes), and without the training set the shipped test set's 4,000 / 4,000 / 2,000.
     *
     * @throws IllegalStateException if a zoo other than {@code smoke} lacks the 60,000 training images,
     *                               saying how to install them
     */
    public static ZooData data(String name, FashionMnist fm) {
        ZooData data = ZooData.of(fm);
        if (name.equals("smoke")) {
            // half the test set keeps the smoke run within 10 minutes
            // (without the training set the split is already small: 4,000 / 4,000 / 2,000 test images)
            return data.isFull() ? new ZooData(data.owner(), data.attacker(), data.test().slice(0, data.test().size() / 2))
                    : data;
        }
        if (!data.isFull()) {
            throw new IllegalStateException("the DL4J zoo " + name + " needs the 60,000 Fashion-MNIST training images, found "
                    + "only the test set in " + fm.directory() + ": install Debian's dataset-fashion-mnist "
                    + "(apt-get install dataset-fashion-mnist) or set -D" + FashionMnist.DIR_PROPERTY);
        }
        return data;
    }

    /** The split a zoo of {@link #specs} was made for. */
    static String split(ZooSpec spec) {
        return spec.name().endsWith("-test") ? "test" : "dev";
    }

    /**
     * Trains (or loads) zoo {@code name} for the splits asked for.
     *
     * @param jobs models trained at once (see {@link Zoo#build(ZooSpec, ZooData, Path, int, ProgressListener)})
     */
    public static List<Zoo> train(String name, List<String> splits, ZooData data, Path cache, int jobs,
                                  ProgressListener progress) {
        return train(name, splits, data, cache, jobs, false, progress);
    }

    /**
     * Trains (or loads) zoo {@code name} for the splits asked for; with {@code cachedOnly}, loads
     * only what is trained already ({@link Zoo#cachedPart}) and trains nothing.
     */
    public static List<Zoo> train(String name, List<String> splits, ZooData data, Path cache, int jobs,
                                  boolean cachedOnly, ProgressListener progress) {
        List<Zoo> out = new ArrayList<>();
        for (ZooSpec spec : specs(name, splits)) {
            ZooSpec s = cachedOnly ? Zoo.cachedPart(spec, data, cache) : spec;
            out.add(Zoo.build(s, data, cache, jobs, progress));
        }
        return out;
    }

    /**
     * The trained zoos of one name as one benchmark zoo, {@code dl4j:<name>}, fingerprinted with
     * the zoos' test set.
     *
     * @throws IllegalArgumentException if {@code zoos} is empty
     */
    public static BenchmarkZoo build(String name, List<Zoo> zoos) {
        if (zoos.isEmpty()) {
            throw new IllegalArgumentException("DL4J zoo " + name + " has no split to score");
        }
        List<BenchmarkMember> members = new ArrayList<>();
        for (Zoo zoo : zoos) {
            String split = split(zoo.spec());
            Map<String, TrainedMember> victims = new LinkedHashMap<>();
            zoo.victims().forEach(v -> victims.put(v.spec().name(), v.victim()));
            for (Zoo.TrainedVictim v : zoo.victims()) {
                members.add(member(split, v.spec().name(), v.spec().name(), Role.VICTIM, v.victim(), victims));
                for (TrainedMember m : v.members()) {
                    members.add(member(split, v.spec().name(), m.id(), Role.of(m.family()), m, victims));
                }
            }
            for (TrainedMember m : zoo.shared()) {
                members.add(member(split, null, m.id(), Role.of(m.family()), m, victims));
            }
        }
        return new BenchmarkZoo("dl4j:" + name, Framework.DL4J, members, zoos.get(0).cleanTest(), () -> { });
    }

    private static BenchmarkMember member(String split, String victim, String name, Role role, TrainedMember m,
                                          Map<String, TrainedMember> victims) {
        Map<String, Double> fidelity = new LinkedHashMap<>();
        victims.forEach((v, vm) -> fidelity.put(v, m.measurements().agreement(vm.measurements())));
        return new BenchmarkMember(Framework.DL4J, split, victim, name, role, role == Role.STOLEN ? StolenFamilies.ofDl4j(m.member()) : null,
                m.member().architecture().name(), recipe(m.member()), m.member().queries(), m.measurements().accuracy(),
                m.family().transferTask(), fidelity, m.model());
    }

    /** How a DL4J member was trained, as the benchmark's tables show it. */
    static Map<String, String> recipe(ZooMember m) {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("epochs", Integer.toString(m.training().epochs()));
        r.put("lr", String.format(Locale.ROOT, "%g", m.training().learningRate()));
        r.put("images", Integer.toString(m.images()));
        r.putAll(new TreeMap<>(m.parameter().settings()));
        if (m.base() != null) {
            r.put("base", m.base().id());
        }
        return r;
    }
}
