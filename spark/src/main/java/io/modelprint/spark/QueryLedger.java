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

import io.modelprint.OutputKind;
import io.modelprint.Predictions;
import io.modelprint.kernel.Matrix;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How an HTTP suspect's query budget and rate limit survive Spark task retries: a ledger in a
 * directory every executor can write (HDFS, or a shared mount; {@code file:} in local mode).
 *
 * <p>For each suspect the ledger holds a numbered log of <em>grants</em>. A task attempt that is
 * about to query a suspect appends the next grant, {@code grant-000001}, ..., publishing the file
 * whole and only if its name is free (a hard link on local and NFS file systems, a rename on HDFS;
 * object stores such as S3, whose rename is not atomic, do not qualify): two attempts racing for
 * one number cannot both win, the loser reads the log again. A grant is at most what is left of the
 * budget: the budget minus what every earlier grant charges, and an attempt's {@code HttpModel}
 * gets exactly its grant as its own hard budget (which counts retries and redirects). When the
 * attempt ends it writes {@code spent-000001} with the images it actually sent, which releases the
 * rest of its grant. An attempt that died without writing it (a lost executor) stays charged for
 * its whole grant, since nobody knows how much of it was sent. So the images sent to a suspect
 * over every attempt never pass its budget.
 *
 * <p>Answers are kept too: each query set's answers are written to {@code answers-SHA256} (the
 * query images' hash) as soon as they arrive, so a retried attempt reads them instead of buying
 * them again, and reports the same query count the first attempt paid. A grant only asks for what
 * the query sets without stored answers need ({@code images x (1 + retries)}), so a lost attempt
 * costs at most that.
 *
 * <p>The rate limit: a new attempt starts its first request no sooner than one interval
 * ({@code 1 / rate}) after the previous attempt ended, or after it was found dead.
 * Concurrent attempts of one task (speculative execution) would each keep the rate on their own,
 * so {@link SuspectScreening} refuses HTTP suspects when {@code spark.speculation} is on.
 *
 * <pre>{@code
 * QueryLedger ledger = new QueryLedger("hdfs:///modelprint/ledger");
 * QueryLedger.Grant g = ledger.grant(spec, 2_000, 400, "stage-3-task-17", 5.0);
 * // ... query with HttpModel.builder(...).queryBudget(g.images()) ...
 * ledger.close(g, imagesSent);
 * }</pre>
 */
