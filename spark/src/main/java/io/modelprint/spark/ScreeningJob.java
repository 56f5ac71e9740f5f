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
package io.modelprint.spark;

import io.modelprint.store.VerificationKey;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The screening job's command line: suspects from a folder of model files (or a JSON-lines table),
 * fingerprints from a folder, verdicts written as JSON or Parquet. Run it with {@code spark-submit}
 * on a cluster, or directly for local mode (then {@code --master local[*]} is the default).
 *
 * <pre>{@code
 * spark-submit --class io.modelprint.spark.ScreeningJob modelprint-spark-all.jar \
 *     --suspects hdfs:///uploads --fingerprints hdfs:///fingerprints --out hdfs:///verdicts/today --format parquet
 * }</pre>
 *
 * Exits 0 when no suspect is judged stolen, 1 when at least one is, 2 on error.
 */
@Command(name = "modelprint-screen", mixinStandardHelpOptions = true,
        description = "Screen suspects (a folder of .onnx and DL4J .zip files, or a JSON-lines suspects table) against "
                + "a folder of fingerprint files on Apache Spark. Exits 0 if no suspect is stolen, 1 if one is, 2 on error.")
public final class ScreeningJob implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--suspects", required = true, paramLabel = "DIR|FILE",
            description = "A folder of .onnx and DL4J .zip files, or a JSON-lines file with one suspect per line: "
                    + "{\"suspect\": ..., \"location\": ..., \"kind\": ..., \"options\": {...}}.")
    String suspects;

    @Option(names = "--fingerprints", required = true, paramLabel = "DIR", description = "A folder of fingerprint files (.json).")
    String fingerprints;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write the verdicts (must not exist).")
    String out;

    @Option(names = "--format", defaultValue = "json", description = "json or parquet (default ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--partitions", defaultValue = "0", description = "Partitions of the suspects (default: Spark's default parallelism).")
    int partitions;

    @Option(names = "--ledger", paramLabel = "DIR", description = "Query ledger for HTTP suspects: a directory every executor can write.")
    String ledger;

    @Option(names = "--public-key", paramLabel = "PEM", description = "Accept only fingerprints signed by this key's owner.")
    Path publicKey;

    @Option(names = "--master", description = "Spark master when not run by spark-submit (default local[*]).")
    String master;

    @Override
    public Integer call() {
        SparkConf conf = new SparkConf().setAppName("modelprint screening");
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
        try {
            Dataset<Row> suspectTable = suspects.toLowerCase(Locale.ROOT).endsWith(".json")
                    || suspects.toLowerCase(Locale.ROOT).endsWith(".jsonl")
                    ? spark.read().schema(SuspectScreening.SUSPECT_SCHEMA).json(suspects)
                    : SuspectScreening.suspectsInFolder(spark, suspects);
            SuspectScreening.Builder b = SuspectScreening.builder(spark).suspects(suspectTable)
                    .fingerprints(SuspectScreening.fingerprintsInFolder(spark, fingerprints));
            if (partitions > 0) {
                b.partitions(partitions);
            }
            if (ledger != null) {
                b.ledger(ledger);
            }
            if (publicKey != null) {
                b.verificationKey(VerificationKey.read(publicKey));
            }
            Dataset<Row> verdicts = b.build().run();
            SuspectScreening.write(verdicts, out, format);
            PrintWriter w = spec.commandLine().getOut();
            List<Row> counts = verdicts.groupBy("outcome").count().orderBy("outcome").collectAsList();
            long stolen = 0;
            StringBuilder summary = new StringBuilder();
            for (Row r : counts) {
                String o = r.isNullAt(0) ? "ERROR" : r.getString(0);
                summary.append(summary.length() == 0 ? "" : ", ").append(r.getLong(1)).append(' ')
                        .append(o.toLowerCase(Locale.ROOT));
                if (o.equals("STOLEN")) {
                    stolen = r.getLong(1);
                }
            }
            w.printf(Locale.ROOT, "%d verdicts (%s); wrote %s as %s%n", verdicts.count(), summary, out, format);
            for (Row r : verdicts.filter("outcome = 'STOLEN'").collectAsList()) {
                w.printf(Locale.ROOT, "STOLEN %s from %s: %s distance %.4f < threshold %.4f%n", r.getString(0),
                        r.getString(1), r.getString(2), r.getDouble(4), r.getDouble(5));
            }
            for (Row r : verdicts.filter("error is not null").limit(20).collectAsList()) {
                w.printf(Locale.ROOT, "ERROR %s against %s: %s%n", r.getString(0), r.getString(1), r.getString(11));
            }
            w.flush();
            return stolen > 0 ? 1 : 0;
        } finally {
            spark.stop();
        }
    }

    /** Runs the job with {@code args}; see {@code --help}. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the job with {@code args} and returns its exit code. */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new ScreeningJob());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 2;
        });
        cli.setParameterExceptionHandler((e, given) -> {
            e.getCommandLine().getErr().println("error: " + e.getMessage() + "\nsee: modelprint-screen --help");
            return 2;
        });
        return cli.execute(args);
    }
}
