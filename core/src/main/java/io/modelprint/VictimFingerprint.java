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
package io.modelprint;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything needed to check suspects against a victim without the victim: the query set, the
 * victim's answers to it, the answers of independent reference models (for calibration), and the
 * provenance. Made once by {@link FingerprintVerifier#fingerprint(Model)}, stored, and used for
 * many {@link FingerprintVerifier#verify(VictimFingerprint, Model)} calls.
 *
 * <p>The victim's raw answers are kept (not only a correlation matrix), so one fingerprint serves
 * suspects that answer logits, probabilities or labels alike. The whole record is an owner
 * secret: a suspect must only ever see the query images.
 *
 * <pre>{@code
 * VictimFingerprint fp = verifier.fingerprint(victim);
 * FingerprintFile.write(fp, Path.of("victim.fp.json"));
 * Verdict v = verifier.verify(fp, suspect);   // the victim is not needed again
 * }</pre>
 *
 * @param provenance        how it was made
 * @param querySet          the queries
 * @param victimAnswers     the victim's answers to them
 * @param references        independent reference models' answers to them (may be empty)
 * @param querySetBuildTime time spent building the query set
 * @param fingerprintTime   time spent querying the victim and the references
 */
public record VictimFingerprint(Provenance provenance, QuerySet querySet, Predictions victimAnswers,
                                List<ReferenceAnswers> references, Duration querySetBuildTime,
                                Duration fingerprintTime) {

    /**
     * An independent reference model's answers to the query set.
     *
     * <pre>{@code
     * for (VictimFingerprint.ReferenceAnswers r : fingerprint.references()) {
     *     LOG.info("{} answered {}", r.name(), r.answers());
     * }
     * }</pre>
     *
     * @param name    the reference model's name
     * @param answers its answers
     * @param trained whether the verifier trained it on the owner's data (rather than the user giving it)
     */
    public record ReferenceAnswers(String name, Predictions answers, boolean trained) {

        /** A reference the user gave. */
        public ReferenceAnswers(String name, Predictions answers) {
            this(name, answers, false);
        }
    }

    /**
     * What a fingerprint is, without its secrets (no query image, no answer): for logs, reports and
     * JSON. Jackson writes it as an object with these fields, all always present (absent values are
     * {@code null}).
     *
     * <pre>{@code
     * String json = new ObjectMapper().writeValueAsString(fingerprint.summary());
     * // {"scheme":"sac-m","parameters":{"queries":"100",...},"seed":3,"querySetSha256":"9f2c...","victim":"victim.zip",
     * //  "libraryVersion":"0.1.0","createdAt":"2026-12-01T12:00:00Z","queries":100,"numClasses":10,
     * //  "victimOutput":"LOGITS","references":4,"trainedReferences":0,"querySetBuildMs":812.5,"fingerprintMs":90.1}
     * }</pre>
     *
     * @param scheme            the scheme's name
     * @param parameters        the scheme's parameters, by name
     * @param seed              the seed the query set was built with
     * @param querySetSha256    hash of the query images
     * @param victim            the victim's name, null if not recorded
     * @param libraryVersion    the modelprint version that made it, null if not recorded
     * @param createdAt         when it was made (ISO-8601), null if not recorded
     * @param queries           how many queries
     * @param numClasses        the victim's number of classes
     * @param victimOutput      what the victim answered: {@code LOGITS}, {@code PROBABILITIES} or {@code LABELS}
     * @param references        how many reference models' answers it holds
     * @param trainedReferences how many of those the verifier trained itself
     * @param querySetBuildMs   time spent building the query set, milliseconds
     * @param fingerprintMs     time spent querying the victim and the references, milliseconds
     */
    public record Summary(String scheme, Map<String, String> parameters, long seed, String querySetSha256,
                          String victim, String libraryVersion, String createdAt, int queries, int numClasses,
                          OutputKind victimOutput, int references, int trainedReferences, double querySetBuildMs,
                          double fingerprintMs) {

        /** Freezes the parameters. */
        public Summary {
            // sorted by name, so that the JSON is the same from run to run
            parameters = Collections.unmodifiableSortedMap(new TreeMap<>(parameters == null ? Map.of() : parameters));
        }
    }

    /** This fingerprint's {@link Summary}: what it is, without the queries and answers. */
    public Summary summary() {
        Provenance p = provenance;
        return new Summary(p.scheme(), p.parameters(), p.seed(), p.querySetSha256(), p.victim(),
                p.libraryVersion(), p.createdAt() == null ? null : p.createdAt().toString(), querySet.size(),
                numClasses(), victimAnswers.kind(), references.size(),
                (int) references.stream().filter(ReferenceAnswers::trained).count(),
                querySetBuildTime.toNanos() / 1e6, fingerprintTime.toNanos() / 1e6);
    }

    /** Checks that the parts fit together. */
    public VictimFingerprint {
        if (provenance == null || querySet == null || victimAnswers == null) {
            throw new IllegalArgumentException("a victim fingerprint needs provenance, a query set and the victim's answers");
        }
        if (victimAnswers.count() != querySet.size()) {
            throw new IllegalArgumentException("the victim answered " + victimAnswers.count() + " of "
                    + querySet.size() + " queries");
        }
        references = List.copyOf(references == null ? List.of() : references);
        for (ReferenceAnswers r : references) {
            if (r.answers().count() != querySet.size()) {
                throw new IllegalArgumentException("reference " + r.name() + " answered " + r.answers().count()
                        + " of " + querySet.size() + " queries");
            }
        }
        if (!provenance.querySetSha256().equals(querySet.sha256())) {
            throw new IllegalArgumentException("the provenance names query set " + provenance.querySetSha256()
                    + " but the query set hashes to " + querySet.sha256());
        }
        querySetBuildTime = querySetBuildTime == null ? Duration.ZERO : querySetBuildTime;
        fingerprintTime = fingerprintTime == null ? Duration.ZERO : fingerprintTime;
    }

    /** The scheme's name. */
    public String scheme() {
        return provenance.scheme();
    }

    /** Number of classes of the victim. */
    public int numClasses() {
        return victimAnswers.numClasses();
    }
}
