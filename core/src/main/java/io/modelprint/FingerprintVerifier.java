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

import io.modelprint.calibration.Calibration;
import io.modelprint.calibration.CompetenceAdjustedNull;
import io.modelprint.calibration.ReferenceTrainer;
import io.modelprint.calibration.SelfCalibration;
import io.modelprint.calibration.OutputTampering;
import io.modelprint.calibration.SuspectScreen;
import io.modelprint.inference.DatasetInference;
import io.modelprint.scheme.Competence;
import io.modelprint.scheme.ConferrableProvider;
import io.modelprint.scheme.DefaultThresholds;
import io.modelprint.scheme.FingerprintScheme;
import io.modelprint.scheme.SchemeInputs;
import io.modelprint.scheme.Schemes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The front door: was this suspect derived from my model? The facade of the pipeline: it runs a
 * scheme's query builder and extractor on the victim, its {@link Verifier} on each suspect (which
 * gives a distance), and decides with a threshold (which gives the {@link Verdict}).
 *
 * <p>One call does everything: {@link #verify(Model, Model)}. For many suspects, fingerprint the
 * victim once with {@link #fingerprint(Model)}, store the {@link VictimFingerprint}, and call
 * {@link #verify(VictimFingerprint, Model)} for each suspect; the victim is not needed again.
 *
 * <p>The threshold comes from, in order: a value given with {@link Builder#threshold(double)};
 * independent reference models given with {@link Builder#references(List)}; reference models the
 * verifier trains itself on half of the owner's data when none are given and a
 * {@link ReferenceTrainer} is on the class path (modelprint-nd4j brings one; see
 * {@link SelfCalibration}); otherwise the scheme's default measured on the Fashion-MNIST benchmark
 * for exactly its parameters. With references the threshold is set for
 * {@link Builder#targetFalsePositiveRate(double)}, for a model as accurate as the suspect when the
 * scheme measures accuracy ({@link Calibration}), and each verdict gets a p-value.
 *
 * <p>A verdict is {@link Verdict.Outcome#INCONCLUSIVE}, with its reasons, when the suspect is not
 * a working model of the task ({@link SuspectScreen}), when fewer than
 * {@value #MIN_REFERENCES_TO_CLEAR} references cannot clear a suspect they do not convict, when the
 * references are as close to the victim as a copy, and whenever only a measured default is
 * available and the suspect is not below it: a default measured on other victims can confirm a
 * close copy, never clear a suspect.
 *
 * <p>The default scheme, {@value #DEFAULT_SCHEME}, asks the suspect once about 500 owner samples:
 * the first 300 the victim misclassifies and the first 200 it classifies correctly. Two parts read
 * the answers, and each is calibrated on its own by the references: {@code akh-excess} measures how
 * much more often the suspect's labels depart from the victim's on its mistakes than on the
 * controls, {@code error-profile} how closely the suspect's probabilities lean to the same wrong
 * classes. The suspect is stolen when either part convicts it at the target false-positive rate,
 * independent when both clear it; a label-only suspect is judged by akh-excess alone (see
 * {@code io.modelprint.scheme.ExcessProfileProvider}). It needs nothing but the victim, and on the
 * development victims of the PyTorch zoo it caught 27 of 54 copies out of the box against 25 for
 * akh-excess alone, with none of 60 independent and student-matched models called stolen
 * (benchmarks/RESULTS.md). Either part's false-positive rate is the target, so the combination's is
 * at most twice it; the parts' nulls are wide (each called none of those 60 stolen). {@code akh-excess}
 * and the faithful schemes stay available by name ({@link #akhExcess()}, {@link #sacM()},
 * {@link #sacW()}, {@link #akh()}, {@link #ipGuard()}).
 *
 * <pre>{@code
 * FingerprintVerifier verifier = FingerprintVerifier.defaults()
 *         .ownerData(testImages)           // the owner's labelled samples
 *         .references(independentA, independentB)
 *         .build();
 * Verdict v = verifier.verify(victim, suspect);
 * System.out.println(v.explanation());
 *
 * VictimFingerprint fp = verifier.fingerprint(victim);    // once
 * Verdict later = verifier.verify(fp, anotherSuspect);   // many times
 * }</pre>
 */
public final class FingerprintVerifier {

    /** The false-positive rate thresholds are set for when references are given: 5%. */
    public static final double DEFAULT_TARGET_FPR = 0.05;

    /** The seed used when none is given: 3, the seed of SAC's reference code. */
    public static final long DEFAULT_SEED = 3;

    /** The scheme {@link #defaults()} uses. */
    public static final String DEFAULT_SCHEME = "excess-profile";

    /** The fewest references that can clear a suspect (call it independent) rather than only convict it. */
    public static final int MIN_REFERENCES_TO_CLEAR = 4;

    /**
     * The least p-value that clears a suspect: one closer to the victim than this share of
     * independent models of its accuracy, but not close enough to convict, is {@code INCONCLUSIVE},
     * not {@code INDEPENDENT}. Chosen on the PyTorch development victims: at 0.2, 7 of the 14 copies
     * a verdict missed became inconclusive instead of wrongly cleared, and 5 of 28 independent and
     * matched models (0.3 made 10 inconclusive for no more copies); on the test victims, scored
     * after, 14 of 18 missed copies and 2 of 26 negatives.
     */
    public static final double MIN_CLEARING_P_VALUE = 0.2;

    /** Below this a threshold cannot tell a copy from an independent model. */
    static final double MIN_USEFUL_THRESHOLD = 1e-4;

    private static final Logger LOG = LoggerFactory.getLogger(FingerprintVerifier.class);

    private final FingerprintScheme<?> scheme;
    private final LabeledImages ownerData;
    private final long seed;
    private final List<Model> references;
    private final double targetFpr;
    private final Threshold userThreshold;
    private final ProgressListener progress;
    private final boolean allowDifferentClassCounts;
    private final boolean selfCalibrate;
    private final ReferenceTrainer trainer;
    private final int trainedReferences;
    private final Map<String, List<Predictions>> storedReferenceAnswers = new ConcurrentHashMap<>();
    private final Map<String, Calibration> calibrations = new ConcurrentHashMap<>();
    private final Map<Model, VictimFingerprint> fingerprints = Collections.synchronizedMap(new WeakHashMap<>());

    private FingerprintVerifier(Builder b) {
        this.scheme = b.scheme;
        this.ownerData = b.ownerData;
        this.seed = b.seed;
        this.references = List.copyOf(b.references);
        this.targetFpr = b.targetFpr;
        this.userThreshold = b.userThreshold;
        this.progress = b.progress;
        this.allowDifferentClassCounts = b.allowDifferentClassCounts;
        this.selfCalibrate = b.selfCalibrate;
        this.trainer = b.trainer != null ? b.trainer : ReferenceTrainer.find().orElse(null);
        this.trainedReferences = b.trainedReferences;
    }

    /** A builder for the default scheme ({@value #DEFAULT_SCHEME}) with its default parameters. */
    public static Builder defaults() {
        return using(Schemes.create(DEFAULT_SCHEME));
    }

    /** A builder for SAC-m (CutMix queries, correlation fingerprint) with its default parameters. */
    public static Builder sacM() {
        return using(Schemes.create("sac-m"));
    }

    /** A builder for SAC-w (victim-misclassified samples, correlation fingerprint) with its default parameters. */
    public static Builder sacW() {
        return using(Schemes.create("sac-w"));
    }

    /** A builder for AKH (the suspect's labels on the victim's mistakes) with its default parameters. */
    public static Builder akh() {
        return using(Schemes.create("akh"));
    }

    /**
     * A builder for {@code akh-excess} (AKH corrected for general agreement: the suspect's labels
     * on the victim's mistakes and on control samples it gets right) with its default parameters.
     */
    public static Builder akhExcess() {
        return using(Schemes.create("akh-excess"));
    }

    /**
     * A builder for IPGuard (labels on points at the victim's decision boundary) with its default
     * parameters; fingerprinting needs the victim as a {@link WhiteBoxModel}.
     */
    public static Builder ipGuard() {
        return using(Schemes.create("ipguard"));
    }

    /**
     * A builder for the {@code conferrable} scheme with its default parameters: queries on which
     * the owner's own stolen copies of the victim ({@code surrogates}) follow it and independent
     * models ({@code selectionReferences}) do not. It is the scheme that caught every stolen
     * family of the Fashion-MNIST benchmark (benchmarks/RESULTS.md), at the price of training
     * those models; {@code OwnerModels} in modelprint-nd4j trains them for a DL4J victim.
     *
     * <p>Calibrate with {@link Builder#references(List)} on <em>other</em> independent models than
     * {@code selectionReferences}: the queries were chosen for the selection references to
     * disagree with the victim, so their distances overstate how far independent models lie.
     *
     * @param surrogates          the owner's stolen copies of the victim (at least one)
     * @param selectionReferences independent models trained without the victim (at least one)
     */
    public static Builder conferrable(List<? extends Model> surrogates, List<? extends Model> selectionReferences) {
        return using(Schemes.create(ConferrableProvider.NAME, SchemeInputs.of(Map.of()).withSurrogates(surrogates)
                .withSelectionReferences(selectionReferences)));
    }

    /**
     * A builder for Dataset Inference ({@link DatasetInference}): does the suspect carry knowledge
     * of the owner's private training data? A verifier of its own, since its queries depend on the
     * suspect's answers; its verdict's p-value is a one-sided t-test's.
     *
     * <pre>{@code
     * Verdict v = FingerprintVerifier.datasetInference(train.slice(0, 25_000), train.slice(25_000, 30_000))
     *         .samples(100).queryBudget(50_000).build().verify(victim, suspect);
     * }</pre>
     *
     * @param privateData the victim's training data, or part of it
     * @param publicData  held-back data of the same distribution that the victim never saw (not a
     *                    test set of another distribution)
     */
    public static DatasetInference.Builder datasetInference(LabeledImages privateData, LabeledImages publicData) {
        return DatasetInference.builder(privateData, publicData);
    }

    /** A builder for the scheme called {@code name} with its default parameters. */
    public static Builder using(String name) {
        return using(Schemes.create(name));
    }

    /** A builder for {@code scheme}. */
    public static Builder using(FingerprintScheme<?> scheme) {
        return new Builder(Objects.requireNonNull(scheme, "scheme"));
    }

    /** A builder for the scheme and parameters a stored fingerprint was made with. */
    public static Builder forFingerprint(VictimFingerprint fingerprint) {
        return using(Schemes.create(fingerprint.scheme(), fingerprint.provenance().parameters()));
    }

    /** The scheme this verifier runs. */
    public FingerprintScheme<?> scheme() {
        return scheme;
    }

    /**
     * Builds the query set from the owner data, queries the victim and every reference model, and
     * keeps their answers. Without references (and without a fixed threshold) it trains its own
     * on half of the owner data when it can ({@link SelfCalibration}), and draws the queries from
     * the other half.
     *
     * @throws IllegalStateException    if no owner data was given
     * @throws IllegalArgumentException if the data cannot give the query set, or a reference
     *                                  solves another task
     */
    public VictimFingerprint fingerprint(Model victim) {
        Objects.requireNonNull(victim, "victim");
        if (ownerData == null) {
            throw new IllegalStateException("fingerprinting a victim needs owner data to draw queries from: "
                    + "call ownerData(...) on the builder");
        }
        for (Model r : references) {
            checkSameTask(victim.name(), victim.numClasses(), r, "reference");
        }
        long t0 = System.nanoTime();
        LabeledImages queryPool = ownerData;
        List<Model> refs = references;
        boolean trained = false;
        QuerySet queries = null;
        if (selfCalibrationReason().isEmpty()) {
            SelfCalibration.Split split = SelfCalibration.split(ownerData, seed);
            try {
                queries = scheme.queryBuilder().build(victim, split.queries(), seed, progress);
            } catch (IllegalArgumentException e) {
                // half of the owner data cannot give this scheme its queries: all of it is used, without references
                LOG.warn("not training references: half of the {} owner samples cannot give {} its queries ({}); "
                        + "give more owner data or reference models", ownerData.size(), scheme.name(), e.getMessage());
            }
            if (queries != null) {
                queryPool = split.queries();
                refs = SelfCalibration.references(trainer, split.training(), trainedReferences, seed, progress);
                trained = true;
            }
        }
        if (queries == null) {
            queries = scheme.queryBuilder().build(victim, queryPool, seed, progress);
        }
        long t1 = System.nanoTime();
        progress.onProgress("fingerprinting victim", 0, 1 + refs.size());
        Predictions victimAnswers = victim.predict(queries.inputs());
        List<VictimFingerprint.ReferenceAnswers> answers = new ArrayList<>();
        for (int i = 0; i < refs.size(); i++) {
            Model r = refs.get(i);
            progress.onProgress("fingerprinting victim", 1 + i, 1 + refs.size());
            answers.add(new VictimFingerprint.ReferenceAnswers(r.name(), r.predict(queries.inputs()), trained));
        }
        progress.onProgress("fingerprinting victim", 1 + refs.size(), 1 + refs.size());
        long t2 = System.nanoTime();
        Provenance prov = new Provenance(scheme.name(), scheme.parameters(), seed, queries.sha256(), victim.name(),
                LibraryVersion.get(), Instant.now());
        LOG.debug("fingerprinted {} with {} on {} queries and {} {}references", victim.name(), scheme.name(),
                queries.size(), answers.size(), trained ? "self-trained " : "");
        return new VictimFingerprint(prov, queries, victimAnswers, answers, Duration.ofNanos(t1 - t0),
                Duration.ofNanos(t2 - t1));
    }

    /**
     * Fingerprints {@code victim} and verifies {@code suspect} against it. The fingerprint is kept
     * while the victim object lives, so checking several suspects against one victim builds the
     * query set (and trains references) once; to store it, call {@link #fingerprint(Model)} and
     * {@link #verify(VictimFingerprint, Model)}.
     */
    public Verdict verify(Model victim, Model suspect) {
        Objects.requireNonNull(victim, "victim");
        VictimFingerprint fp;
        synchronized (fingerprints) {
            fp = fingerprints.get(victim);
        }
        if (fp == null) {
            fp = fingerprint(victim);
            synchronized (fingerprints) {
                fingerprints.put(victim, fp);
            }
        }
        return verify(fp, suspect);
    }

    /**
     * Verifies {@code suspect} against a victim fingerprint: sends it the query images, compares
     * its fingerprint with the victim's, and decides.
     *
     * @throws IllegalArgumentException if the fingerprint was made by another scheme or other
     *                                  parameters, or the suspect solves another task
     */
    public Verdict verify(VictimFingerprint fingerprint, Model suspect) {
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(suspect, "suspect");
        checkScheme(fingerprint);
        if (!allowDifferentClassCounts) {
            checkSameTask(fingerprint.provenance().victim(), fingerprint.numClasses(), suspect, "suspect");
        }
        // everything that can fail is settled before the suspect (a paid API, say) is queried
        List<Predictions> refs = referenceAnswers(fingerprint);
        boolean trained = !fingerprint.references().isEmpty() && fingerprint.references().stream()
                .allMatch(VictimFingerprint.ReferenceAnswers::trained);
        OutputKind rep = representation(fingerprint, suspect.outputKind(), refs);
        boolean calibrated = userThreshold == null && refs.size() >= 2;
        List<Integer> parts = userThreshold == null && !scheme.parts().isEmpty() ? partsFor(rep) : List.of();
        Calibration calibration = calibrated && parts.isEmpty() ? calibration(fingerprint, refs, rep, trained) : null;
        List<Calibration> partCalibrations = new ArrayList<>();
        for (int k : parts) {
            partCalibrations.add(calibrated ? partCalibration(fingerprint, refs, rep, trained, k) : null);
        }

        long t0 = System.nanoTime();
        long before = suspect.queryCount();
        Predictions suspectAnswers = suspect.predict(fingerprint.querySet().inputs());
        long queries = suspect.queryCount() - before;
        long t1 = System.nanoTime();
        double distance;
        Decision d;
        if (parts.isEmpty()) {
            distance = scheme.distance(fingerprint.victimAnswers(), suspectAnswers, rep);
            OptionalDouble competence = scheme.competence().of(fingerprint.victimAnswers(), suspectAnswers);
            d = decide(distance, competence, calibration, rep, refs.size(),
                    SuspectScreen.problem(fingerprint.victimAnswers(), suspectAnswers, competence));
        } else {
            PartsDecision pd = decideByParts(fingerprint.victimAnswers(), suspectAnswers, rep, parts, partCalibrations,
                    refs.size());
            distance = pd.distance();
            d = pd.decision();
        }
        if (rep.hasScores()) {
            Optional<String> tampered = OutputTampering.signs(suspectAnswers);
            if (tampered.isPresent()) {
                d = d.tampered(tampered.get(), scheme.name());
            }
        } else if (parts.size() < scheme.parts().size()) {
            d = d.noted("the suspect answers labels only, so only " + parts.stream().map(k -> scheme.parts().get(k).name())
                    .toList() + " of " + scheme.name() + " decide: the parts that compare scores are left out");
        } else if (scheme.preferredRepresentation().hasScores()) {
            d = d.noted("the suspect answers labels only, so " + scheme.name() + " compares labels, where it is "
                    + "weaker than on scores (serving top-1 labels partly evades it): akh-excess is made for labels");
        }
        long t2 = System.nanoTime();
        Verdict v = new Verdict(suspect.name(), scheme.name(), rep, d.outcome, distance, d.threshold, d.pValue,
                d.evidence, d.notes, queries, new Verdict.Costs(fingerprint.querySetBuildTime(),
                fingerprint.fingerprintTime(), Duration.ofNanos(t1 - t0), Duration.ofNanos(t2 - t1)));
        LOG.debug("{} vs {}: {}", fingerprint.provenance().victim(), suspect.name(), v.explanation());
        return v;
    }

    /**
     * Verifies many suspects against one victim fingerprint, up to as many at once as the machine
     * has processors (at most one per suspect). See {@link #verifyAll(VictimFingerprint, List, int)}.
     */
    public SuspectVerdicts verifyAll(VictimFingerprint fingerprint, List<? extends Model> suspects) {
        Objects.requireNonNull(suspects, "suspects");
        return verifyAll(fingerprint, suspects,
                Math.max(1, Math.min(suspects.size(), Runtime.getRuntime().availableProcessors())));
    }

    /**
     * Verifies many suspects against one victim fingerprint, {@code parallelism} at a time, each as
     * {@link #verify(VictimFingerprint, Model)} would. A suspect that fails (an exception from its
     * model or its check) gets its failure in the result; the others still get their verdicts.
     * Progress is reported as task {@code "verifying suspects"}, one step per suspect done. Each
     * suspect model is queried by one thread at a time, so models need not be thread-safe; models
     * that share native resources (ONNX Runtime sessions) keep them across calls.
     *
     * <pre>{@code
     * SuspectVerdicts all = FingerprintVerifier.forFingerprint(fp).build().verifyAll(fp, suspects, 2);
     * all.failures().forEach(e -> LOG.warn("{}: {}", e.suspect(), e.failure().orElseThrow().getMessage()));
     * }</pre>
     *
     * @param parallelism how many suspects to verify at once, at least 1 (1 verifies them in the
     *                    calling thread, one after the other)
     * @throws IllegalArgumentException if {@code parallelism} is below 1
     * @throws Error                    an {@link Error} of any suspect (out of memory, say), after the
     *                                  others have stopped: the JVM cannot be trusted to go on
     */
    public SuspectVerdicts verifyAll(VictimFingerprint fingerprint, List<? extends Model> suspects, int parallelism) {
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(suspects, "suspects");
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1 suspect at a time, got " + parallelism);
        }
        long start = System.nanoTime();
        int n = suspects.size();
        int threads = Math.max(1, Math.min(parallelism, n));
        AtomicInteger done = new AtomicInteger();
        Object progressLock = new Object();
        List<SuspectVerdicts.Entry> entries = new ArrayList<>(n);
        if (threads == 1) {
            for (int i = 0; i < n; i++) {
                entries.add(verifyOne(fingerprint, suspects.get(i), i, n, done, progressLock));
            }
        } else {
            AtomicInteger threadNumber = new AtomicInteger();
            ThreadFactory factory = r -> {
                Thread t = new Thread(r, "modelprint-verify-" + threadNumber.incrementAndGet());
                t.setDaemon(true);
                return t;
            };
            ExecutorService pool = Executors.newFixedThreadPool(threads, factory);
            try {
                List<Future<SuspectVerdicts.Entry>> futures = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    int index = i;
                    Model suspect = suspects.get(i);
                    futures.add(pool.submit(() -> verifyOne(fingerprint, suspect, index, n, done, progressLock)));
                }
                for (Future<SuspectVerdicts.Entry> f : futures) {
                    entries.add(f.get());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while verifying " + n + " suspects", e);
            } catch (ExecutionException e) {
                // verifyOne keeps every Exception: only an Error gets here
                pool.shutdownNow();
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException("verifying the suspects failed: " + e.getCause(), e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        return new SuspectVerdicts(entries, threads, Duration.ofNanos(System.nanoTime() - start));
    }

    private SuspectVerdicts.Entry verifyOne(VictimFingerprint fingerprint, Model suspect, int index, int total,
                                            AtomicInteger done, Object progressLock) {
        String name = suspect == null ? "suspect " + index : suspect.name();
        SuspectVerdicts.Entry entry;
        try {
            if (suspect == null) {
                throw new IllegalArgumentException("suspect " + index + " of the list is null");
            }
            entry = new SuspectVerdicts.Entry(index, name, Optional.of(verify(fingerprint, suspect)), Optional.empty());
        } catch (Exception e) {
            LOG.warn("suspect {} ({}) failed: {}", index, name, e.toString());
            entry = new SuspectVerdicts.Entry(index, name, Optional.empty(), Optional.of(e));
        }
        synchronized (progressLock) {
            progress.onProgress("verifying suspects", done.incrementAndGet(), total);
        }
        return entry;
    }

    private record Decision(Verdict.Outcome outcome, Optional<Threshold> threshold, OptionalDouble pValue,
                            Optional<Verdict.ReferenceEvidence> evidence, List<String> notes) {

        /**
         * This decision for a suspect whose scores look post-processed ({@link OutputTampering}):
         * noted, and not cleared, since a distance on scores is what such changes evade.
         */
        Decision tampered(String sign, String scheme) {
            Verdict.Outcome o = outcome == Verdict.Outcome.INDEPENDENT ? Verdict.Outcome.INCONCLUSIVE : outcome;
            return new Decision(o, threshold, pValue, evidence, notes).noted(sign + "; a distance on scores (" + scheme
                    + ") can be evaded that way, so it cannot clear this suspect: verify it with a label-based scheme "
                    + "such as akh-excess, which such changes do not move");
        }

        /** This decision with one more note. */
        Decision noted(String note) {
            List<String> n = new ArrayList<>(notes);
            n.add(note);
            return new Decision(outcome, threshold, pValue, evidence, n);
        }
    }

    private Decision decide(double distance, OptionalDouble competence, Calibration calibration, OutputKind rep,
                            int referenceCount, Optional<String> screen) {
        List<String> notes = new ArrayList<>();
        screen.ifPresent(notes::add);
        if (userThreshold != null) {
            Verdict.Outcome o = screen.isPresent() ? Verdict.Outcome.INCONCLUSIVE
                    : userThreshold.isStolen(distance) ? Verdict.Outcome.STOLEN : Verdict.Outcome.INDEPENDENT;
            return new Decision(o, Optional.of(userThreshold), OptionalDouble.empty(), Optional.empty(), notes);
        }
        if (calibration != null) {
            return decideCalibrated(distance, competence, calibration, screen.isPresent(), notes);
        }
        return decideUncalibrated(scheme, distance, rep, referenceCount, screen.isPresent(), notes);
    }

    /** The decision from references: convict, clear, or say why neither. */
    private Decision decideCalibrated(double distance, OptionalDouble competence, Calibration calibration,
                                      boolean screened, List<String> notes) {
        Calibration.Assessment a = calibration.assess(distance, competence);
        notes.addAll(a.notes());
        Threshold t = a.threshold();
        Verdict.Outcome o;
        if (screened) {
            o = Verdict.Outcome.INCONCLUSIVE;
        } else if (t.value() < MIN_USEFUL_THRESHOLD) {
            notes.add("the references come as close to the victim as a copy would: this scheme cannot tell them "
                    + "apart on this victim; try another scheme or more queries");
            o = Verdict.Outcome.INCONCLUSIVE;
        } else if (t.isStolen(distance)) {
            o = Verdict.Outcome.STOLEN;
        } else if (a.referenceCount() < MIN_REFERENCES_TO_CLEAR && a.atLeastAsClose() > 0) {
            notes.add(String.format(Locale.ROOT, "only %d references: at least %d are needed to set a %.0f%% "
                            + "threshold that can clear a suspect; give more references", a.referenceCount(),
                    MIN_REFERENCES_TO_CLEAR, 100 * calibration.targetFpr()));
            o = Verdict.Outcome.INCONCLUSIVE;
        } else if (a.pValue() < MIN_CLEARING_P_VALUE) {
            notes.add(String.format(Locale.ROOT, "closer to the victim than most independent models of its accuracy "
                    + "(p = %.2f; a verdict clears a suspect only from p = %.2f), but not close enough to call "
                    + "stolen at a %.0f%% false-positive rate: it may be a student of the victim; more queries or "
                    + "references may decide", a.pValue(), MIN_CLEARING_P_VALUE, 100 * calibration.targetFpr()));
            o = Verdict.Outcome.INCONCLUSIVE;
        } else if (a.clearingPValue() < MIN_CLEARING_P_VALUE) {
            notes.add(String.format(Locale.ROOT, "its accuracy on the controls lies outside the references', and "
                    + "at their nearest end it is closer to the victim than most of them (p = %.2f; a verdict clears "
                    + "a suspect only from p = %.2f): the references cannot clear it there; references nearer its "
                    + "accuracy may decide", a.clearingPValue(), MIN_CLEARING_P_VALUE));
            o = Verdict.Outcome.INCONCLUSIVE;
        } else {
            o = Verdict.Outcome.INDEPENDENT;
        }
        return new Decision(o, Optional.of(t), OptionalDouble.of(a.pValue()),
                Optional.of(new Verdict.ReferenceEvidence(a.referenceCount(), a.atLeastAsClose(),
                        t.source() == Threshold.Source.TRAINED_REFERENCES)), notes);
    }

    /** The decision without references: a measured default can confirm a close copy, never clear a suspect. */
    private Decision decideUncalibrated(FingerprintScheme<?> scheme, double distance, OutputKind rep, int referenceCount,
                                        boolean screened, List<String> notes) {
        if (referenceCount == 1) {
            notes.add("one reference model cannot calibrate a threshold: give at least " + MIN_REFERENCES_TO_CLEAR);
        }
        String why = selfCalibrationReason().orElse("the fingerprint holds no references (made without them, or half of "
                + "the owner data could not give the scheme its queries)");
        Optional<Threshold> fallback = scheme.defaultThreshold(rep);
        if (fallback.isEmpty()) {
            notes.add("no default threshold was measured for " + scheme.name() + " with parameters "
                    + scheme.parameters() + " on " + rep.name().toLowerCase(Locale.ROOT)
                    + DefaultThresholds.measuredParameters(scheme.name(), rep).map(m -> " (measured for " + m + ")").orElse("")
                    + ", and " + why + ": give reference models or a threshold");
            return new Decision(Verdict.Outcome.INCONCLUSIVE, Optional.empty(), OptionalDouble.empty(), Optional.empty(),
                    notes);
        }
        Threshold t = fallback.get();
        if (!screened && t.isStolen(distance)) {
            return new Decision(Verdict.Outcome.STOLEN, fallback, OptionalDouble.empty(), Optional.empty(), notes);
        }
        if (!screened) {
            notes.add("not below the default threshold, which was measured on other victims and cannot clear a suspect ("
                    + why + "): give reference models, or add modelprint-nd4j so the verifier trains its own");
        }
        return new Decision(Verdict.Outcome.INCONCLUSIVE, fallback, OptionalDouble.empty(), Optional.empty(), notes);
    }

    /** A decision from a scheme's parts, with the distance it reports on the combined scale. */
    private record PartsDecision(double distance, Decision decision) {
    }

    /**
     * The parts that decide for answers compared as {@code rep}: all of them when the suspect gives
     * scores; on labels only those made for labels, when there are any.
     */
    private List<Integer> partsFor(OutputKind rep) {
        List<FingerprintScheme<?>> all = scheme.parts().schemes();
        List<Integer> out = new ArrayList<>();
        for (int k = 0; k < all.size(); k++) {
            if (rep.hasScores() || !all.get(k).preferredRepresentation().hasScores()) {
                out.add(k);
            }
        }
        if (out.isEmpty()) {
            for (int k = 0; k < all.size(); k++) {
                out.add(k);
            }
        }
        return out;
    }

    private Calibration partCalibration(VictimFingerprint fp, List<Predictions> refs, OutputKind rep, boolean trained,
                                        int part) {
        return calibrations.computeIfAbsent(cacheKey(fp, rep) + "/part" + part, k -> {
            FingerprintScheme<?> s = scheme.parts().get(part);
            List<Predictions> refBlocks = refs.stream().map(r -> scheme.parts().split(r).get(part)).toList();
            return Calibration.ofAnswers(s, scheme.parts().split(fp.victimAnswers()).get(part), refBlocks,
                    s.representationFor(rep), targetFpr,
                    trained ? Threshold.Source.TRAINED_REFERENCES : Threshold.Source.REFERENCE_MODELS);
        });
    }

    /**
     * The decision of a combination whose parts are calibrated one by one: stolen when any part
     * convicts at the target false-positive rate, independent when every part clears the suspect,
     * inconclusive otherwise. A part that compares scores convicts only on a threshold set for the
     * suspect's accuracy (at least {@value CompetenceAdjustedNull#MIN_REFERENCES} references). The
     * distance reported is on the scale of the first part with a threshold: the smallest of each
     * part's distance over its own threshold, times that part's threshold, which is the verdict's.
     */
    private PartsDecision decideByParts(Predictions victimAnswers, Predictions suspectAnswers, OutputKind rep,
                                        List<Integer> parts, List<Calibration> calibrations, int referenceCount) {
        List<Predictions> victimBlocks = scheme.parts().split(victimAnswers);
        List<Predictions> suspectBlocks = scheme.parts().split(suspectAnswers);
        OptionalDouble firstCompetence = scheme.parts().get(parts.get(0)).competence()
                .of(victimBlocks.get(parts.get(0)), suspectBlocks.get(parts.get(0)));
        Optional<String> screen = SuspectScreen.problem(victimAnswers, suspectAnswers, firstCompetence);
        List<String> summary = new ArrayList<>();
        double best = Double.POSITIVE_INFINITY;
        Decision deciding = null;
        String decidingName = null;
        boolean allCleared = true;
        List<String> undecided = new ArrayList<>();
        Threshold.Source source = null;
        Threshold firstThreshold = null;
        String firstName = null;
        for (int i = 0; i < parts.size(); i++) {
            int k = parts.get(i);
            FingerprintScheme<?> s = scheme.parts().get(k);
            Predictions v = victimBlocks.get(k);
            Predictions u = suspectBlocks.get(k);
            OutputKind partRep = s.representationFor(rep);
            double dk = s.distance(v, u, partRep);
            Calibration c = calibrations.get(i);
            Decision dec = c != null
                    ? decideCalibrated(dk, s.competence().of(v, u), c, screen.isPresent(), new ArrayList<>())
                    : decideUncalibrated(s, dk, partRep, referenceCount, screen.isPresent(), new ArrayList<>());
            boolean unadjustedScores = c != null && partRep.hasScores() && c.adjustedNull().isEmpty();
            if (dec.outcome() == Verdict.Outcome.STOLEN && unadjustedScores) {
                // a distance on scores moves with the suspect's accuracy more than one on labels: set for
                // another accuracy than the suspect's, its threshold is too lax to convict on
                dec = new Decision(Verdict.Outcome.INCONCLUSIVE, dec.threshold(), dec.pValue(), dec.evidence(), List.of(
                        "below its threshold, but with " + c.referenceCount() + " references the threshold cannot be "
                                + "set for the suspect's accuracy, which a part comparing scores needs to convict: give "
                                + "at least " + CompetenceAdjustedNull.MIN_REFERENCES + " references of several accuracies"));
            }
            Optional<Threshold> tk = dec.threshold();
            if (source == null && tk.isPresent() && tk.get().value() > 0) {
                source = tk.get().source();
                firstThreshold = tk.get();
                firstName = s.name();
            }
            // a part that cannot convict does not move the distance either
            double normalised = tk.isPresent() && tk.get().value() > 0 && !unadjustedScores ? dk / tk.get().value()
                    : Double.POSITIVE_INFINITY;
            summary.add(String.format(Locale.ROOT, "%s: distance %.4g, threshold %s, p = %s, %s", s.name(), dk,
                    tk.map(t -> String.format(Locale.ROOT, "%.4g", t.value())).orElse("none"),
                    dec.pValue().isPresent() ? String.format(Locale.ROOT, "%.3g", dec.pValue().getAsDouble()) : "none",
                    dec.outcome().name().toLowerCase(Locale.ROOT)));
            boolean stolen = dec.outcome() == Verdict.Outcome.STOLEN;
            boolean decidesNow = deciding == null || (stolen && deciding.outcome() != Verdict.Outcome.STOLEN)
                    || (stolen == (deciding.outcome() == Verdict.Outcome.STOLEN) && normalised < best);
            if (decidesNow) {
                best = normalised;
                deciding = dec;
                decidingName = s.name();
            }
            if (dec.outcome() != Verdict.Outcome.INDEPENDENT) {
                allCleared = false;
                dec.notes().forEach(n -> undecided.add(s.name() + ": " + n));
            }
        }
        Verdict.Outcome o = deciding.outcome() == Verdict.Outcome.STOLEN ? Verdict.Outcome.STOLEN
                : allCleared ? Verdict.Outcome.INDEPENDENT : Verdict.Outcome.INCONCLUSIVE;
        List<String> notes = new ArrayList<>();
        screen.ifPresent(notes::add);
        if (o == Verdict.Outcome.INCONCLUSIVE) {
            notes.addAll(undecided);
        } else if (o == Verdict.Outcome.STOLEN) {
            deciding.notes().forEach(n -> notes.add(n));
        }
        boolean anyCalibrated = calibrations.stream().anyMatch(Objects::nonNull);
        notes.add("decided by " + decidingName + " of " + parts.size() + " parts, each "
                + (anyCalibrated ? String.format(Locale.ROOT, "calibrated on its own at a %.0f%% false-positive rate",
                100 * targetFpr) : "with its own measured default, if any") + ": " + String.join("; ", summary));
        // on the scale of the first part with a threshold, so that the distance of a suspect decided by that
        // part is its own distance, and suspects rank as they do on it (a share of a threshold that moves
        // with each suspect's accuracy ranks them worse)
        double scale = firstThreshold == null ? 1.0 : firstThreshold.value();
        double distance = Double.isFinite(best) ? best * scale : Double.MAX_VALUE;
        if (source == null) {
            return new PartsDecision(distance, new Decision(Verdict.Outcome.INCONCLUSIVE, Optional.empty(),
                    OptionalDouble.empty(), Optional.empty(), notes));
        }
        Threshold combined = new Threshold(scale, source, anyCalibrated ? OptionalDouble.of(targetFpr) : OptionalDouble.empty(),
                String.format(Locale.ROOT, "%s's threshold %.4g; every other part's distance is put on its scale "
                        + "(times %.4g over that part's own %s threshold): stolen when any part is below its own",
                        firstName, scale, scale, anyCalibrated ? "calibrated" : "default"));
        return new PartsDecision(distance, new Decision(o, Optional.of(combined), deciding.pValue(), deciding.evidence(),
                notes));
    }

    /** Why this verifier does not train its own references, or empty when it does. */
    private Optional<String> selfCalibrationReason() {
        if (!references.isEmpty()) {
            return Optional.of("reference models were given");
        }
        if (userThreshold != null) {
            return Optional.of("a threshold was given");
        }
        if (!selfCalibrate) {
            return Optional.of("self-calibration is off");
        }
        if (trainer == null) {
            return Optional.of("no reference trainer is on the class path (modelprint-nd4j brings one)");
        }
        if (scheme.competence() == Competence.NONE && scheme.parts().isEmpty()) {
            // trained references are weaker than most real independent models; without control queries to
            // compare a suspect with references of its own accuracy, a threshold set on them is far too lax
            // (7 of 10 independent models called stolen for combined, 2 of 10 for sac-m, on the PyTorch zoo)
            return Optional.of(scheme.name() + " has no control queries to set a threshold for a suspect's accuracy, "
                    + "which references the verifier trains itself need (akh-excess and error-profile have them)");
        }
        if (ownerData == null || ownerData.size() < SelfCalibration.MIN_OWNER_SAMPLES) {
            return Optional.of("the owner data has " + (ownerData == null ? 0 : ownerData.size())
                    + " samples, fewer than the " + SelfCalibration.MIN_OWNER_SAMPLES + " self-calibration needs");
        }
        return Optional.empty();
    }

    /**
     * The references' answers: those stored in the fingerprint, else those of the references given
     * to this verifier, queried once per fingerprint.
     */
    private List<Predictions> referenceAnswers(VictimFingerprint fp) {
        if (!fp.references().isEmpty() || references.isEmpty()) {
            return fp.references().stream().map(VictimFingerprint.ReferenceAnswers::answers).toList();
        }
        return storedReferenceAnswers.computeIfAbsent(cacheKey(fp, null), k -> {
            List<Predictions> out = new ArrayList<>();
            for (Model r : references) {
                checkSameTask(fp.provenance().victim(), fp.numClasses(), r, "reference");
                out.add(r.predict(fp.querySet().inputs()));
            }
            return List.copyOf(out);
        });
    }

    private OutputKind representation(VictimFingerprint fp, OutputKind suspectKind, List<Predictions> refs) {
        OutputKind pair = scheme.representationFor(fp.victimAnswers().kind(), suspectKind);
        List<OutputKind> kinds = new ArrayList<>(List.of(fp.victimAnswers().kind(), suspectKind));
        refs.forEach(r -> kinds.add(r.kind()));
        OutputKind rep = scheme.representationFor(kinds.toArray(OutputKind[]::new));
        if (rep != pair) {
            LOG.warn("a reference model answers {} only, so every suspect is compared on {} instead of {}: "
                    + "give references that answer at least what the victim does", rep, rep, pair);
        }
        return rep;
    }

    private Calibration calibration(VictimFingerprint fp, List<Predictions> refs, OutputKind rep, boolean trained) {
        return calibrations.computeIfAbsent(cacheKey(fp, rep), k -> Calibration.ofAnswers(scheme, fp.victimAnswers(),
                refs, rep, targetFpr, trained ? Threshold.Source.TRAINED_REFERENCES : Threshold.Source.REFERENCE_MODELS));
    }

    // a fingerprint is identified by its query set and the victim's answers; both are immutable
    private static String cacheKey(VictimFingerprint fp, OutputKind rep) {
        return fp.querySet().sha256() + "/" + fp.victimAnswers().hashCode() + "/" + fp.provenance().createdAt() + "/" + rep;
    }

    private void checkScheme(VictimFingerprint fp) {
        if (!fp.scheme().equals(scheme.name())) {
            throw new IllegalArgumentException("this fingerprint was made by scheme " + fp.scheme()
                    + " but this verifier runs " + scheme.name()
                    + ": build the verifier with FingerprintVerifier.forFingerprint(fingerprint)");
        }
        if (!fp.provenance().parameters().equals(scheme.parameters())
                && !canonicalParameters(fp).equals(scheme.parameters())) {
            throw new IllegalArgumentException("this fingerprint was made with " + fp.scheme() + " parameters "
                    + fp.provenance().parameters() + " but this verifier uses " + scheme.parameters()
                    + ": build the verifier with FingerprintVerifier.forFingerprint(fingerprint)");
        }
    }

    // a stored fingerprint may spell a value otherwise than the scheme's typed parameters write it ("0.50", "Random")
    private Map<String, String> canonicalParameters(VictimFingerprint fp) {
        try {
            return Schemes.create(fp.scheme(), fp.provenance().parameters()).parameters();
        } catch (IllegalArgumentException e) {
            return fp.provenance().parameters();
        }
    }

    private static void checkSameTask(String victimName, int victimClasses, Model other, String role) {
        SameTask.requireClasses(role + " " + other.name(), other.numClasses(), "victim " + victimName, victimClasses,
                "the two models do not solve the same task" + (role.equals("suspect")
                        ? " (for a suspect transferred to another task, build the verifier with "
                        + "allowDifferentClassCounts(true))" : ""));
    }

    /**
     * Configures a {@link FingerprintVerifier}. Only the scheme is required; owner data is
     * required to fingerprint a victim, not to verify against a stored fingerprint.
     *
     * <pre>{@code
     * FingerprintVerifier v = FingerprintVerifier.sacM()
     *         .ownerData(heldOut).seed(7).references(independentA, independentB)
     *         .targetFalsePositiveRate(0.01).progress(listener).build();
     * }</pre>
     */
    public static final class Builder {
        private final FingerprintScheme<?> scheme;
        private LabeledImages ownerData;
        private long seed = DEFAULT_SEED;
        private final List<Model> references = new ArrayList<>();
        private double targetFpr = DEFAULT_TARGET_FPR;
        private Threshold userThreshold;
        private ProgressListener progress = ProgressListener.NONE;
        private boolean allowDifferentClassCounts;
        private boolean selfCalibrate = true;
        private ReferenceTrainer trainer;
        private int trainedReferences = SelfCalibration.DEFAULT_REFERENCES;

        private Builder(FingerprintScheme<?> scheme) {
            this.scheme = scheme;
        }

        /** The owner's labelled samples that queries are drawn from (test data the victim was not trained on). */
        public Builder ownerData(LabeledImages data) {
            this.ownerData = Objects.requireNonNull(data, "ownerData");
            return this;
        }

        /** The seed of the query set; the same seed gives the same query set and fingerprint. Default 3. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Independent models, trained without the victim, that calibrate the threshold. */
        public Builder references(Model... models) {
            return references(List.of(models));
        }

        /** Independent models, trained without the victim, that calibrate the threshold. */
        public Builder references(List<? extends Model> models) {
            for (Model m : models) {
                references.add(Objects.requireNonNull(m, "reference model"));
            }
            return this;
        }

        /**
         * The false-positive rate reference-calibrated thresholds aim at; default 0.05. A scheme of
         * several parts (the default, {@value #DEFAULT_SCHEME}) calibrates each part at this rate
         * and convicts when any part does, so its own rate is at most the parts' count times it.
         */
        public Builder targetFalsePositiveRate(double fpr) {
            if (!(fpr > 0 && fpr < 1)) {
                throw new IllegalArgumentException("target false-positive rate must be in (0, 1), got " + fpr);
            }
            this.targetFpr = fpr;
            return this;
        }

        /** A fixed threshold, overriding references and defaults. */
        public Builder threshold(double value) {
            this.userThreshold = Threshold.user(value);
            return this;
        }

        /** Receives progress of query-set building and fingerprinting. */
        public Builder progress(ProgressListener listener) {
            this.progress = Objects.requireNonNull(listener, "progress");
            return this;
        }

        /**
         * Accepts suspects with another class count than the victim (a model transferred to a new
         * task). Only schemes that compare correlations, not labels, make sense then.
         */
        public Builder allowDifferentClassCounts(boolean allow) {
            this.allowDifferentClassCounts = allow;
            return this;
        }

        /**
         * Whether the verifier trains its own reference models when it is given none (default
         * true): it then splits the owner data in half, draws queries from one half and trains
         * {@link #trainedReferences(int)} references on the other with the
         * {@link ReferenceTrainer} on the class path. Off, or without a trainer, a verifier with
         * no references can only confirm close copies with a measured default.
         */
        public Builder selfCalibrate(boolean on) {
            this.selfCalibrate = on;
            return this;
        }

        /** The trainer of self-calibration's references; by default the first on the class path. */
        public Builder referenceTrainer(ReferenceTrainer referenceTrainer) {
            this.trainer = Objects.requireNonNull(referenceTrainer, "referenceTrainer");
            return this;
        }

        /** How many references self-calibration trains (default {@value SelfCalibration#DEFAULT_REFERENCES}, at least 5). */
        public Builder trainedReferences(int count) {
            if (count < 5 || count > 100) {
                throw new IllegalArgumentException("self-calibration trains 5 to 100 references, got " + count
                        + ": fewer cannot fit a competence-adjusted threshold");
            }
            this.trainedReferences = count;
            return this;
        }

        /** The verifier. */
        public FingerprintVerifier build() {
            return new FingerprintVerifier(this);
        }
    }
}
