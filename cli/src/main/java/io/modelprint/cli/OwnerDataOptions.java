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
package io.modelprint.cli;

import io.modelprint.ImageBatch;
import io.modelprint.ImageShape;
import io.modelprint.LabeledImages;
import io.modelprint.data.FashionMnist;
import io.modelprint.data.IdxReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import picocli.CommandLine.Option;

/**
 * Where {@code modelprint fingerprint} takes the owner's labelled images from: a Fashion-MNIST
 * directory ({@code --data}), any IDX image and label file pair ({@code --images},
 * {@code --labels}), or a folder of PNG images with one subfolder per class
 * ({@code --image-folder}); {@code --data-range} keeps a slice.
 *
 * <p>Image folder layout: {@code DIR/<class>/<any name>.png}. When every subfolder's name is a
 * number, that number is the class (folders {@code 0} to {@code 9}); otherwise the classes are the
 * subfolders in alphabetical order (the first is class 0). Files are read in name order; pixels
 * are scaled to [0, 1]; grey images give one channel, colour images three (RGB); every image must
 * have the size of the first.
 *
 * <pre>
 * modelprint fingerprint --model victim.onnx --images train-images-idx3-ubyte.gz --labels train-labels-idx1-ubyte.gz --out v.fp.json
 * modelprint fingerprint --model victim.onnx --image-folder owner-images/ --out v.fp.json
 * </pre>
 */
public final class OwnerDataOptions {

    @Option(names = "--data", paramLabel = "DIR",
            description = "Directory with the Fashion-MNIST IDX files; its test set is used (default: -Dmodelprint.data.dir, "
                    + "the Debian package, or data/fashion-mnist).")
    Path data;

    @Option(names = "--images", paramLabel = "FILE",
            description = "An IDX image file (plain or .gz) of the owner's images; needs --labels.")
    Path images;

    @Option(names = "--labels", paramLabel = "FILE",
            description = "The IDX label file (plain or .gz) that goes with --images.")
    Path labels;

    @Option(names = "--image-folder", paramLabel = "DIR",
            description = "A folder of PNG images, one subfolder per class (named 0, 1, ... or any names, taken in "
                    + "alphabetical order).")
    Path imageFolder;

    @Option(names = "--data-range", paramLabel = "FROM:TO",
            description = "Images to draw queries from, held out from the victim's training (default: all).")
    String range;

    /** The owner's images, sliced by {@code --data-range}; {@code numClasses} is the victim's when known, else 0. */
    LabeledImages load(int numClasses) {
        int sources = (data != null ? 1 : 0) + (images != null || labels != null ? 1 : 0) + (imageFolder != null ? 1 : 0);
        if (sources > 1) {
            throw new IllegalArgumentException("give the owner's images one way: --data, --images with --labels, or "
                    + "--image-folder");
        }
        LabeledImages all;
        if (images != null || labels != null) {
            all = idx(numClasses);
        } else if (imageFolder != null) {
            all = folder(imageFolder, numClasses);
        } else {
            all = (data == null ? FashionMnist.load() : FashionMnist.load(data)).test();
        }
        return slice(all);
    }

