/**
 * The detection benchmark: runs every scheme's whole pipeline on a zoo of stolen and independent
 * models ({@code modelprint-zoo}) and scores how well the distances separate them: AUC and TPR at
 * a bounded FPR per stolen family ({@link io.modelprint.benchmarks.detection.Roc}), costs, plots
 * ({@link io.modelprint.benchmarks.detection.DetectionReport}), and the default thresholds derived
 * from a run ({@link io.modelprint.benchmarks.detection.ThresholdReport}).
 *
 * <pre>
 * mvn -q -pl benchmarks -am compile exec:java@detection -Dexec.args="smoke"
 * </pre>
 */
package io.modelprint.benchmarks.detection;
