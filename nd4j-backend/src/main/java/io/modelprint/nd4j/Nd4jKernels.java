package io.modelprint.nd4j;

import io.modelprint.kernel.CorrelationFunction;
import io.modelprint.kernel.KernelBackend;
import io.modelprint.kernel.KernelChecks;
import io.modelprint.kernel.Matrix;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.BooleanIndexing;
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
 * <p>Registered as a {@link KernelBackend} service with priority 10, so it replaces the plain-Java
 * kernels whenever {@code modelprint-nd4j} is on the class path and ND4J loads.
 */
public final class Nd4jKernels implements KernelBackend {

    private static final Logger LOG = LoggerFactory.getLogger(Nd4jKernels.class);

    /** Priority over the plain-Java backend (0). */
    public static final int PRIORITY = 10;

    @Override
    public String name() {
        return Nd4jRuntime.backendName();
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public boolean isAvailable() {
        try {
            Nd4jRuntime.backendName();
            return true;
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("ND4J kernels unavailable: {}", e.toString());
            return false;
        }
    }

    @Override
    public Matrix normalizeRows(Matrix outputs) {
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

    @Override
    public Matrix correlationMatrix(Matrix outputs, CorrelationFunction f) {
        INDArray u = unitRows(outputs);
        INDArray g = u.mmul(u.transpose());
        applyCorrelation(g, f);
        return toMatrix(g);
    }

    /** Turns a Gram block of unit rows into correlations in place; diagonal entries get {@code f(1)}. */
    static void applyCorrelation(INDArray gram, CorrelationFunction f) {
        Transforms.min(gram, 1.0, false);
        Transforms.max(gram, -1.0, false);
        if (f.kind() == CorrelationFunction.Kind.COSINE) {
            gram.rsubi(1.0).muli(0.5);
        } else {
            gram.muli(2 * f.gamma()).subi(2 * f.gamma());
            Transforms.exp(gram, false);
        }
        long n = Math.min(gram.rows(), gram.columns());
        if (gram.rows() == gram.columns()) {
            float d = (float) f.diagonal();
            for (long i = 0; i < n; i++) {
                gram.putScalar(i, i, d);
            }
        }
    }

    @Override
    public double meanAbsoluteDifference(Matrix a, Matrix b) {
        KernelChecks.sameShape(a, b);
        INDArray x = Nd4j.create(a.data(), new long[] {a.rows(), a.cols()}, 'c').castTo(DataType.DOUBLE);
        INDArray y = Nd4j.create(b.data(), new long[] {b.rows(), b.cols()}, 'c').castTo(DataType.DOUBLE);
        return Transforms.abs(x.subi(y), false).sumNumber().doubleValue() / a.data().length;
    }

    static Matrix toMatrix(INDArray x) {
        return Matrix.of((int) x.rows(), (int) x.columns(), x.dup('c').data().asFloat());
    }
}
