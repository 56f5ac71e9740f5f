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

import io.modelprint.ImageBatch;
import io.modelprint.ImageShape;
import io.modelprint.Model;
import io.modelprint.OutputKind;
import io.modelprint.Predictions;
import io.modelprint.ProgressListener;
import io.modelprint.dl4j.Architecture;
import io.modelprint.kernel.Matrix;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Attack: equation solving (Tram&egrave;r et al., "Stealing Machine Learning Models via Prediction
 * APIs", USENIX Security 2016). A softmax-regression victim {@code f(x) = softmax(W x + b)} with
 * {@code d} inputs and {@code k} classes answers probabilities that satisfy, for every query
 * {@code x} and class {@code i},
 * <pre>  log(p_i(x) / p_0(x)) = (w_i - w_0) . x + (b_i - b_0)</pre>
 * which is linear in the unknowns. Each query gives {@code k - 1} such equations, one per class
 * against class 0, sharing the same left-hand side {@code [x, 1]}; {@code d + 1} linearly
 * independent queries determine every {@code w_i - w_0} and {@code b_i - b_0}, and nothing
 * determines more: softmax does not change when one vector is added to every row, so the copy is
 * exact up to that shift (its class-0 row is zero). The system is solved by least squares with a
 * Householder QR decomposition (Apache Commons Math), in double precision.
 *
 * <p>Queries ({@link Design}): {@code BASIS} sends the black image and the {@code d} images with
 * one white pixel, exactly {@code d + 1} queries and a well-conditioned system (each weight is a
 * difference of two answers); {@code UNIFORM} sends {@code n >= d + 1} uniformly random images.
 * The copy is a DL4J softmax regression ({@link Architecture#softmaxRegression()}). Logit answers
 * are used as they are; labels cannot be solved for (see {@link LabelOnlyRetraining}).
 *
 * <pre>{@code
 * StolenModel copy = EquationSolving.basis().apply(Models.probabilitiesOnly(victim), ProgressListener.NONE);
 * double err = EquationSolving.maxDifferenceUpToShift(victimNet, copy.network());   // ~1e-6: float precision
 * }</pre>
 *
 * @param design  which queries
 * @param queries how many ({@code d + 1} for {@code BASIS}; at least {@code d + 1} for {@code UNIFORM})
 * @param seed    seed of the uniform queries
 */
public record EquationSolving(Design design, int queries, long seed) {

    /**
     * Which images are sent.
     *
     * <pre>{@code
     * EquationSolving e = new EquationSolving(EquationSolving.Design.UNIFORM, 2 * 785, 7);
     * }</pre>
     */
    public enum Design {
        /** The black image and every one-white-pixel image: {@code d + 1} queries. */
        BASIS,
        /** Uniformly random images. */
        UNIFORM
    }

    /** Validates. */
    public EquationSolving {
        if (design == null) {
            throw new IllegalArgumentException("a query design must be given: BASIS or UNIFORM");
        }
        if (design == Design.UNIFORM && queries < 2) {
            throw new IllegalArgumentException("uniform equation solving needs at least d + 1 queries, got " + queries);
        }
    }

    /** The {@code d + 1} basis queries (the count is the victim's input size plus one). */
    public static EquationSolving basis() {
        return new EquationSolving(Design.BASIS, 0, 0);
    }

    /** {@code queries} uniformly random images drawn from {@code seed}. */
    public static EquationSolving uniform(int queries, long seed) {
        return new EquationSolving(Design.UNIFORM, queries, seed);
    }

    /**
     * The softmax-regression copy and the queries spent.
     *
     * @throws IllegalArgumentException if the API answers labels only, too few queries are asked for, a
     *                                  probability underflows to 0, or the queries are linearly dependent
     */
    public StolenModel apply(Model victimApi, ProgressListener progress) {
        if (victimApi == null) {
            throw new IllegalArgumentException("equation solving needs the victim's API, got null");
        }
        if (!victimApi.outputKind().hasScores()) {
            throw new IllegalArgumentException("equation solving needs probabilities or logits but " + victimApi.name()
                    + " answers labels only: use LabelOnlyRetraining");
        }
        ImageShape shape = victimApi.inputShape();
        int d = shape.size();
        int k = victimApi.numClasses();
        if (design == Design.UNIFORM && queries < d + 1) {
            throw new IllegalArgumentException("a victim with " + d + " inputs has " + (d + 1) + " unknowns per class: "
                    + "give at least " + (d + 1) + " queries, got " + queries);
        }
        Model api = StolenModel.counting(victimApi);
        ImageBatch x = design == Design.BASIS ? basisImages(shape) : uniformImages(shape, queries, seed);
        int n = x.count();
        progress.onProgress("equation solving: querying", 0, 2);
        Predictions answers = api.predict(x);
        progress.onProgress("equation solving: solving " + n + " x " + (d + 1), 1, 2);
        double[][] a = new double[n][d + 1];
        double[][] r = new double[n][k - 1];
        float[] px = x.pixels();
        boolean logits = answers.kind() == OutputKind.LOGITS;
        Matrix s = answers.scores();
        for (int j = 0; j < n; j++) {
            for (int p = 0; p < d; p++) {
                a[j][p] = px[j * d + p];
            }
            a[j][d] = 1;
            double ref = logits ? s.get(j, 0) : logOf(s.get(j, 0), j, 0);
            for (int i = 1; i < k; i++) {
                r[j][i - 1] = (logits ? s.get(j, i) : logOf(s.get(j, i), j, i)) - ref;
            }
        }
        DecompositionSolver solver = new QRDecomposition(new Array2DRowRealMatrix(a, false)).getSolver();
        if (!solver.isNonSingular()) {
            throw new IllegalArgumentException("the " + n + " queries do not span the " + (d + 1)
                    + " unknowns of each class (linearly dependent): use the BASIS design or more uniform queries");
        }
        RealMatrix u = solver.solve(new Array2DRowRealMatrix(r, false));   // (d + 1) x (k - 1)
        MultiLayerNetwork copy = Architecture.softmaxRegression().build(shape, k, seed);
        float[] w = new float[d * k];
        float[] b = new float[k];
        for (int i = 1; i < k; i++) {
            for (int p = 0; p < d; p++) {
                w[p * k + i] = (float) u.getEntry(p, i - 1);
            }
            b[i] = (float) u.getEntry(d, i - 1);
        }
        setWeights(copy, w, b, d, k);
        progress.onProgress("equation solving: solving " + n + " x " + (d + 1), 2, 2);
        return new StolenModel(copy, api.queryCount());
    }

    private static double logOf(float p, int query, int cls) {
        if (!(p > 0)) {
            throw new IllegalArgumentException("the victim answered probability " + p + " for class " + cls + " of query "
                    + query + ": its logarithm is needed, and 0 carries no information; the logits differ by more "
                    + "than float precision holds, so use the BASIS design (small logits) or an API that answers logits");
        }
        return Math.log(p);
    }

    /** The black image, then one image per pixel with only that pixel white. */
    static ImageBatch basisImages(ImageShape shape) {
        int d = shape.size();
        float[] px = new float[(d + 1) * d];
        for (int p = 0; p < d; p++) {
            px[(p + 1) * d + p] = 1f;
        }
        return ImageBatch.of(shape, px);
    }

    /** {@code n} images with every pixel uniform in [0, 1], drawn from {@code seed}. */
    public static ImageBatch uniformImages(ImageShape shape, int n, long seed) {
        if (n < 1) {
            throw new IllegalArgumentException("at least one random image must be asked for, got " + n);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        float[] px = new float[n * shape.size()];
        for (int i = 0; i < px.length; i++) {
            px[i] = (float) rng.nextDouble();
        }
        return ImageBatch.of(shape, px);
    }

    /** Sets a softmax regression's weights ({@code w[p * k + i]}: input p, class i) and biases. */
    static void setWeights(MultiLayerNetwork net, float[] w, float[] b, int d, int k) {
        INDArray wd = net.getLayer(0).getParam("W");
        wd.assign(Nd4j.create(w, new long[] {d, k}, 'c').castTo(wd.dataType()));
        INDArray bd = net.getLayer(0).getParam("b");
        bd.assign(Nd4j.create(b, new long[] {1, k}, 'c').castTo(bd.dataType()).reshape(bd.shape()));
    }

    /**
     * The largest difference between two softmax regressions' weights and biases once each is
     * shifted so that its class-0 row is zero: 0 for models that answer the same probabilities.
     *
     * @throws IllegalArgumentException if either is not a softmax regression, or their shapes differ
     */
    public static double maxDifferenceUpToShift(MultiLayerNetwork a, MultiLayerNetwork b) {
        INDArray wa = weights(a);
        INDArray wb = weights(b);
        if (!java.util.Arrays.equals(wa.shape(), wb.shape())) {
            throw new IllegalArgumentException("the two softmax regressions have weights of shapes "
                    + java.util.Arrays.toString(wa.shape()) + " and " + java.util.Arrays.toString(wb.shape()));
        }
        INDArray ca = wa.subColumnVector(wa.getColumn(0).dup().reshape(wa.rows(), 1));
        INDArray cb = wb.subColumnVector(wb.getColumn(0).dup().reshape(wb.rows(), 1));
        return org.nd4j.linalg.ops.transforms.Transforms.abs(ca.sub(cb)).maxNumber().doubleValue();
    }

    /** Weights stacked over the bias: {@code [d + 1, k]}, in double. */
    private static INDArray weights(MultiLayerNetwork net) {
        if (net.getnLayers() != 1 || net.getLayer(0).getParam("W") == null) {
            throw new IllegalArgumentException("not a softmax regression: " + net.getnLayers() + " layers");
        }
        INDArray w = net.getLayer(0).getParam("W").castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE);
        INDArray b = net.getLayer(0).getParam("b").castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).reshape(1, w.columns());
        return Nd4j.vstack(w, b);
    }
}
