/**
 * Stage 3 of the pipeline: the {@link io.modelprint.Verifier} implementations. A verifier
 * compares two fingerprints of the same scheme and query set and returns a distance, at least 0,
 * small when the suspect behaves like the victim; it decides nothing. The facade,
 * {@link io.modelprint.FingerprintVerifier}, decides: it turns the distance into a
 * {@link io.modelprint.Verdict} with a threshold ({@link io.modelprint.calibration}).
 *
 * <p>Each is named for what it computes:
 * {@link io.modelprint.verifier.MeanAbsoluteDifference} (of two correlation matrices, SAC),
 * {@link io.modelprint.verifier.MismatchRate} (share of labels that differ, AKH and IPGuard),
 * {@link io.modelprint.verifier.ExcessMismatch} (mismatch on the victim's mistakes minus on its
 * correct answers, akh-excess), {@link io.modelprint.verifier.TotalVariationDistance} (between
 * output distributions, conferrable).
 *
 * <pre>{@code
 * double d = new MismatchRate().distance(victimLabels, suspectLabels);
 * }</pre>
 */
package io.modelprint.verifier;
