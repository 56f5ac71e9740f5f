/**
 * Stage 2 of the pipeline: {@link io.modelprint.FingerprintExtractor}s, which read one model's
 * answers on a query set, and the fingerprint types they make.
 *
 * <ul>
 *   <li>{@link io.modelprint.fingerprint.CorrelationExtractor} and
 *       {@link io.modelprint.fingerprint.CorrelationFingerprint} (SAC): the outputs whose pairwise
 *       correlation is compared;</li>
 *   <li>{@link io.modelprint.fingerprint.LabelExtractor} and
 *       {@link io.modelprint.fingerprint.LabelFingerprint} (AKH, akh-excess, IPGuard): the top-1
 *       labels;</li>
 *   <li>{@link io.modelprint.fingerprint.OutputExtractor} and
 *       {@link io.modelprint.fingerprint.OutputFingerprint} (conferrable): probabilities or one-hot
 *       labels;</li>
 *   <li>{@link io.modelprint.fingerprint.CombinedFingerprint}: one per component of a combined
 *       scheme.</li>
 * </ul>
 *
 * <pre>{@code
 * LabelFingerprint fp = new LabelExtractor("akh").extract(suspect.predict(querySet.inputs()));
 * }</pre>
 */
package io.modelprint.fingerprint;
