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

import io.modelprint.FingerprintVerifier;
import io.modelprint.Model;
import io.modelprint.VictimFingerprint;
import io.modelprint.http.HttpModel;
import io.modelprint.store.FingerprintFile;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work of one Spark partition: decodes the broadcast fingerprints once, then opens each
 * suspect once (one ONNX Runtime session, one DL4J network, one HTTP client) and verifies it
 * against every fingerprint before closing it. Anything a suspect does wrong becomes error rows;
 * only a failure of the machinery itself (an {@link Error}) fails the task, and Spark retries it.
 */
final class PartitionScreener implements FlatMapFunction<Iterator<Row>, Row>, Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(PartitionScreener.class);

    private final Broadcast<? extends Map<String, byte[]>> fingerprints;
    private final QueryLedger ledger;

    PartitionScreener(Broadcast<? extends Map<String, byte[]>> fingerprints, QueryLedger ledger) {
        this.fingerprints = fingerprints;
        this.ledger = ledger;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> suspects) {
        List<Victim> victims = decode(fingerprints.value());
        String attempt = attemptName();
        List<Row> out = new ArrayList<>();
        while (suspects.hasNext()) {
            Row r = suspects.next();
            out.addAll(screen(r, victims, ledger, attempt));
        }
        return out.iterator();
    }

    /**
     * A victim fingerprint ready to verify against: its name in the table, the fingerprint and its
     * verifier.
     */
    record Victim(String name, VictimFingerprint fingerprint, FingerprintVerifier verifier) {
    }

    /** Decodes each fingerprint (already checked on the driver) and builds its verifier, in name order. */
    static List<Victim> decode(Map<String, byte[]> bytes) {
        List<Victim> out = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : new java.util.TreeMap<>(bytes).entrySet()) {
            VictimFingerprint fp = FingerprintFile.fromBytes(e.getValue());
            out.add(new Victim(e.getKey(), fp, FingerprintVerifier.forFingerprint(fp).build()));
        }
        return out;
    }

    /** Verifies the suspect of one suspects-table row against every victim: one row per victim. */
    static List<Row> screen(Row row, List<Victim> victims, QueryLedger ledger, String attempt) {
        SuspectSpec spec;
        try {
            spec = SuspectScreening.spec(row);
        } catch (RuntimeException e) {
            String name = row.isNullAt(0) ? "(unnamed)" : row.getString(0);
            return errors(name, victims, 0, e);
        }
        return screen(spec, victims, ledger, attempt);
    }

    /** Verifies {@code spec} against every victim, opening it once: one row per victim. */
    static List<Row> screen(SuspectSpec spec, List<Victim> victims, QueryLedger ledger, String attempt) {
        List<Row> out = new ArrayList<>();
        SuspectOpener.Opened opened;
        LedgeredModel ledgered = null;
        try {
            if (spec.kind() == SuspectSpec.Kind.HTTP) {
                int classes = classes(spec, victims);
                long budget = SuspectOpener.budgetOption(spec).orElse(Long.MAX_VALUE);
                long need = 0;
                for (Victim v : victims) {
                    if (ledger.answers(spec, v.fingerprint().querySet().inputs().sha256()).isEmpty()) {
                        need = saturatedAdd(need, (long) v.fingerprint().querySet().size() * (1 + SuspectOpener.retries(spec)));
                    }
                }
                QueryLedger.Grant grant = ledger.grant(spec, budget, need, attempt, SuspectOpener.rate(spec));
                try {
                    opened = SuspectOpener.open(spec, classes, OptionalLong.of(grant.images()));
                } catch (RuntimeException e) {
                    ledger.close(grant, 0);
                    throw e;
                }
                ledgered = new LedgeredModel((HttpModel) opened.model(), spec, ledger, grant, budget);
            } else {
                opened = SuspectOpener.open(spec, victims.isEmpty() ? 2 : victims.get(0).fingerprint().numClasses(),
                        OptionalLong.empty());
            }
        } catch (Exception e) {
            LOG.warn("suspect {} ({}) could not be opened: {}", spec.suspect(), spec.location(), e.toString());
            return errors(spec.suspect(), victims, 0, e);
        }
        Model model = ledgered != null ? ledgered : opened.model();
        try {
            for (Victim v : victims) {
                long before = model.queryCount();
                try {
                    out.add(VerdictRows.of(spec.suspect(), v.name(), v.verifier().verify(v.fingerprint(), model)));
                } catch (Exception e) {
                    LOG.warn("suspect {} against {}: {}", spec.suspect(), v.name(), e.toString());
                    out.add(VerdictRows.error(spec.suspect(), v.name(), v.fingerprint().scheme(),
                            model.queryCount() - before, e));
                }
            }
        } finally {
            closeQuietly(spec, opened, ledgered);
        }
        return out;
    }

    private static int classes(SuspectSpec spec, List<Victim> victims) {
        if (spec.options().containsKey("classes") || victims.isEmpty()) {
            return 2;   // the option wins in SuspectOpener; 2 is only a placeholder
        }
        int c = victims.get(0).fingerprint().numClasses();
        for (Victim v : victims) {
            if (v.fingerprint().numClasses() != c) {
                throw new IllegalArgumentException("suspect " + spec.suspect() + ": the fingerprints have "
                        + c + " and " + v.fingerprint().numClasses() + " classes (" + victims.get(0).name() + ", "
                        + v.name() + "); give the HTTP suspect a 'classes' option");
            }
        }
        return c;
    }

    private static long saturatedAdd(long a, long b) {
        long s = a + b;
        return s < 0 ? Long.MAX_VALUE : s;
    }

    private static void closeQuietly(SuspectSpec spec, SuspectOpener.Opened opened, LedgeredModel ledgered) {
        try {
            if (ledgered != null) {
                ledgered.close();
            }
        } finally {
            try {
                opened.close();
            } catch (RuntimeException e) {
                LOG.warn("suspect {}: {}", spec.suspect(), e.toString());
            }
        }
    }

    private static List<Row> errors(String suspect, List<Victim> victims, long queries, Exception e) {
        List<Row> out = new ArrayList<>();
        for (Victim v : victims) {
            out.add(VerdictRows.error(suspect, v.name(), v.fingerprint().scheme(), queries, e));
        }
        return out;
    }

    private static String attemptName() {
        TaskContext t = TaskContext.get();
        if (t == null) {
            return "driver-" + ProcessHandle.current().pid();
        }
        return "stage " + t.stageId() + "." + t.stageAttemptNumber() + " partition " + t.partitionId() + " attempt "
                + t.attemptNumber() + " (task " + t.taskAttemptId() + ")";
    }
}
