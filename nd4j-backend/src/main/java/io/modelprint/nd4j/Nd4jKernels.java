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
package io.modelprint.nd4j;

import io.modelprint.kernel.CorrelationFunction;
import io.modelprint.kernel.JavaKernels;
import io.modelprint.kernel.KernelBackend;
import io.modelprint.kernel.KernelChecks;
import io.modelprint.kernel.Matrix;
import java.util.Arrays;
import java.util.ServiceLoader;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.concurrency.AffinityManager;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.BooleanIndexing;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.indexing.conditions.Conditions;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kernels on ND4J: the Gram matrix of the unit rows is one GEMM, the correlation function is an
 * element-wise transform, and sums are taken in {@code double}. Which ND4J backend runs (CPU
 * through nd4j-native, or CUDA through nd4j-cuda) is decided by the class path, that is by the
 * Maven profile, not by code; the name says which one loaded ({@code nd4j-cpu} or
 * {@code nd4j-cuda}).
 *
 * <p>Work is done in tiles written into buffers allocated once per call: a fresh {@code N x N}
 * result per operation costs more in page faults than the arithmetic. The fused distance never
 * builds an {@code N x N} array.
 *
 * <p>Registered as a {@link KernelBackend} service with priority 10, so it replaces the plain-Java
 * kernels whenever {@code modelprint-nd4j} is on the class path and ND4J loads. On the CPU it hands
 * correlation matrices and distances of fewer than {@value #CPU_MIN_CLASSES} classes to the
 * plain-Java kernels, which are faster there (see {@code benchmarks/KERNELS.md}).
 *
 * <pre>{@code
 * KernelBackend nd4j = Kernels.backend();   // this one, when modelprint-nd4j is on the class path
 * double d = nd4j.fusedDistance(victimOutputs, suspectOutputs, CorrelationFunction.cosine());
 * }</pre>
 */
public final class Nd4jKernels implements KernelBackend {

    private static final Logger LOG = LoggerFactory.getLogger(Nd4jKernels.class);

    /** Priority over the plain-Java backend (0). */
    public static final int PRIORITY = 10;

    /** Rows per GEMM when building a whole correlation matrix: a 128 x N float block. */
    private static final int MATRIX_TILE_ROWS = 128;

    /** Tile of the fused distance: 128 x 4096 floats (2 MB), big enough to amortise ND4J's per-op cost. */
    private static final int DISTANCE_TILE_ROWS = 128;
    private static final int DISTANCE_TILE_COLUMNS = 4096;

    /**
     * On the CPU, outputs with fewer classes than this go to the plain-Java kernels: measured in
     * benchmarks/KERNELS.md, ND4J's per-op cost makes its fused distance 0.1-0.5x the Java one at
     * C = 10 and about equal at C = 100, while at C = 1000 it is 2.1-2.4x faster.
     */
    static final int CPU_MIN_CLASSES = 256;

    private static final JavaKernels JAVA = new JavaKernels();

    private final int matrixTileRows;
    private final int distanceTileRows;
    private final int distanceTileColumns;
    private final int minClasses;

    /** The backend as {@link ServiceLoader} creates it. */
    public Nd4jKernels() {
        this(MATRIX_TILE_ROWS, DISTANCE_TILE_ROWS, DISTANCE_TILE_COLUMNS, -1);
    }

    /**
     * ND4J for every class count, never handing small problems to the plain-Java kernels: what the
     * JMH benchmarks measure as "nd4j".
     */
    public static Nd4jKernels forEveryClassCount() {
        return new Nd4jKernels(MATRIX_TILE_ROWS, DISTANCE_TILE_ROWS, DISTANCE_TILE_COLUMNS, 0);
    }

    /** With other tile sizes, ND4J for every class count: tests reach every edge of the tiling at small N. */
    Nd4jKernels(int matrixTileRows, int distanceTileRows, int distanceTileColumns) {
        this(matrixTileRows, distanceTileRows, distanceTileColumns, 0);
    }

    private Nd4jKernels(int matrixTileRows, int distanceTileRows, int distanceTileColumns, int minClasses) {
        if (matrixTileRows < 1 || distanceTileRows < 1 || distanceTileColumns < distanceTileRows) {
            throw new IllegalArgumentException("tiles need at least one row and as many columns as rows, got "
                    + matrixTileRows + ", " + distanceTileRows + " x " + distanceTileColumns);
        }
        this.matrixTileRows = matrixTileRows;
        this.distanceTileRows = distanceTileRows;
        this.distanceTileColumns = distanceTileColumns;
        // -1: decide when first needed, so that constructing the service does not load ND4J
        this.minClasses = minClasses;
    }

    /** Whether outputs of this many classes go to the plain-Java kernels (CPU only, small class counts). */
    private boolean smallForNd4j(int classes) {
        // without ND4J's CUDA build on the class path this is the CPU backend: no need to load ND4J to know
        int min = minClasses >= 0 ? minClasses : "nd4j-cpu".equals(name()) ? CPU_MIN_CLASSES : 0;
        return classes < min;
    }

    /** Entries per chunk of the mean absolute difference (4 MB of floats per matrix). */
    private static final int MAD_CHUNK = 1 << 20;

    @Override
    public String name() {
        // only a CUDA build on the class path can make this anything but the CPU backend
        return Nd4jRuntime.cudaOnClassPath() ? Nd4jRuntime.backendName() : "nd4j-cpu";
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    /**
     * Whether an ND4J backend is on the class path, found without loading it: ND4J's start-up (its
     * natives, about 3 s cold) is paid on the first operation that runs on ND4J, not when the kernel
     * registry looks for backends. On the CPU, outputs of fewer than {@value #CPU_MIN_CLASSES} classes
     * (Fashion-MNIST's 10) never load ND4J at all. If ND4J then fails to load, the plain-Java kernels
     * answer and a warning says why.
     */
    @Override
    public boolean isAvailable() {
        return Nd4jRuntime.backendOnClassPath();
    }

    private static volatile Boolean loads;

    // ND4J's natives, loaded once on first real use; false (with one warning) when they cannot load
    private static boolean loads() {
        Boolean l = loads;
        if (l == null) {
            synchronized (Nd4jKernels.class) {
                l = loads;
                if (l == null) {
                    try {
                        Nd4jRuntime.backendName();
                        l = true;
                    } catch (RuntimeException | LinkageError e) {
                        LOG.warn("ND4J kernels unavailable, the plain-Java kernels answer instead: {}", e.toString());
                        l = false;
                    }
                    loads = l;
                }
            }
        }
        return l;
    }

    @Override
    public Matrix normalizeRows(Matrix outputs) {
        if (!loads()) {
            return JAVA.normalizeRows(outputs);
        }
        return toMatrix(unitRows(outputs));
    }

    /** Unit rows as an ND4J float array; zero rows stay zero. */
    static INDArray unitRows(Matrix outputs) {
        INDArray x = Nd4j.create(outputs.data().clone(), new long[] {outputs.rows(), outputs.cols()}, 'c');
        INDArray norms = x.castTo(DataType.DOUBLE).norm2(1);
        // a zero row is divided by 1 so it stays zero instead of becoming NaN
        BooleanIndexing.replaceWhere(norms, 1.0, Conditions.equals(0.0));
        return x.diviColumnVector(norms.castTo(DataType.FLOAT).reshape(outputs.rows(), 1));
    }

    /**
     * Built in blocks of 128 rows: each block is one GEMM into a reused
     * buffer, turned into correlations in place and copied into the result, so that ND4J never
     * allocates an {@code N x N} array of its own.
     */
    @Override
    public Matrix correlationMatrix(Matrix outputs, CorrelationFunction f) {
        if (smallForNd4j(outputs.cols()) || !loads()) {
            return JAVA.correlationMatrix(outputs, f);
        }
        int n = outputs.rows();
        float[] out = new float[Math.multiplyExact(n, n)];
        INDArray u = unitRows(outputs);
        int rows = Math.min(n, matrixTileRows);
        INDArray buffer = Nd4j.createUninitialized(DataType.FLOAT, (long) rows * n);
        for (int i0 = 0; i0 < n; i0 += rows) {
            int r = Math.min(rows, n - i0);
            INDArray tile = tile(buffer, r, n);
            gram(u, i0, r, u, 0, n, tile, f);
            toCorrelations(tile, f);
            Nd4j.getAffinityManager().ensureLocation(tile, AffinityManager.Location.HOST);
            tile.data().asNioFloat().get(out, i0 * n, r * n);
        }
        float diagonal = (float) f.diagonal();
        for (int i = 0; i < n; i++) {
            out[i * n + i] = diagonal;
        }
        return Matrix.of(n, n, out);
    }

    /**
     * Tile by tile over the upper triangle, never building an {@code N x N} array: per tile
     * (128 x up to 4096 queries) two GEMMs into
     * a reused buffer, the element-wise gap, and its row L1 norms added up in {@code double} (a
     * float sum over a whole tile drifts in the sixth digit). Memory: the unit rows plus two tiles.
     */
    @Override
    public double fusedDistance(Matrix outputsA, Matrix outputsB, CorrelationFunction f) {
        KernelChecks.sameRowCount(outputsA, outputsB);
        if (smallForNd4j(Math.max(outputsA.cols(), outputsB.cols())) || !loads()) {
            return JAVA.fusedDistance(outputsA, outputsB, f);
        }
        int n = outputsA.rows();
        INDArray unitA = unitRows(outputsA);
        INDArray unitB = unitRows(outputsB);
        boolean cosine = f.kind() == CorrelationFunction.Kind.COSINE;
        int rows = Math.min(n, distanceTileRows);
        int columns = Math.min(n, distanceTileColumns);
        INDArray bufferA = Nd4j.createUninitialized(DataType.FLOAT, (long) rows * columns);
        INDArray bufferB = cosine ? null : Nd4j.createUninitialized(DataType.FLOAT, (long) rows * columns);
        INDArray strictUpper = strictUpperMask(rows);
        double sum = 0;
        for (int i0 = 0; i0 < n; i0 += rows) {
            int r = Math.min(rows, n - i0);
            for (int j0 = i0; j0 < n; j0 += columns) {
                int m = Math.min(columns, n - j0);
                INDArray gaps = tile(bufferA, r, m);
                if (cosine) {
                    // gA - gB in one buffer: the second GEMM subtracts (alpha -1, beta 1)
                    Nd4j.gemm(rowsOf(unitA, i0, r), rowsOf(unitA, j0, m), gaps, false, true, 1.0, 0.0);
                    Nd4j.gemm(rowsOf(unitB, i0, r), rowsOf(unitB, j0, m), gaps, false, true, -1.0, 1.0);
                } else {
                    INDArray other = tile(bufferB, r, m);
                    gram(unitA, i0, r, unitA, j0, m, gaps, f);
                    toCorrelations(gaps, f);
                    gram(unitB, i0, r, unitB, j0, m, other, f);
                    toCorrelations(other, f);
                    gaps.subi(other);
                }
                if (j0 == i0) {
                    // the first r columns hold the diagonal block: keep only its pairs j > i
                    gaps.get(NDArrayIndex.all(), NDArrayIndex.interval(0, r))
                            .muli(strictUpper.get(NDArrayIndex.interval(0, r), NDArrayIndex.interval(0, r)));
                }
                // sum of |gap| per row in one pass (L1 norm), rows added in double
                for (float rowSum : gaps.norm1(1).toFloatVector()) {
                    sum += rowSum;
                }
            }
        }
        // cosine gaps were taken between dot products, without the factor 1/2 of (1 - g) / 2
        double scale = cosine ? 0.5 : 1.0;
        return 2 * sum * scale / ((double) n * n);
    }

    /** A {@code size x size} float matrix of ones above the diagonal and zeros elsewhere; built in Java, one copy. */
    private static INDArray strictUpperMask(int size) {
        float[] mask = new float[Math.multiplyExact(size, size)];
        for (int i = 0; i < size; i++) {
            Arrays.fill(mask, i * size + i + 1, (i + 1) * size, 1f);
        }
        return Nd4j.create(mask, new long[] {size, size}, 'c');
    }

    /** Rows {@code [from, from + count)} of {@code x}, as a view. */
    private static INDArray rowsOf(INDArray x, int from, int count) {
        return x.get(NDArrayIndex.interval(from, from + count), NDArrayIndex.all());
    }

    /** The first {@code rows * cols} values of a flat buffer, seen as a {@code rows x cols} matrix. */
    private static INDArray tile(INDArray flat, int rows, int cols) {
        return flat.get(NDArrayIndex.interval(0, (long) rows * cols)).reshape('c', rows, cols);
    }

    /**
     * {@code out = <u_i, v_j>} for {@code i} in {@code [i0, i0 + r)} and {@code j} in
     * {@code [j0, j0 + m)}; for the Gaussian function pre-scaled by {@code 2 gamma}, which
     * {@link #toCorrelations} expects.
     */
    private static void gram(INDArray u, int i0, int r, INDArray v, int j0, int m, INDArray out,
            CorrelationFunction f) {
        double alpha = f.kind() == CorrelationFunction.Kind.COSINE ? 1.0 : 2 * f.gamma();
        Nd4j.gemm(rowsOf(u, i0, r), rowsOf(v, j0, m), out, false, true, alpha, 0.0);
    }

    /**
     * Turns a Gram block from {@link #gram} into correlations in place, dot products clamped to
     * [-1, 1]: {@code (1 - g) / 2}, or {@code exp(2 gamma g - 2 gamma)} from the pre-scaled block.
     * Diagonal entries are left to the caller.
     */
    static void toCorrelations(INDArray gram, CorrelationFunction f) {
        double bound = f.kind() == CorrelationFunction.Kind.COSINE ? 1.0 : 2 * f.gamma();
        Transforms.min(gram, bound, false);
        Transforms.max(gram, -bound, false);
        if (f.kind() == CorrelationFunction.Kind.COSINE) {
            gram.muli(-0.5).addi(0.5);
        } else {
            Transforms.exp(gram.subi(bound), false);
        }
    }

    /**
     * Chunk by chunk, through buffers allocated once per call: each chunk is copied off-heap,
     * subtracted in float, widened to {@code double} and summed there. ND4J has to copy both
     * matrices off the Java heap, so this is no faster than plain Java: it is here so that the
     * backend is complete.
     */
    @Override
    public double meanAbsoluteDifference(Matrix a, Matrix b) {
        KernelChecks.sameShape(a, b);
        if (!loads()) {
            return JAVA.meanAbsoluteDifference(a, b);
        }
        float[] x = a.data();
        float[] y = b.data();
        int chunk = Math.min(MAD_CHUNK, x.length);
        // heap slices, so that each chunk crosses to native memory in one bulk copy
        float[] sliceX = new float[chunk];
        float[] sliceY = new float[chunk];
        INDArray offX = Nd4j.createUninitialized(DataType.FLOAT, chunk);
        INDArray offY = Nd4j.createUninitialized(DataType.FLOAT, chunk);
        INDArray wide = Nd4j.createUninitialized(DataType.DOUBLE, chunk);
        double sum = 0;
        for (int from = 0; from < x.length; from += chunk) {
            int len = Math.min(chunk, x.length - from);
            System.arraycopy(x, from, sliceX, 0, len);
            System.arraycopy(y, from, sliceY, 0, len);
            if (len < chunk) {
                // the last chunk is padded with zeros on both sides, which adds |0 - 0| = 0
                Arrays.fill(sliceX, len, chunk, 0f);
                Arrays.fill(sliceY, len, chunk, 0f);
            }
            copyIn(sliceX, offX);
            copyIn(sliceY, offY);
            sum += wide.assign(offX.subi(offY)).norm1Number().doubleValue();
        }
        return sum / x.length;
    }

    /**
     * Copies {@code values} into the host side of {@code target} in one bulk copy (DataBuffer.setData
     * copies value by value, 2-3 ms per million) and marks the host copy current, for CUDA.
     */
    private static void copyIn(float[] values, INDArray target) {
        AffinityManager affinity = Nd4j.getAffinityManager();
        affinity.ensureLocation(target, AffinityManager.Location.HOST);
        target.data().asNioFloat().put(values, 0, values.length);
        affinity.tagLocation(target, AffinityManager.Location.HOST);
    }

    static Matrix toMatrix(INDArray x) {
        return Matrix.of(x.rows(), x.columns(), x.dup('c').data().asFloat());
    }
}
