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
package io.modelprint.onnx;

import java.util.Arrays;

/**
 * What an ONNX model expects its input to look like, declared by the user because an ONNX file
 * does not say: each pixel {@code x} in [0, 1] of channel {@code c} is given to the model as
 * {@code (x * scale - mean[c]) / std[c]}, laid out NCHW or NHWC.
 *
 * <p>{@code mean} and {@code std} hold one value for every channel, or a single value used for
 * all of them.
 *
 * <pre>{@code
 * Preprocessing none = Preprocessing.none();                                    // x as is, NCHW
 * Preprocessing imagenet = Preprocessing.of(1, new double[] {0.485, 0.456, 0.406},
 *         new double[] {0.229, 0.224, 0.225}, Preprocessing.Layout.NCHW);   // torchvision's
 * Preprocessing keras = Preprocessing.of(255, new double[] {127.5}, new double[] {127.5}, Preprocessing.Layout.NHWC);
 * }</pre>
 *
 * @param scale  multiplies the [0, 1] pixel first (255 for models trained on 0-255 values)
 * @param mean   subtracted after scaling, per channel or one for all
 * @param std    divides after subtracting, per channel or one for all; every value non-zero
 * @param layout the order of the model's input dimensions
 */
public record Preprocessing(double scale, double[] mean, double[] std, Layout layout) {

    /**
     * The order of an image tensor's dimensions.
     *
     * <pre>{@code
     * Preprocessing p = Preprocessing.of(255, new double[] {127.5}, new double[] {127.5}, Preprocessing.Layout.NHWC);
     * }</pre>
     */
    public enum Layout {
        /** batch, channels, height, width: PyTorch's order. */
        NCHW,
        /** batch, height, width, channels: TensorFlow's and Keras's order. */
        NHWC
    }

    /** Checks and copies the values. */
    public Preprocessing {
        if (!Double.isFinite(scale) || scale == 0) {
            throw new IllegalArgumentException("preprocessing scale must be finite and non-zero, got " + scale);
        }
        if (mean == null || std == null || mean.length == 0 || std.length == 0) {
            throw new IllegalArgumentException("preprocessing needs a mean and a std (one value, or one per channel)");
        }
        if (layout == null) {
            throw new IllegalArgumentException("preprocessing needs a layout: NCHW or NHWC");
        }
        mean = mean.clone();
        std = std.clone();
        for (int i = 0; i < std.length; i++) {
            if (!Double.isFinite(std[i]) || std[i] == 0) {
                throw new IllegalArgumentException("preprocessing std[" + i + "] is " + std[i]
                        + ": it divides, so it must be finite and non-zero");
            }
        }
        for (int i = 0; i < mean.length; i++) {
            if (!Double.isFinite(mean[i])) {
                throw new IllegalArgumentException("preprocessing mean[" + i + "] is " + mean[i] + ": it must be finite");
            }
        }
    }

    /** Pixels as they are, in [0, 1], NCHW. */
    public static Preprocessing none() {
        return new Preprocessing(1, new double[] {0}, new double[] {1}, Layout.NCHW);
    }

    /** {@code (x * scale - mean[c]) / std[c]} in {@code layout}. */
    public static Preprocessing of(double scale, double[] mean, double[] std, Layout layout) {
        return new Preprocessing(scale, mean, std, layout);
    }

    /** The same values in another layout. */
    public Preprocessing withLayout(Layout other) {
        return new Preprocessing(scale, mean, std, other);
    }

    /**
     * Checks that mean and std fit {@code channels}.
     *
     * @throws IllegalArgumentException naming the counts
     */
    void checkChannels(int channels) {
        if ((mean.length != 1 && mean.length != channels) || (std.length != 1 && std.length != channels)) {
            throw new IllegalArgumentException("preprocessing has " + mean.length + " mean and " + std.length
                    + " std values but the model takes " + channels + " channels: give one value or one per channel");
        }
    }

    /**
     * {@code pixels} (NCHW, {@code count} images of {@code c x h x w}) as the model's input, in
     * {@link #layout()}.
     */
    float[] apply(float[] pixels, int count, int c, int h, int w) {
        if (isIdentity()) {
            // the model takes the pixels as they are: no copy (ONNX Runtime copies them into its own tensor)
            return pixels;
        }
        float[] out = new float[pixels.length];
        int plane = h * w;
        int per = c * plane;
        boolean nchw = layout == Layout.NCHW;
        for (int ch = 0; ch < c; ch++) {
            // (x * scale - mean) / std as one multiply and one subtraction per pixel, in double
            double s = std[std.length == 1 ? 0 : ch];
            double a = scale / s;
            double b = mean[mean.length == 1 ? 0 : ch] / s;
            for (int n = 0; n < count; n++) {
                int from = n * per + ch * plane;
                if (nchw) {
                    for (int q = 0; q < plane; q++) {
                        out[from + q] = (float) (pixels[from + q] * a - b);
                    }
                } else {
                    int to = n * per + ch;
                    for (int q = 0; q < plane; q++) {
                        out[to + q * c] = (float) (pixels[from + q] * a - b);
                    }
                }
            }
        }
        return out;
    }

    /** Whether this preprocessing leaves NCHW pixels in [0, 1] as they are. */
    boolean isIdentity() {
        if (scale != 1 || layout != Layout.NCHW) {
            return false;
        }
        for (double m : mean) {
            if (m != 0) {
                return false;
            }
        }
        for (double s : std) {
            if (s != 1) {
                return false;
            }
        }
        return true;
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] std() {
        return std.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Preprocessing p && p.scale == scale && Arrays.equals(p.mean, mean)
                && Arrays.equals(p.std, std) && p.layout == layout;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Double.hashCode(scale) + Arrays.hashCode(mean)) + Arrays.hashCode(std) + layout.hashCode();
    }

    @Override
    public String toString() {
        return "(x * " + scale + " - " + Arrays.toString(mean) + ") / " + Arrays.toString(std) + ", " + layout;
    }
}
