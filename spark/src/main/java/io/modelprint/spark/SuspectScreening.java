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

import io.modelprint.VictimFingerprint;
import io.modelprint.store.FingerprintFile;
import io.modelprint.store.FingerprintFileException;
import io.modelprint.store.VerificationKey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Screens a table of suspects against a table of stored fingerprints on Apache Spark and gives a
 * table of verdicts ({@link VerdictRows#SCHEMA}), one row per suspect and fingerprint.
 *
 * <p>How it runs: the driver reads every fingerprint file once, checks it (and its signature, with
 * {@link Builder#verificationKey}), and broadcasts the files' bytes. The suspects are hash-partitioned
 * by name; each partition decodes the fingerprints once and opens each of its suspects once (one
 * ONNX Runtime session, one DL4J network, one HTTP client), verifying it against every fingerprint
 * before closing it, so a suspect is loaded once however many victims it is checked against. A
 * suspect that cannot be opened, answers garbage, times out or runs out of budget gives error rows
 * (the {@code error} column), never a failed job. The verdicts are sorted by suspect and victim
 * and depend on nothing but the inputs: the same whatever the partitioning. HTTP suspects keep their
 * budget and rate limit across Spark task retries through a {@link QueryLedger}.
 *
 * <pre>{@code
 * SparkSession spark = SparkSession.builder().appName("screening").getOrCreate();
 * Dataset<Row> verdicts = SuspectScreening.builder(spark)
 *         .suspects(SuspectScreening.suspectsInFolder(spark, "hdfs:///uploads"))
 *         .fingerprints(SuspectScreening.fingerprintsInFolder(spark, "hdfs:///fingerprints"))
 *         .ledger("hdfs:///modelprint/ledger")
 *         .build().run();
 * SuspectScreening.write(verdicts, "hdfs:///verdicts/2026-12-01", "parquet");
 * verdicts.filter("outcome = 'STOLEN'").show();
 * }</pre>
 */
public final class SuspectScreening {

    /**
     * The suspects table: {@code suspect} (a unique name), {@code location} (a path, a URI or an
     * {@code http(s)://} URL), {@code kind} ({@code onnx}, {@code dl4j}, {@code http}, or null to
     * infer it from the location) and {@code options} (see {@link SuspectSpec}; may be null).
     */
    public static final StructType SUSPECT_SCHEMA = new StructType()
            .add("suspect", DataTypes.StringType, false)
            .add("location", DataTypes.StringType, false)
            .add("kind", DataTypes.StringType, true)
            .add("options", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType), true);

    /** The fingerprints table: {@code victim} (a unique name) and {@code path} (a fingerprint file's path or URI). */
    public static final StructType FINGERPRINT_SCHEMA = new StructType()
            .add("victim", DataTypes.StringType, false)
            .add("path", DataTypes.StringType, false);

    private static final Logger LOG = LoggerFactory.getLogger(SuspectScreening.class);

    private final SparkSession spark;
    private final Dataset<Row> suspects;
    private final Dataset<Row> fingerprints;
    private final int partitions;
    private final QueryLedger ledger;
    private final VerificationKey key;

    private SuspectScreening(Builder b) {
        this.spark = b.spark;
        this.suspects = b.suspects;
        this.fingerprints = b.fingerprints;
        this.partitions = b.partitions > 0 ? b.partitions : spark.sparkContext().defaultParallelism();
        this.ledger = b.ledger;
        this.key = b.key;
    }

    /** A screening run on {@code spark}. */
    public static Builder builder(SparkSession spark) {
        return new Builder(spark);
    }

    /**
     * Runs the screening: reads and checks the fingerprints on the driver, then verifies every
     * suspect against every fingerprint on the executors. Each suspect is verified once (the rows
     * are persisted before they are sorted) and the sorted table is cached; {@code unpersist()} it
     * when done.
     *
     * @throws FingerprintFileException if a fingerprint file is missing, damaged or (with a key) not
     *                                  signed by it, naming the file
     * @throws IllegalArgumentException if names repeat, HTTP suspects have no ledger, or speculative
     *                                  execution is on with HTTP suspects
     */
    public Dataset<Row> run() {
        Map<String, byte[]> bytes = readFingerprints();
        checkSuspects();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<TreeMap<String, byte[]>> shared = jsc.broadcast(new TreeMap<>(bytes));
        LOG.info("screening suspects against {} fingerprints in {} partitions", bytes.size(), partitions);
        JavaRDD<Row> rows = suspects.select("suspect", "location", "kind", "options")
                .repartition(partitions, functions.col("suspect"))
                .javaRDD()
                .mapPartitions(new PartitionScreener(shared, ledger))
                // kept: sorting samples its input first, which would otherwise verify every suspect twice
                .persist(StorageLevel.MEMORY_AND_DISK());
        return spark.createDataFrame(rows, VerdictRows.SCHEMA).orderBy("suspect", "victim").cache();
    }

    /**
     * Writes a verdict table as {@code parquet} or {@code json} (one JSON object per line) at
     * {@code path}, which must not exist yet.
     */
    public static void write(Dataset<Row> verdicts, String path, String format) {
        String f = format.toLowerCase(Locale.ROOT);
        if (!f.equals("parquet") && !f.equals("json")) {
            throw new IllegalArgumentException("verdicts are written as parquet or json, not " + format);
        }
        verdicts.write().format(f).save(path);
    }

    /** The suspects table of {@code specs}, in order. */
    public static Dataset<Row> suspectsTable(SparkSession spark, List<SuspectSpec> specs) {
        List<Row> rows = new ArrayList<>();
        for (SuspectSpec s : specs) {
            rows.add(RowFactory.create(s.suspect(), s.location(), s.kind().name().toLowerCase(Locale.ROOT),
                    CollectionConverters.asScala(s.options())));
        }
        return spark.createDataFrame(rows, SUSPECT_SCHEMA);
    }

    /**
     * Every {@code .onnx} file and DL4J {@code .zip} in {@code folder} (not its subfolders) as a
     * suspect named by its file name, with no options.
     */
    public static Dataset<Row> suspectsInFolder(SparkSession spark, String folder) {
        List<SuspectSpec> specs = new ArrayList<>();
        for (FileStatus f : list(spark, folder, n -> n.endsWith(".onnx") || n.endsWith(".zip"), "model files (.onnx, .zip)")) {
            specs.add(SuspectSpec.of(f.getPath().getName(), f.getPath().toString()));
        }
        return suspectsTable(spark, specs);
    }

    /**
     * Every {@code .json} file in {@code folder} as a fingerprint named by its file name without
     * {@code .fp.json} or {@code .json}.
     */
    public static Dataset<Row> fingerprintsInFolder(SparkSession spark, String folder) {
        List<Row> rows = new ArrayList<>();
        for (FileStatus f : list(spark, folder, n -> n.endsWith(".json"), "fingerprint files (.json)")) {
            String n = f.getPath().getName();
            String victim = n.endsWith(".fp.json") ? n.substring(0, n.length() - ".fp.json".length())
                    : n.substring(0, n.length() - ".json".length());
            rows.add(RowFactory.create(victim, f.getPath().toString()));
        }
        return spark.createDataFrame(rows, FINGERPRINT_SCHEMA);
    }

    /** The {@link SuspectSpec} of a suspects-table row. */
    static SuspectSpec spec(Row r) {
        String name = r.getString(0);
        String location = r.getString(1);
        String kind = r.isNullAt(2) ? null : r.getString(2);
        Map<String, String> options = r.isNullAt(3) ? Map.of() : r.getJavaMap(3);
        return new SuspectSpec(name, location, SuspectSpec.Kind.parse(kind, String.valueOf(location)), options);
    }

    private interface NameFilter {
        boolean accept(String name);
    }

    private static List<FileStatus> list(SparkSession spark, String folder, NameFilter filter, String what) {
        Path dir = new Path(folder);
        try {
            FileSystem fs = dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (!fs.getFileStatus(dir).isDirectory()) {
                throw new IllegalArgumentException(folder + " is not a folder: give the folder that holds the " + what);
            }
            List<FileStatus> files = new ArrayList<>(Arrays.asList(fs.listStatus(dir,
                    p -> filter.accept(p.getName().toLowerCase(Locale.ROOT)))));
            files.removeIf(f -> !f.isFile());
            files.sort(Comparator.comparing(f -> f.getPath().getName()));
            if (files.isEmpty()) {
                throw new IllegalArgumentException("no " + what + " in " + folder);
            }
            return files;
        } catch (java.io.FileNotFoundException e) {
            throw new IllegalArgumentException("no folder " + folder + ": give the folder that holds the " + what, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
        }
    }

    private Map<String, byte[]> readFingerprints() {
        List<Row> rows = fingerprints.select("victim", "path").collectAsList();
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("the fingerprints table is empty: give at least one fingerprint file");
        }
        Map<String, byte[]> out = new TreeMap<>();
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        for (Row r : rows) {
            String victim = r.getString(0);
            String path = r.getString(1);
            if (victim == null || victim.isBlank() || path == null) {
                throw new IllegalArgumentException("a fingerprints-table row needs a victim name and a path, got " + r);
            }
            byte[] b = readBounded(conf, path);
            VictimFingerprint fp;
            try {
                fp = key == null ? FingerprintFile.fromBytes(b) : FingerprintFile.fromBytes(b, key);
            } catch (FingerprintFileException e) {
                throw new FingerprintFileException(e.problem(), "fingerprint of victim " + victim + " at " + path + ": "
                        + e.getMessage(), e);
            }
            if (out.put(victim, b) != null) {
                throw new IllegalArgumentException("victim name " + victim + " appears twice in the fingerprints table "
                        + "(the second at " + path + "): give each fingerprint its own name");
            }
            LOG.debug("fingerprint {}: {} with {} queries from {}", victim, fp.scheme(), fp.querySet().size(), path);
        }
        return out;
    }

    private static byte[] readBounded(Configuration conf, String path) {
        Path p = new Path(path);
        try {
            FileSystem fs = p.getFileSystem(conf);
            FileStatus st = fs.getFileStatus(p);
            if (!st.isFile()) {
                throw new FingerprintFileException(FingerprintFileException.Problem.NOT_A_REGULAR_FILE,
                        "fingerprint " + path + " is not a file: give the path of a file written by FingerprintFile");
            }
            if (st.getLen() > FingerprintFile.MAX_DOCUMENT_BYTES) {
                throw new FingerprintFileException(FingerprintFileException.Problem.TOO_LARGE, "fingerprint "
                        + path + " has " + st.getLen() + " bytes, more than the " + FingerprintFile.MAX_DOCUMENT_BYTES
                        + " a fingerprint file may hold");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) st.getLen());
            try (InputStream in = fs.open(p)) {
                in.transferTo(out);
            }
            return out.toByteArray();
        } catch (java.io.FileNotFoundException e) {
            throw new FingerprintFileException(FingerprintFileException.Problem.UNREADABLE,
                    "no fingerprint file at " + path + ": check the fingerprints table", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read fingerprint " + path + ": " + e.getMessage(), e);
        }
    }

    private void checkSuspects() {
        Dataset<Row> s = suspects.select("suspect", "location", "kind");
        // one job for the three counts
        Row counts = s.agg(functions.count(functions.lit(1)), functions.countDistinct(functions.col("suspect")),
                functions.sum(functions.when(functions.expr("lower(kind) = 'http' or (kind is null and "
                        + "(lower(location) like 'http://%' or lower(location) like 'https://%'))"), 1).otherwise(0)))
                .first();
        if (counts.getLong(0) != counts.getLong(1)) {
            List<Row> repeated = s.filter("suspect is not null").groupBy("suspect").count().filter("count > 1")
                    .limit(1).collectAsList();
            if (repeated.isEmpty()) {
                throw new IllegalArgumentException("the suspects table has rows without a suspect name: give every "
                        + "suspect a unique name");
            }
            throw new IllegalArgumentException("suspect names must be unique, but " + repeated.get(0).getString(0)
                    + " appears " + repeated.get(0).getLong(1) + " times: give each suspect its own name");
        }
        long http = counts.isNullAt(2) ? 0 : counts.getLong(2);
        if (http == 0) {
            return;
        }
        if (ledger == null) {
            throw new IllegalArgumentException(http + " HTTP suspects need a query ledger to keep their budgets across "
                    + "Spark task retries: call ledger(directory) with a directory every executor can write");
        }
        if (spark.sparkContext().getConf().getBoolean("spark.speculation", false)) {
            throw new IllegalArgumentException("spark.speculation is on: a speculative copy of a task would query "
                    + "HTTP suspects at the same time as the original and double their rate; screen HTTP suspects "
                    + "with spark.speculation=false");
        }
    }

    /**
     * Configures a {@link SuspectScreening}. Suspects and fingerprints are required.
     *
     * <pre>{@code
     * SuspectScreening s = SuspectScreening.builder(spark).suspects(table).fingerprints(fps)
     *         .partitions(64).ledger("hdfs:///modelprint/ledger").verificationKey(publicKey).build();
     * }</pre>
     */
    public static final class Builder {
        private final SparkSession spark;
        private Dataset<Row> suspects;
        private Dataset<Row> fingerprints;
        private int partitions;
        private QueryLedger ledger;
        private VerificationKey key;

        private Builder(SparkSession spark) {
            this.spark = Objects.requireNonNull(spark, "spark");
        }

        /** The suspects table ({@link #SUSPECT_SCHEMA}; {@code kind} and {@code options} may be left out). */
        public Builder suspects(Dataset<Row> table) {
            Dataset<Row> t = Objects.requireNonNull(table, "suspects");
            List<String> cols = Arrays.asList(t.columns());
            for (String c : List.of("suspect", "location")) {
                if (!cols.contains(c)) {
                    throw new IllegalArgumentException("the suspects table has no column '" + c + "' (it has " + cols
                            + "); it needs suspect and location, and may have kind and options");
                }
            }
            if (!cols.contains("kind")) {
                t = t.withColumn("kind", functions.lit(null).cast(DataTypes.StringType));
            }
            if (!cols.contains("options")) {
                t = t.withColumn("options", functions.lit(null).cast(SUSPECT_SCHEMA.apply("options").dataType()));
            }
            this.suspects = t;
            return this;
        }

        /** The suspects {@code specs}. */
        public Builder suspects(List<SuspectSpec> specs) {
            return suspects(suspectsTable(spark, specs));
        }

        /** The fingerprints table ({@link #FINGERPRINT_SCHEMA}). */
        public Builder fingerprints(Dataset<Row> table) {
            List<String> cols = Arrays.asList(Objects.requireNonNull(table, "fingerprints").columns());
            if (!cols.contains("victim") || !cols.contains("path")) {
                throw new IllegalArgumentException("the fingerprints table needs columns victim and path, it has " + cols);
            }
            this.fingerprints = table;
            return this;
        }

        /** How many partitions the suspects are spread over; default Spark's default parallelism. */
        public Builder partitions(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("partitions must be at least 1, got " + n);
            }
            this.partitions = n;
            return this;
        }

        /** The directory of the {@link QueryLedger}; required when there are HTTP suspects. */
        public Builder ledger(String directory) {
            this.ledger = new QueryLedger(directory);
            return this;
        }

        /** Refuse fingerprint files not signed by this key's owner. */
        public Builder verificationKey(VerificationKey key) {
            this.key = Objects.requireNonNull(key, "key");
            return this;
        }

        /** The screening. */
        public SuspectScreening build() {
            if (suspects == null || fingerprints == null) {
                throw new IllegalStateException("a screening needs suspects(...) and fingerprints(...)");
            }
            return new SuspectScreening(this);
        }
    }
}
