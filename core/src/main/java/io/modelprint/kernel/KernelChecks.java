package io.modelprint.kernel;

/**
 * Argument checks shared by every backend, so that all of them fail with the same message.
 *
 * <pre>{@code
 * public double meanAbsoluteDifference(Matrix a, Matrix b) {
 *     KernelChecks.sameShape(a, b);
 *     ...
 * }
 * }</pre>
 */
public final class KernelChecks {

    private KernelChecks() {
    }

    /** Two matrices of the same shape, as the mean absolute difference needs. */
    public static void sameShape(Matrix a, Matrix b) {
        if (a.rows() != b.rows() || a.cols() != b.cols()) {
            throw new IllegalArgumentException("cannot compare a " + a.rows() + " x " + a.cols()
                    + " matrix with a " + b.rows() + " x " + b.cols()
                    + " matrix: correlation matrices of the same query set have the same shape");
        }
    }

    /** Two output matrices over the same queries. */
    public static void sameRowCount(Matrix a, Matrix b) {
        if (a.rows() != b.rows()) {
            throw new IllegalArgumentException("outputs cover " + a.rows() + " and " + b.rows()
                    + " queries: both models must answer the same query set");
        }
    }
}
