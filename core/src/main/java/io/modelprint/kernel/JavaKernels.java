package io.modelprint.kernel;

/**
 * Plain-Java kernels: always available, no native code, and the reference that every other
 * backend is held to in the property tests.
 *
 * <p>The correlation matrix is computed on the upper triangle and mirrored; the distance is
 * accumulated in {@code double}.
 */
public final class JavaKernels implements KernelBackend {

    /** The name used to force this backend: {@code -Dmodelprint.kernels=java}. */
    public static final String NAME = "java";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int priority() {
        return 0;
    }

    @Override
    public Matrix normalizeRows(Matrix outputs) {
        int n = outputs.rows();
        int c = outputs.cols();
        float[] in = outputs.data();
        float[] out = new float[in.length];
        for (int i = 0; i < n; i++) {
            int base = i * c;
            double sq = 0;
            for (int k = 0; k < c; k++) {
                double v = in[base + k];
                sq += v * v;
            }
            double inv = sq > 0 ? 1.0 / Math.sqrt(sq) : 1.0;
            for (int k = 0; k < c; k++) {
                out[base + k] = (float) (in[base + k] * inv);
            }
        }
        return new Matrix(n, c, out);
    }

    @Override
    public Matrix correlationMatrix(Matrix outputs, CorrelationFunction f) {
        Matrix unit = normalizeRows(outputs);
        int n = unit.rows();
        int c = unit.cols();
        float[] u = unit.data();
        float[] out = new float[Math.multiplyExact(n, n)];
        for (int i = 0; i < n; i++) {
            int bi = i * c;
            for (int j = i; j < n; j++) {
                int bj = j * c;
                double dot = 0;
                for (int k = 0; k < c; k++) {
                    dot += (double) u[bi + k] * u[bj + k];
                }
                float v = (float) f.apply(i == j ? 1.0 : dot);
                out[i * n + j] = v;
                out[j * n + i] = v;
            }
        }
        return new Matrix(n, n, out);
    }

    @Override
    public double meanAbsoluteDifference(Matrix a, Matrix b) {
        KernelChecks.sameShape(a, b);
        float[] x = a.data();
        float[] y = b.data();
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += Math.abs((double) x[i] - y[i]);
        }
        return sum / x.length;
    }
}
