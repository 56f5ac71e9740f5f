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

import io.modelprint.LabeledImages;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A benchmark zoo of one framework, as the detection benchmark scores it: victims in a
 * development and a test split, each with its stolen copies and twins, and the negatives each
 * split shares. Made by {@link PyTorchZoo#load} (ONNX files) or {@link Dl4jZoos#build} (DL4J
 * networks); closing it releases the models' native resources.
 *
 * <pre>{@code
 * try (BenchmarkZoo zoo = PyTorchZoo.load(Path.of("zoo-cache/pytorch/full"), test, listener)) {
 *     for (BenchmarkMember v : zoo.victims()) {
 *         List<BenchmarkMember> suspects = zoo.suspectsOf(v);
 *     }
 * }
 * }</pre>
 *
 * @param name      how reports name it, such as {@code pytorch:zoo-cache/pytorch/full}
 * @param framework its framework
 * @param members   every model, victims included, in the zoo's order
 * @param ownerData the owner data its victims are fingerprinted with (the Fashion-MNIST test set; half
 *                  of it for the DL4J smoke zoo)
 * @param release   run by {@link #close()}: releases the models' resources, such as the ONNX sessions
 */
public record BenchmarkZoo(String name, Framework framework, List<BenchmarkMember> members, LabeledImages ownerData,
                           Runnable release)
        implements AutoCloseable {

    /** Validates: members of this framework with unique names, stolen copies and twins of victims that exist. */
    public BenchmarkZoo {
        members = List.copyOf(members);
        Set<String> names = new HashSet<>();
        Set<String> victims = new HashSet<>();
        for (BenchmarkMember m : members) {
            if (m.framework() != framework) {
                throw new IllegalArgumentException("zoo " + name + " of " + framework.label() + " holds " + m.name()
                        + " of " + m.framework().label());
            }
            if (!names.add(m.name())) {
                throw new IllegalArgumentException("zoo " + name + " holds two models named " + m.name());
            }
            if (m.role() == Role.VICTIM) {
                victims.add(m.victimKey());
            }
        }
        for (BenchmarkMember m : members) {
            if (m.victim() != null && !victims.contains(m.victimKey())) {
                throw new IllegalArgumentException("zoo " + name + ": " + m.name() + " belongs to victim " + m.victim()
                        + " of split " + m.split() + ", which the zoo does not hold");
            }
        }
    }

    /** The victims, in the zoo's order. */
    public List<BenchmarkMember> victims() {
        return members.stream().filter(m -> m.role() == Role.VICTIM).toList();
    }

    /** The models compared with {@code victim}: its stolen copies and twins, and its split's shared negatives. */
    public List<BenchmarkMember> suspectsOf(BenchmarkMember victim) {
        return members.stream().filter(m -> m.belongsTo(victim)).toList();
    }

    @Override
    public void close() {
        release.run();
    }
}
