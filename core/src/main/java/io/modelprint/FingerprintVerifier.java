package io.modelprint;

import io.modelprint.calibration.Calibration;
import io.modelprint.calibration.NullDistribution;
import io.modelprint.scheme.ConferrableProvider;
import io.modelprint.scheme.FingerprintScheme;
import io.modelprint.scheme.SchemeInputs;
import io.modelprint.scheme.Schemes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
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
 * independent reference models given with {@link Builder#references(List)} (at least two: the
 * threshold is set for {@link Builder#targetFalsePositiveRate(double)} and each verdict gets a
 * p-value, both from {@link Calibration}); otherwise the scheme's documented
 * default, measured on the Fashion-MNIST benchmark.
 *
 * <p>The default scheme, {@value #DEFAULT_SCHEME}, asks the suspect for labels on 200 owner
 * samples the victim misclassifies and 100 it classifies correctly, and measures how much more
 * often the suspect departs from the victim on its mistakes than elsewhere (see
 * {@code io.modelprint.scheme.AkhExcessProvider}). It needs nothing but the victim, works on
 * label-only suspects, and had the highest true-positive rate at a 5% false-positive rate of the
 * training-free schemes on the Fashion-MNIST development zoo (0.69 averaged over seven stolen
 * families, against 0.57 for AKH, SAC-m with AKH and IPGuard, 0.51 for SAC-m; benchmarks/RESULTS.md).
 * The faithful schemes stay available by name ({@link #sacM()}, {@link #sacW()}, {@link #akh()},
 * {@link #ipGuard()}).
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
    public static final String DEFAULT_SCHEME = "akh-excess";

    private static final Logger LOG = LoggerFactory.getLogger(FingerprintVerifier.class);

    private final FingerprintScheme<?> scheme;
    private final LabeledImages ownerData;
    private final long seed;
    private final List<Model> references;
    private final double targetFpr;
    private final Threshold userThreshold;
    private final ProgressListener progress;
    private final boolean allowDifferentClassCounts;
    private final Map<String, List<Predictions>> storedReferenceAnswers = new ConcurrentHashMap<>();
    private final Map<String, Calibration> calibrations = new ConcurrentHashMap<>();

    private FingerprintVerifier(Builder b) {
        this.scheme = b.scheme;
        this.ownerData = b.ownerData;
        this.seed = b.seed;
        this.references = List.copyOf(b.references);
        this.targetFpr = b.targetFpr;
        this.userThreshold = b.userThreshold;
        this.progress = b.progress;
        this.allowDifferentClassCounts = b.allowDifferentClassCounts;
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
     * keeps their answers.
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
        QuerySet queries = scheme.queryBuilder().build(victim, ownerData, seed, progress);
        long t1 = System.nanoTime();
        progress.onProgress("fingerprinting victim", 0, 1 + references.size());
        Predictions victimAnswers = victim.predict(queries.inputs());
        List<VictimFingerprint.ReferenceAnswers> refs = new ArrayList<>();
        for (int i = 0; i < references.size(); i++) {
            Model r = references.get(i);
            progress.onProgress("fingerprinting victim", 1 + i, 1 + references.size());
            refs.add(new VictimFingerprint.ReferenceAnswers(r.name(), r.predict(queries.inputs())));
        }
        progress.onProgress("fingerprinting victim", 1 + references.size(), 1 + references.size());
        long t2 = System.nanoTime();
        Provenance prov = new Provenance(scheme.name(), scheme.parameters(), seed, queries.sha256(), victim.name(),
                LibraryVersion.get(), Instant.now());
        LOG.debug("fingerprinted {} with {} on {} queries and {} references", victim.name(), scheme.name(),
                queries.size(), refs.size());
        return new VictimFingerprint(prov, queries, victimAnswers, refs, Duration.ofNanos(t1 - t0),
                Duration.ofNanos(t2 - t1));
    }

    /**
     * Fingerprints {@code victim} and verifies {@code suspect} against it. To check several
     * suspects, call {@link #fingerprint(Model)} once and {@link #verify(VictimFingerprint, Model)}
     * for each, which builds the query set only once.
     */
    public Verdict verify(Model victim, Model suspect) {
        return verify(fingerprint(victim), suspect);
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
        OutputKind rep = representation(fingerprint, suspect.outputKind(), refs);
        Calibration calibration = refs.size() >= NullDistribution.MIN_REFERENCES ? calibration(fingerprint, refs, rep) : null;
        Threshold threshold = userThreshold != null ? userThreshold
                : calibration != null ? calibration.threshold() : defaultThreshold(rep, refs.size());

        long t0 = System.nanoTime();
        long before = suspect.queryCount();
        Predictions suspectAnswers = suspect.predict(fingerprint.querySet().inputs());
        long queries = suspect.queryCount() - before;
        long t1 = System.nanoTime();
        double distance = scheme.distance(fingerprint.victimAnswers(), suspectAnswers, rep);
        long t2 = System.nanoTime();
        Verdict v = new Verdict(suspect.name(), scheme.name(), rep, distance, threshold, threshold.isStolen(distance),
                calibration == null ? Double.NaN : calibration.pValue(distance),
                calibration == null ? 0 : calibration.referenceCount(),
                calibration == null ? -1 : calibration.closerCount(distance), queries,
                new Verdict.Costs(fingerprint.querySetBuildTime(), fingerprint.fingerprintTime(), Duration.ofNanos(t1 - t0),
                        Duration.ofNanos(t2 - t1)));
        LOG.debug("{} vs {}: {}", fingerprint.provenance().victim(), suspect.name(), v.explanation());
        return v;
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

    private Calibration calibration(VictimFingerprint fp, List<Predictions> refs, OutputKind rep) {
        return calibrations.computeIfAbsent(cacheKey(fp, rep),
                k -> Calibration.ofAnswers(scheme, fp.victimAnswers(), refs, rep, targetFpr));
    }

    private Threshold defaultThreshold(OutputKind rep, int referenceCount) {
        if (referenceCount == 1) {
            LOG.warn("one reference model cannot calibrate a threshold (at least {} are needed); "
                    + "using the scheme's default", NullDistribution.MIN_REFERENCES);
        }
        return scheme.defaultThreshold(rep);
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

        /** The false-positive rate reference-calibrated thresholds aim at; default 0.05. */
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

        /** The verifier. */
        public FingerprintVerifier build() {
            return new FingerprintVerifier(this);
        }
    }
}
