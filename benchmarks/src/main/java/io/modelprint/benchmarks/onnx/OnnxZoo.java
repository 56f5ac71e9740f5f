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
package io.modelprint.benchmarks.onnx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The ONNX files the ONNX benchmarks score: Fashion-MNIST classifiers ({@code [N, 1, 28, 28]}
 * inputs, 10 classes) from the PyTorch zoo cache ({@code -Dmodelprint.onnx.zoo}, by default
 * {@code zoo-cache/pytorch/full} of the checkout), then the small ones that ship in the
 * repository, in name order, up to the number asked for.
 *
 * <pre>{@code
 * List<Path> files = OnnxZoo.files(root, 48);
 * }</pre>
 */
public final class OnnxZoo {

    private OnnxZoo() {
    }

    /** Up to {@code count} ONNX files under the checkout {@code root}. */
    public static List<Path> files(Path root, int count) {
        List<Path> dirs = new ArrayList<>();
        String zoo = System.getProperty("modelprint.onnx.zoo");
        dirs.add(zoo != null ? Path.of(zoo) : root.resolve("zoo-cache/pytorch/full"));
        dirs.add(root.resolve("benchmarks/src/test/resources/pytorch-zoo"));
        dirs.add(root.resolve("examples/models"));
        List<Path> files = new ArrayList<>();
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> s = Files.walk(dir)) {
                s.filter(p -> p.getFileName().toString().endsWith(".onnx")).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + dir, e);
            }
        }
        if (files.size() < 2) {
            throw new IllegalArgumentException("found " + files.size() + " ONNX files in " + dirs
                    + "; build the PyTorch zoo (benchmarks/pytorch/zoo.py) or set -Dmodelprint.onnx.zoo=DIR");
        }
        return List.copyOf(files.subList(0, Math.min(count, files.size())));
    }
}
