/**
 * Screening many suspects against many stored fingerprints on Apache Spark: the verifier's last
 * stage ({@code FingerprintVerifier.verify} against a stored {@code VictimFingerprint}) run over a
 * table of suspects, giving a table of verdicts.
 *
 * <p>{@link io.modelprint.spark.SuspectScreening} is the API over {@code Dataset}s;
 * {@link io.modelprint.spark.ScreeningJob} the command line ({@code spark-submit} or local mode);
 * {@link io.modelprint.spark.SuspectSpec} names a suspect and how to open it;
 * {@link io.modelprint.spark.QueryLedger} keeps HTTP suspects' budgets and rate limits across
 * task retries; {@link io.modelprint.spark.VerdictRows} is the verdict table.
 *
 * <pre>{@code
 * Dataset<Row> verdicts = SuspectScreening.builder(spark)
 *         .suspects(SuspectScreening.suspectsInFolder(spark, "uploads"))
 *         .fingerprints(SuspectScreening.fingerprintsInFolder(spark, "fingerprints"))
 *         .build().run();
 * }</pre>
 */
package io.modelprint.spark;