    private LabeledImages idx(int numClasses) {
        if (images == null || labels == null) {
            throw new IllegalArgumentException("--images and --labels go together: give both IDX files");
        }
        try {
            ImageBatch x = IdxReader.readImages(images);
            int[] y = IdxReader.readLabels(labels);
            if (x.count() != y.length) {
                throw new IllegalArgumentException(images + " holds " + x.count() + " images but " + labels + " "
                        + y.length + " labels: give the label file of these images");
            }
            return new LabeledImages(x, y, classes(y, numClasses, labels.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int classes(int[] labels, int numClasses, String where) {
        int max = Arrays.stream(labels).max().orElse(-1);
        if (numClasses > 0 && max >= numClasses) {
            throw new IllegalArgumentException(where + " has label " + max + " but the victim answers " + numClasses
                    + " classes: the data and the model do not solve the same task");
        }
        return Math.max(numClasses, Math.max(2, max + 1));
    }

    /** Reads a folder of PNG images with one subfolder per class (see the class description). */
    static LabeledImages folder(Path dir, int numClasses) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--image-folder " + dir + " is not a directory: give a folder with one "
                    + "subfolder of PNG images per class");
        }
        try {
            List<Path> classDirs;
            try (Stream<Path> s = Files.list(dir)) {
                classDirs = s.filter(Files::isDirectory).sorted().toList();
            }
            if (classDirs.isEmpty()) {
                throw new IllegalArgumentException("--image-folder " + dir + " has no subfolders: put each class's "
                        + "images in a subfolder (0/, 1/, ... or one name per class)");
            }
            boolean numbered = classDirs.stream().allMatch(d -> d.getFileName().toString().matches("\\d{1,6}"));
            List<float[]> pixels = new ArrayList<>();
            List<Integer> labels = new ArrayList<>();
            ImageShape shape = null;
            for (int c = 0; c < classDirs.size(); c++) {
                Path classDir = classDirs.get(c);
                int label = numbered ? Integer.parseInt(classDir.getFileName().toString()) : c;
                List<Path> files;
                try (Stream<Path> s = Files.list(classDir)) {
                    files = s.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png"))
                            .sorted().toList();
                }
                for (Path f : files) {
                    BufferedImage img = ImageIO.read(f.toFile());
                    if (img == null) {
                        throw new IllegalArgumentException(f + " is not a PNG image that can be read");
                    }
                    ImageShape s = new ImageShape(img.getColorModel().getNumColorComponents() == 1 ? 1 : 3,
                            img.getHeight(), img.getWidth());
                    if (shape == null) {
                        shape = s;
                    } else if (!shape.equals(s)) {
                        throw new IllegalArgumentException(f + " is " + s + " but the first image was " + shape
                                + ": give images of one size and colour");
                    }
                    pixels.add(pixels(img, shape));
                    labels.add(label);
                }
            }
            if (shape == null) {
                throw new IllegalArgumentException("--image-folder " + dir + " holds no .png file in its subfolders");
            }
            float[] all = new float[pixels.size() * shape.size()];
            for (int i = 0; i < pixels.size(); i++) {
                System.arraycopy(pixels.get(i), 0, all, i * shape.size(), shape.size());
            }
            int[] y = labels.stream().mapToInt(Integer::intValue).toArray();
            return new LabeledImages(ImageBatch.of(shape, all), y, classes(y, numClasses, "--image-folder " + dir));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the image folder " + dir + ": " + e.getMessage(), e);
        }
    }

    // channels first (C x H x W), as ImageBatch holds them
    private static float[] pixels(BufferedImage img, ImageShape shape) {
        int h = shape.height();
        int w = shape.width();
        float[] px = new float[shape.size()];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (shape.channels() == 1) {
                    px[y * w + x] = img.getRaster().getSample(x, y, 0) / 255f;
                } else {
                    int rgb = img.getRGB(x, y);
                    px[y * w + x] = ((rgb >> 16) & 0xff) / 255f;
                    px[h * w + y * w + x] = ((rgb >> 8) & 0xff) / 255f;
                    px[2 * h * w + y * w + x] = (rgb & 0xff) / 255f;
                }
            }
        }
        return px;
    }

    private LabeledImages slice(LabeledImages all) {
        if (range == null) {
            return all;
        }
        String[] p = range.split(":");
        try {
            if (p.length != 2) {
                throw new NumberFormatException();
            }
            int from = Integer.parseInt(p[0].trim());
            int to = Integer.parseInt(p[1].trim());
            if (from < 0 || to > all.size() || from >= to) {
                throw new NumberFormatException();
            }
            return all.slice(from, to);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--data-range " + range + " is not FROM:TO with 0 <= FROM < TO <= "
                    + all.size());
        }
    }
}
