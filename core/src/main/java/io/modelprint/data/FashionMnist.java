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
package io.modelprint.data;

import io.modelprint.LabeledImages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Fashion-MNIST (28x28 grey images of clothes, 10 classes), read from IDX files.
 *
 * <p>Where the files are looked for, in order:
 * <ol>
 *   <li>a directory given by the caller ({@link #load(Path)});</li>
 *   <li>the directory in the system property {@value #DIR_PROPERTY} (if set, only there);</li>
 *   <li>{@value #SYSTEM_DIR}, where Debian's {@code dataset-fashion-mnist} package puts the full
 *       set;</li>
 *   <li>{@code data/fashion-mnist} in the working directory or a parent of it: the test set
 *       that ships with modelprint.</li>
 * </ol>
 * The test set alone is enough for the quick start and the tests; the training set is read when
 * present.
 *
 * <pre>{@code
 * FashionMnist fm = FashionMnist.load();
 * LabeledImages test = fm.test();
 * boolean full = fm.train().isPresent();
 * }</pre>
 */
public final class FashionMnist {

    /** System property naming a directory with the IDX files. */
    public static final String DIR_PROPERTY = "modelprint.data.dir";

    /** Where Debian's {@code dataset-fashion-mnist} package installs the files. */
    public static final String SYSTEM_DIR = "/usr/share/datasets/fashion-mnist";

    /** The ten classes, by label. */
    public static final List<String> CLASS_NAMES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    /** Number of classes. */
    public static final int NUM_CLASSES = 10;

    private final Path directory;
    private final LabeledImages test;
    private final LabeledImages train;

    private FashionMnist(Path directory, LabeledImages test, LabeledImages train) {
        this.directory = directory;
        this.test = test;
        this.train = train;
    }

    /**
     * Loads from the first location on the list above that holds the test set.
     *
     * @throws UncheckedIOException if no location has it; the message lists where it looked
     */
    public static FashionMnist load() {
        List<Path> candidates = new ArrayList<>();
        String prop = System.getProperty(DIR_PROPERTY);
        if (prop != null && !prop.isBlank()) {
            // a directory named on purpose is used or fails: no silent fallback to other data
            return load(Paths.get(prop));
        }
        candidates.add(Paths.get(SYSTEM_DIR));
        Path dir = Paths.get("").toAbsolutePath();
        while (dir != null) {
            candidates.add(dir.resolve("data").resolve("fashion-mnist"));
            dir = dir.getParent();
        }
        for (Path c : candidates) {
            if (find(c, "t10k-images-idx3-ubyte").isPresent()) {
                return load(c);
            }
        }
        throw new UncheckedIOException(new IOException("Fashion-MNIST not found; looked in " + candidates
                + ". Install Debian's dataset-fashion-mnist, or set -D" + DIR_PROPERTY + "=<dir with the IDX files>"));
    }

    /**
     * Loads the IDX files in {@code directory} (gzip-compressed or not): the test set is required,
     * the training set optional.
     *
     * @throws UncheckedIOException if the test set is missing or a file is corrupt
     */
    public static FashionMnist load(Path directory) {
        try {
            LabeledImages test = read(directory, "t10k")
                    .orElseThrow(() -> new IOException("no Fashion-MNIST test set (t10k-images-idx3-ubyte[.gz] and "
                            + "t10k-labels-idx1-ubyte[.gz]) in " + directory));
            LabeledImages train = read(directory, "train").orElse(null);
            return new FashionMnist(directory, test, train);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<LabeledImages> read(Path dir, String prefix) throws IOException {
        Optional<Path> images = find(dir, prefix + "-images-idx3-ubyte");
        Optional<Path> labels = find(dir, prefix + "-labels-idx1-ubyte");
        if (images.isEmpty() || labels.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new LabeledImages(IdxReader.readImages(images.get()), IdxReader.readLabels(labels.get()),
                NUM_CLASSES));
    }

    private static Optional<Path> find(Path dir, String base) {
        for (String name : new String[] {base + ".gz", base}) {
            Path p = dir.resolve(name);
            if (Files.isRegularFile(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The directory the files were read from. */
    public Path directory() {
        return directory;
    }

    /** The 10,000 test images. */
    public LabeledImages test() {
        return test;
    }

    /** The 60,000 training images, if that directory has them. */
    public Optional<LabeledImages> train() {
        return Optional.ofNullable(train);
    }
}
