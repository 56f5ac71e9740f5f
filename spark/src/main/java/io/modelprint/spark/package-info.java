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