public final class QueryLedger implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(QueryLedger.class);
    private static final int MAX_RACES = 1_000;
    private static final int ANSWERS_MAGIC = 0x6d704131;   // "mpA1"

    private final String root;

    /**
     * A ledger under {@code root}, a Hadoop path or URI ({@code hdfs:///...}, {@code file:/...} or a
     * local path).
     */
    public QueryLedger(String root) {
        if (root == null || root.isBlank()) {
            throw new IllegalArgumentException("a query ledger needs a directory every executor can write, such as "
                    + "hdfs:///modelprint/ledger or, in local mode, a local path");
        }
        this.root = root;
    }

    /** The ledger's directory. */
    public String root() {
        return root;
    }

    /**
     * One attempt's share of a suspect's budget.
     *
     * <pre>{@code
     * long images = grant.images();
     * }</pre>
     *
     * @param suspectDir the suspect's folder in the ledger
     * @param sequence   the grant's number in the suspect's log
     * @param images     images this attempt may send, retries included
     */
    public record Grant(String suspectDir, int sequence, long images) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /**
     * Appends a grant for an attempt that needs up to {@code need} images of a suspect whose
     * budget is {@code budget}, and waits as the rate limit requires since the previous attempt.
     *
     * @param spec    the suspect
     * @param budget  its whole budget in images, over every attempt
     * @param need    the most this attempt can send
     * @param attempt names the attempt, for people reading the ledger
     * @param rate    requests per second, 0 for no rate limit
     * @return the grant; its images may be 0 when earlier attempts used the budget up
     */
    public Grant grant(SuspectSpec spec, long budget, long need, String attempt, double rate) {
        Path dir = new Path(root, suspectKey(spec));
        try {
            FileSystem fs = fileSystem(dir);
            fs.mkdirs(dir);
            for (int race = 0; race < MAX_RACES; race++) {
                Log log = read(fs, dir);
                long left = Math.max(0, budget - log.charged);
                long images = Math.min(left, need);
                int seq = log.lastSequence + 1;
                Properties p = new Properties();
                p.setProperty("suspect", spec.suspect());
                p.setProperty("attempt", attempt);
                p.setProperty("granted", Long.toString(images));
                p.setProperty("budget", Long.toString(budget));
                p.setProperty("time", Long.toString(System.currentTimeMillis()));
                if (!publish(fs, new Path(dir, name("grant", seq)), store(p, "a grant of " + spec.suspect()
                        + "'s query budget"))) {
                    continue;   // another attempt took this number first
                }
                if (log.lastSequence > 0) {
                    waitForRate(spec, rate, log);
                }
                LOG.debug("suspect {}: grant {} of {} images to {} ({} of {} charged before)", spec.suspect(), seq, images,
                        attempt, log.charged, budget);
                return new Grant(dir.toString(), seq, images);
            }
            throw new IllegalStateException("suspect " + spec.suspect() + ": lost " + MAX_RACES
                    + " races for the next grant in " + dir + "; is something else writing there?");
        } catch (IOException e) {
            throw new UncheckedIOException("suspect " + spec.suspect() + ": cannot use the query ledger at " + dir
                    + ": " + e.getMessage() + "; give a directory every executor can write", e);
        }
    }

    /** Records that the attempt holding {@code grant} sent {@code imagesSent} images, releasing the rest. */
    public void close(Grant grant, long imagesSent) {
        if (imagesSent > grant.images()) {
            throw new IllegalStateException("an attempt sent " + imagesSent + " images on a grant of " + grant.images()
                    + ": the HTTP model's budget should have refused them");
        }
        Path dir = new Path(grant.suspectDir());
        try {
            FileSystem fs = fileSystem(dir);
            Properties p = new Properties();
            p.setProperty("spent", Long.toString(imagesSent));
            p.setProperty("time", Long.toString(System.currentTimeMillis()));
            if (!publish(fs, new Path(dir, name("spent", grant.sequence())), store(p, "what a grant spent"))) {
                LOG.warn("grant {} in {} was closed already", grant.sequence(), dir);
            }
        } catch (IOException e) {
            // the grant stays charged in full: safe, only wasteful
            LOG.warn("could not close grant {} in {}: {}; it stays charged in full", grant.sequence(), dir, e.toString());
        }
    }

    /** Images charged to {@code spec} so far over every attempt: spent by closed grants, granted to open ones. */
    public long charged(SuspectSpec spec) {
        Path dir = new Path(root, suspectKey(spec));
        try {
            FileSystem fs = fileSystem(dir);
            return fs.exists(dir) ? read(fs, dir).charged : 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the query ledger at " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Stored answers of {@code spec} to the query images whose SHA-256 is {@code queryHash}, with
     * the images they cost, or empty.
     */
    Optional<StoredAnswers> answers(SuspectSpec spec, String queryHash) {
        Path file = new Path(new Path(root, suspectKey(spec)), "answers-" + queryHash);
        try {
            FileSystem fs = fileSystem(file);
            if (!fs.exists(file)) {
                return Optional.empty();
            }
            try (InputStream in = fs.open(file)) {
                return Optional.of(decode(in, file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("suspect " + spec.suspect() + ": cannot read stored answers " + file + ": "
                    + e.getMessage() + "; delete the file to query again", e);
        }
    }

    /** Stores the answers of {@code spec} to the query images hashing to {@code queryHash}, written whole or not at all. */
    void storeAnswers(SuspectSpec spec, String queryHash, Predictions answers, long cost) {
        Path dir = new Path(root, suspectKey(spec));
        Path file = new Path(dir, "answers-" + queryHash);
        try {
            FileSystem fs = fileSystem(dir);
            fs.mkdirs(dir);
            // false: another attempt stored the same answers first
            publish(fs, file, encode(answers, cost));
        } catch (IOException e) {
            LOG.warn("suspect {}: could not store answers in {}: {}; a retry would query again", spec.suspect(), dir,
                    e.toString());
        }
    }

    /**
     * A suspect's answers to one query set and the images they cost.
     *
     * @param answers the answers
     * @param cost    images sent to get them
     */
    record StoredAnswers(Predictions answers, long cost) {
    }

    /** The folder of a suspect: a hash of its name and location, which may hold slashes and secrets. */
    static String suspectKey(SuspectSpec spec) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            byte[] h = d.digest((spec.suspect() + "\n" + spec.location()).getBytes(StandardCharsets.UTF_8));
            return "suspect-" + HexFormat.of().formatHex(h, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    /** The file system of {@code p}; for local paths the raw one, which writes no checksum files. */
    private static FileSystem fileSystem(Path p) throws IOException {
        FileSystem fs = p.getFileSystem(new Configuration());
        return fs instanceof LocalFileSystem local ? local.getRaw() : fs;
    }

    /**
     * Makes {@code target} appear with {@code content}, whole, unless it exists: false then. Local
     * files are linked into place ({@code link(2)} fails if the name exists), others renamed
     * (HDFS's rename fails if the target exists); either way a reader never sees a partial file
     * and two writers cannot both win.
     */
    private static boolean publish(FileSystem fs, Path target, byte[] content) throws IOException {
        if (fs instanceof RawLocalFileSystem raw) {
            java.nio.file.Path t = raw.pathToFile(target).toPath();
            java.nio.file.Path tmp = Files.createTempFile(t.getParent(), ".tmp-", "");
            try {
                Files.write(tmp, content);
                Files.createLink(t, tmp);
                return true;
            } catch (java.nio.file.FileAlreadyExistsException e) {
                return false;
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        Path tmp = new Path(target.getParent(), ".tmp-" + target.getName() + "-" + UUID.randomUUID());
        try (FSDataOutputStream out = fs.create(tmp, false)) {
            out.write(content);
        }
        if (fs.rename(tmp, target)) {
            return true;
        }
        fs.delete(tmp, false);
        return false;
    }

    private static byte[] store(Properties p, String what) {
        java.io.StringWriter w = new java.io.StringWriter();
        try {
            p.store(w, "modelprint query ledger: " + what);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String name(String kind, int seq) {
        return String.format(Locale.ROOT, "%s-%06d", kind, seq);
    }

    private record Log(int lastSequence, long charged, long lastClosedMillis, boolean anyOpen) {
    }

    private static Log read(FileSystem fs, Path dir) throws IOException {
        int last = 0;
        long charged = 0;
        long lastClosed = 0;
        boolean open = false;
        FileStatus[] files = fs.listStatus(dir, p -> p.getName().startsWith("grant-"));
        for (FileStatus f : files) {
            int seq = Integer.parseInt(f.getPath().getName().substring("grant-".length()));
            last = Math.max(last, seq);
            Properties grant = load(fs, f.getPath());
            Path spent = new Path(dir, name("spent", seq));
            if (fs.exists(spent)) {
                Properties s = load(fs, spent);
                charged += Long.parseLong(s.getProperty("spent", "0"));
                lastClosed = Math.max(lastClosed, Long.parseLong(s.getProperty("time", "0")));
            } else {
                charged += Long.parseLong(grant.getProperty("granted", "0"));
                open = true;
            }
        }
        return new Log(last, charged, lastClosed, open);
    }

    private static Properties load(FileSystem fs, Path p) throws IOException {
        Properties props = new Properties();
        try (InputStream in = fs.open(p)) {
            props.load(in);
        } catch (IllegalArgumentException e) {
            throw new IOException("ledger file " + p + " is damaged: " + e.getMessage(), e);
        }
        return props;
    }

    private static void waitForRate(SuspectSpec spec, double rate, Log log) {
        if (!(rate > 0)) {
            return;
        }
        long interval = (long) Math.ceil(1000 / rate);
        // a dead attempt's last request was before now; a closed one's before it wrote its record
        long since = log.anyOpen ? System.currentTimeMillis() : log.lastClosedMillis;
        long wait = since + interval - System.currentTimeMillis();
        if (wait > 0) {
            LOG.debug("suspect {}: waiting {} ms after the previous attempt to keep {} requests/s", spec.suspect(), wait, rate);
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while keeping suspect " + spec.suspect() + "'s rate limit", e);
            }
        }
    }

    static byte[] encode(Predictions p, long cost) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(ANSWERS_MAGIC);
            out.writeLong(cost);
            out.writeUTF(p.kind().name());
            out.writeInt(p.numClasses());
            out.writeInt(p.count());
            if (p.kind() == OutputKind.LABELS) {
                for (int l : p.labels()) {
                    out.writeInt(l);
                }
            } else {
                for (float v : p.scores().data()) {
                    out.writeFloat(v);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static StoredAnswers decode(InputStream stream, Object source) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        if (in.readInt() != ANSWERS_MAGIC) {
            throw new IOException(source + " is not a modelprint answers file");
        }
        long cost = in.readLong();
        OutputKind kind;
        try {
            kind = OutputKind.valueOf(in.readUTF());
        } catch (IllegalArgumentException e) {
            throw new IOException(source + " names no output kind modelprint knows", e);
        }
        int classes = in.readInt();
        int count = in.readInt();
        if (classes < 2 || count < 1 || (long) classes * count > Integer.MAX_VALUE - 8) {
            throw new IOException(source + " declares " + count + " answers of " + classes + " classes");
        }
        if (kind == OutputKind.LABELS) {
            int[] labels = new int[count];
            for (int i = 0; i < count; i++) {
                labels[i] = in.readInt();
            }
            return new StoredAnswers(Predictions.ofLabels(labels, classes), cost);
        }
        float[] data = new float[count * classes];
        for (int i = 0; i < data.length; i++) {
            data[i] = in.readFloat();
        }
        return new StoredAnswers(Predictions.ofScores(kind, Matrix.of(count, classes, data)), cost);
    }

    @Override
    public String toString() {
        return "query ledger at " + root;
    }
}
