package io.modelprint.zoo;

/**
 * What was measured of a trained zoo model, recorded beside its file so that a second build reads
 * it instead of measuring again.
 *
 * <pre>{@code
 * Measurements m = zoo.members().get(0).measurements();
 * System.out.printf("accuracy %.3f, fidelity %.3f%n", m.accuracy(), m.fidelity());
 * }</pre>
 *
 * @param accuracy     accuracy on the test set of its own task
 * @param fidelity     agreement with the victim's labels on the clean test set
 * @param trainSeconds wall time it took to train, NaN if unknown
 * @param queries      images its recipe sent to the victim (0 for copies of the weights and independent
 *                     models), -1 if unknown (records written before queries were recorded)
 */
public record Measurements(double accuracy, double fidelity, double trainSeconds, long queries) {

    /** Measurements without a query count (-1: unknown). */
    public Measurements(double accuracy, double fidelity, double trainSeconds) {
        this(accuracy, fidelity, trainSeconds, -1);
    }
}
