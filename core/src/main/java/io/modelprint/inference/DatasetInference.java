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
package io.modelprint.inference;

import io.modelprint.ImageShape;
import io.modelprint.LabeledImages;
import io.modelprint.Model;
import io.modelprint.OutputKind;
import io.modelprint.Predictions;
import io.modelprint.ProgressListener;
import io.modelprint.Threshold;
import io.modelprint.Verdict;
import io.modelprint.WhiteBoxModel;
import io.modelprint.calibration.SuspectScreen;
import io.modelprint.query.SampleSelection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.WeakHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dataset Inference (Maini, Yaghini and Papernot, ICLR 2021): does the suspect carry knowledge of
 * the owner's private training data? Model extraction copies the victim's decision boundary, and
 * the victim's boundary lies farther from its own training samples than from unseen samples of
 * the same distribution; a suspect that inherited that boundary shows the same gap.
 *
 * <p>The steps: each sample is embedded as its distances to the model's decision boundaries
 * ({@link MinGd} when victim and suspect are both {@link WhiteBoxModel}s, {@link BlindWalk}
 * otherwise; both see the same random directions); a logistic regression is fitted on the
 * victim's embeddings of {@code regressorSamples} private (label 1) and as many public (label 0)
 * samples; the victim itself must then test positive on {@code samples} held-out private and
 * public samples, or nothing can (the verdict is {@code INCONCLUSIVE}); the suspect is embedded
 * on those same held-out samples, scored by the regressor, and a one-sided Welch t-test asks
 * whether its mean score on private samples exceeds that on public ones. The verdict's p-value
 * is the test's, and the verdict is {@code STOLEN} when it is below {@code alpha},
 * {@code INDEPENDENT} when it is not and the test had the power to see the victim's own gap, and
 * {@code INCONCLUSIVE} otherwise (too little power, the query budget ran out, or the suspect is
 * not a working model of the task).
 *
 * <p>The public data must come from the distribution of the private data and be unseen by the
 * victim: a held-back part of the owner's own training data. A test set of another distribution
 * is wrong: Fashion-MNIST's test set is harder than its training set for every model, so every
 * model, stolen or not, would look as if it knew the training set. A model trained on the
 * owner's data (a twin) is positive by definition, and Szyller et al. (TMLR 2023) found that
 * black-box Dataset Inference also flags independent models trained on other data of the same
 * distribution: read a positive verdict as "knows this distribution's training data as well as
 * the victim does", and confirm with a fingerprint scheme.
 *
 * <p>Blind Walk is expensive: up to {@code directions * norms * maxSteps} queries per sample, so
 * a verdict on 100 private and 100 public samples can cost tens of thousands of queries;
 * {@link Verdict#suspectQueries()} reports them, and {@link Builder#queryBudget(long)} stops the
 * embedding cleanly between chunks of samples, testing on the samples finished by then. The
 * victim's embeddings and regressor are computed once per victim and kept while the victim is.
 *
 * <pre>{@code
 * LabeledImages train = fashion.train();
 * DatasetInference di = FingerprintVerifier.datasetInference(train.slice(0, 25_000), train.slice(25_000, 30_000))
 *         .samples(100).queryBudget(50_000).seed(7).build();
 * Verdict v = di.verify(victim, suspect);
 * if (v.stolen()) LOG.warn("{} ({} queries)", v.explanation(), v.suspectQueries());
 * }</pre>
 */
public final class DatasetInference {

    /** The scheme name verdicts carry. */
    public static final String SCHEME = "dataset-inference";

    /** Private and public samples each the suspect is tested on, by default. */
    public static final int DEFAULT_SAMPLES = 100;

    /** Private and public samples each the regressor is fitted on, by default. */
    public static final int DEFAULT_REGRESSOR_SAMPLES = 100;

    /** The fewest samples on each side of a fit or a test. */
    public static final int MIN_SAMPLES = 5;

    /** The significance level, by default. */
    public static final double DEFAULT_ALPHA = 0.05;

    /** The power a test needs, at the victim's own effect, to call a suspect independent. */
    public static final double MIN_POWER = 0.8;

    private static final Logger LOG = LoggerFactory.getLogger(DatasetInference.class);

    /**
     * How samples are embedded.
     *
     * <pre>{@code
     * builder.embedding(DatasetInference.Embedding.BLIND_WALK);  // even for white-box suspects
     * }</pre>
     */
    public enum Embedding {
        /** MinGD when both victim and suspect are white boxes, Blind Walk otherwise. */
        AUTO,
        /** Blind Walk: labels only. */
        BLIND_WALK,
        /** MinGD: both models must be {@link WhiteBoxModel}s. */
        MIN_GD
    }

    /**
     * The victim's own test: how clearly its embeddings separate held-out private from public
     * samples. A victim that does not test positive leaves nothing to find in a suspect.
     *
     * <pre>{@code
     * DatasetInference.VictimCheck c = di.victimCheck(victim, DatasetInference.Embedding.BLIND_WALK);
     * boolean usable = c.pValue() < 0.05;
     * }</pre>
     *
     * @param embedding the embedding used
     * @param pValue    the one-sided Welch t-test's p-value on the victim's held-out samples
     * @param effect    the standardised difference of its mean scores (private minus public)
     * @param samples   held-out samples on each side
     * @param queries   images the victim answered (fitting and testing)
     */
    public record VictimCheck(Embedding embedding, double pValue, double effect, int samples, long queries) {
    }

    private record Calibrated(ConfidenceRegressor regressor, VictimCheck check, Predictions testAnswers,
                              Duration time) {
    }

    private final LabeledImages fitSet;
    private final LabeledImages testSet;
    private final long[] fitSeeds;
    private final long[] testSeeds;
    private final int samples;
    private final Embedding embedding;
    private final BlindWalk blindWalk;
    private final MinGd minGd;
    private final double alpha;
    private final long queryBudget;
    private final ProgressListener progress;
    private final long seed;
    private final boolean testInseparableVictims;
    private final Map<Model, Map<Embedding, Calibrated>> victims;

    private DatasetInference(Builder b) {
        this.samples = b.samples;
        this.embedding = b.embedding;
        this.blindWalk = b.blindWalk;
        this.minGd = b.minGd;
        this.alpha = b.alpha;
        this.queryBudget = b.queryBudget;
        this.progress = b.progress;
        this.seed = b.seed;
        this.testInseparableVictims = b.testInseparableVictims;
        SplittableRandom rng = new SplittableRandom(b.seed);
        int[] priv = SampleSelection.permutation(b.privateData.size(), rng);
        int[] pub = SampleSelection.permutation(b.publicData.size(), rng);
        int r = b.regressorSamples;
        this.fitSet = interleave(b.privateData, priv, 0, b.publicData, pub, r);
        this.testSet = interleave(b.privateData, priv, r, b.publicData, pub, samples);
        this.fitSeeds = rng.longs(fitSet.size()).toArray();
        this.testSeeds = rng.longs(testSet.size()).toArray();
        this.victims = Collections.synchronizedMap(new WeakHashMap<>());
    }

    private DatasetInference(DatasetInference base, long budget) {
        this.fitSet = base.fitSet;
        this.testSet = base.testSet;
        this.fitSeeds = base.fitSeeds;
        this.testSeeds = base.testSeeds;
        this.samples = base.samples;
        this.embedding = base.embedding;
        this.blindWalk = base.blindWalk;
        this.minGd = base.minGd;
        this.alpha = base.alpha;
        this.queryBudget = budget;
        this.progress = base.progress;
        this.seed = base.seed;
        this.testInseparableVictims = base.testInseparableVictims;
        this.victims = base.victims;
    }

    /**
     * This Dataset Inference with another query budget per suspect, sharing the victims' embeddings
     * already computed (they do not depend on the budget).
     *
     * <pre>{@code
     * Verdict cheap = di.withQueryBudget(5_000).verify(victim, suspect);
     * }</pre>
     *
     * @throws IllegalArgumentException if the budget cannot test even {@value #MIN_SAMPLES} pairs
     */
    public DatasetInference withQueryBudget(long budget) {
        long least = leastBudget(embedding, blindWalk, minGd, samples, testSet.numClasses());
        if (budget < least) {
            throw new IllegalArgumentException(tooSmall(budget, least, samples, perSample(embedding, blindWalk, minGd,
                    testSet.numClasses())));
        }
        return new DatasetInference(this, budget);
    }

    /** The queries one sample costs at least: one per walk. */
    private static long perSample(Embedding embedding, BlindWalk blindWalk, MinGd minGd, int classes) {
        return switch (embedding) {
            case BLIND_WALK -> blindWalk.walksPerSample();
            case MIN_GD -> minGd.walksPerSample(classes);
            case AUTO -> Math.min(blindWalk.walksPerSample(), minGd.walksPerSample(classes));
        };
    }

    /** The smallest budget that can test {@value #MIN_SAMPLES} pairs. */
    private static long leastBudget(Embedding embedding, BlindWalk blindWalk, MinGd minGd, int samples, int classes) {
        return 2L * samples + 2L * MIN_SAMPLES * perSample(embedding, blindWalk, minGd, classes);
    }

    private static String tooSmall(long budget, long least, int samples, long perSample) {
        return String.format(Locale.ROOT, "a query budget of %d cannot test even %d private and %d public samples: the %d "
                + "unperturbed test samples and one step of each of the %d walks per sample take at least %d queries; "
                + "raise queryBudget(..) to %d or more, or lower samples(..) or the number of directions", budget,
                MIN_SAMPLES, MIN_SAMPLES, 2 * samples, perSample, least, least);
    }

    /**
     * A builder for Dataset Inference with the owner's private training samples and public samples
     * of the same distribution that the victim never saw.
     *
     * @param privateData the victim's training data, or part of it
     * @param publicData  held-back data of the same distribution (not a test set of another one)
     */
    public static Builder builder(LabeledImages privateData, LabeledImages publicData) {
        return new Builder(privateData, publicData);
    }

    /**
     * Embeds the victim (once per victim and embedding), then the suspect, and decides.
     *
     * @throws IllegalArgumentException if a model takes other images or answers another number of
     *                                  classes than the owner's data has, or MinGD was asked for and
     *                                  a model is not a {@link WhiteBoxModel}
     */
    public Verdict verify(Model victim, Model suspect) {
        check(victim, "victim");
        check(suspect, "suspect");
        Embedding used = resolve(victim, suspect);
        long started = System.nanoTime();
        boolean cached = victims.containsKey(victim) && victims.get(victim).containsKey(used);
        Calibrated c = calibrated(victim, used);
        Duration victimTime = cached ? Duration.ZERO : c.time();
        OutputKind representation = used == Embedding.MIN_GD ? OutputKind.LOGITS : OutputKind.LABELS;
        Threshold threshold = new Threshold(alpha, Threshold.Source.USER, OptionalDouble.empty(), String.format(Locale.ROOT,
                "significance level %.3g of a one-sided Welch t-test: the verdict's distance is Dataset Inference's "
                        + "p-value, not a distance between fingerprints", alpha));
        List<String> notes = new ArrayList<>();
        String caveat = "a model trained on the owner's data (a twin) is positive by definition, and black-box Dataset "
                + "Inference has flagged independent models trained on other data of the same distribution (Szyller et al. "
                + "2023): confirm a positive verdict with a fingerprint scheme";
        VictimCheck vc = c.check();
        boolean victimFails = !(vc.pValue() < alpha);
        if (victimFails) {
            notes.add(String.format(Locale.ROOT, "the victim itself does not test positive: on %d held-out private and "
                    + "%d public samples its p-value is %.3g (alpha %.3g), so its boundary is no farther from its training "
                    + "data than from unseen data and nothing can be inferred about a suspect; give the victim's own training "
                    + "data as the private data and more samples, or use a fingerprint scheme", vc.samples(), vc.samples(),
                    vc.pValue(), alpha));
            if (!testInseparableVictims) {
                return verdict(suspect, representation, Verdict.Outcome.INCONCLUSIVE, 1, threshold, OptionalDouble.empty(),
                        notes, 0, victimTime, Duration.ZERO, started);
            }
        }
        QueryAllowance allowance = new QueryAllowance(queryBudget);
        if (!allowance.take(testSet.size())) {
            notes.add(budgetNote(0));
            return verdict(suspect, representation, Verdict.Outcome.INCONCLUSIVE, 1, threshold, OptionalDouble.empty(),
                    notes, 0, victimTime, Duration.ZERO, started);
        }
        long suspectStart = System.nanoTime();
        Predictions answers = suspect.predict(testSet.images());
        Optional<String> problem = SuspectScreen.problem(c.testAnswers(), answers, competence(c.testAnswers(), answers));
        if (problem.isPresent()) {
            notes.add(problem.get());
            return verdict(suspect, representation, Verdict.Outcome.INCONCLUSIVE, 1, threshold, OptionalDouble.empty(),
                    notes, allowance.spent(), victimTime, Duration.ofNanos(System.nanoTime() - suspectStart), started);
        }
        Embedder.Embedded e = embedder(used).embed(suspect, testSet, testSeeds, allowance, progress,
                "Dataset Inference: embedding " + suspect.name());
        Duration suspectTime = Duration.ofNanos(System.nanoTime() - suspectStart);
        int pairs = e.features().length / 2;
        if (pairs < samples) {
            notes.add(String.format(Locale.ROOT, "the query budget of %d stopped the embedding after %d of %d sample pairs",
                    queryBudget, pairs, samples));
        }
        if (pairs < MIN_SAMPLES) {
            notes.add(budgetNote(pairs));
            return verdict(suspect, representation, Verdict.Outcome.INCONCLUSIVE, 1, threshold, OptionalDouble.empty(),
                    notes, allowance.spent(), victimTime, suspectTime, started);
        }
        double[][] sides = scores(c.regressor(), e.features(), pairs);
        WelchTest test = WelchTest.greater(sides[0], sides[1]);
        double p = test.pValue();
        Verdict.Outcome outcome;
        if (victimFails) {
            outcome = Verdict.Outcome.INCONCLUSIVE;
            notes.add(String.format(Locale.ROOT, "tested all the same on request: p = %.3g on %d private and %d public "
                    + "samples, which the victim's own failed test leaves without meaning", p, pairs, pairs));
        } else if (p < alpha) {
            outcome = Verdict.Outcome.STOLEN;
            notes.add(String.format(Locale.ROOT, "the suspect carries knowledge of the owner's training data: its mean "
                    + "training-data score on %d private samples exceeds that on %d public samples (one-sided Welch t-test, "
                    + "t = %.2f, p = %.3g)", pairs, pairs, test.t(), p));
        } else {
            double power = WelchTest.power(vc.effect(), pairs, alpha);
            if (power < MIN_POWER) {
                outcome = Verdict.Outcome.INCONCLUSIVE;
                notes.add(String.format(Locale.ROOT, "not significant (p = %.3g), but %d sample pairs give only %.0f%% power "
                        + "to see even the victim's own gap (effect %.2f): too few to call the suspect independent; raise "
                        + "samples(..) or the query budget", p, pairs, 100 * power, vc.effect()));
            } else {
                outcome = Verdict.Outcome.INDEPENDENT;
                notes.add(String.format(Locale.ROOT, "no sign of the owner's training data: p = %.3g on %d private and %d "
                        + "public samples", p, pairs, pairs));
            }
        }
        notes.add(caveat);
        notes.add(String.format(Locale.ROOT, "%d queries to the suspect (%s)", allowance.spent(),
                used == Embedding.MIN_GD ? "MinGD gradient passes" : "Blind Walk steps"));
        LOG.debug("{} against {}: p = {} on {} pairs, {} queries", suspect.name(), victim.name(), p, pairs, allowance.spent());
        return verdict(suspect, representation, outcome, p, threshold, OptionalDouble.of(p), notes, allowance.spent(),
                victimTime, suspectTime, started);
    }

    /**
     * The victim's own test with {@code how} (for {@link Embedding#AUTO}: MinGD if the victim is a
     * white box), computed once and kept.
     */
    public VictimCheck victimCheck(Model victim, Embedding how) {
        check(victim, "victim");
        Embedding used = how == Embedding.AUTO ? (victim instanceof WhiteBoxModel ? Embedding.MIN_GD : Embedding.BLIND_WALK)
                : Objects.requireNonNull(how, "embedding");
        if (used == Embedding.MIN_GD && !(victim instanceof WhiteBoxModel)) {
            throw new IllegalArgumentException("MinGD needs input gradients, but victim " + victim.name()
                    + " is not a WhiteBoxModel: use Embedding.BLIND_WALK");
        }
        return calibrated(victim, used).check();
    }

    private Verdict verdict(Model suspect, OutputKind rep, Verdict.Outcome outcome, double distance, Threshold threshold,
                            OptionalDouble p, List<String> notes, long queries, Duration victimTime, Duration suspectTime,
                            long started) {
        Duration total = Duration.ofNanos(System.nanoTime() - started);
        Duration comparison = total.minus(victimTime).minus(suspectTime);
        return new Verdict(suspect.name(), SCHEME, rep, outcome, distance, Optional.of(threshold), p, Optional.empty(),
                notes, queries, new Verdict.Costs(Duration.ZERO, victimTime, suspectTime,
                comparison.isNegative() ? Duration.ZERO : comparison));
    }

    private String budgetNote(int pairs) {
        return String.format(Locale.ROOT, "the query budget of %d ran out after %d sample pairs; a test needs at least %d "
                + "(the %d unperturbed test samples cost %d queries, then each sample costs at least one query per walk): "
                + "raise queryBudget(..) or lower samples(..) or the walk's directions", queryBudget, pairs, MIN_SAMPLES,
                testSet.size(), testSet.size());
    }

    private Calibrated calibrated(Model victim, Embedding used) {
        Map<Embedding, Calibrated> mine = victims.computeIfAbsent(victim, v -> Collections.synchronizedMap(
                new EnumMap<>(Embedding.class)));
        return mine.computeIfAbsent(used, u -> calibrate(victim, u));
    }

    private Calibrated calibrate(Model victim, Embedding used) {
        long start = System.nanoTime();
        Embedder embedder = embedder(used);
        QueryAllowance all = QueryAllowance.unlimited();
        Embedder.Embedded fit = embedder.embed(victim, fitSet, fitSeeds, all, progress,
                "Dataset Inference: embedding the victim's fitting samples");
        Embedder.Embedded test = embedder.embed(victim, testSet, testSeeds, all, progress,
                "Dataset Inference: embedding the victim's test samples");
        Predictions answers = victim.predict(testSet.images());
        int r = fitSet.size() / 2;
        double[][][] fitSides = split(fit.features(), r);
        ConfidenceRegressor regressor = ConfidenceRegressor.fit(fitSides[0], fitSides[1]);
        double[][] sides = scores(regressor, test.features(), samples);
        WelchTest t = WelchTest.greater(sides[0], sides[1]);
        VictimCheck check = new VictimCheck(used, t.pValue(), t.effect(), samples, fit.queries() + test.queries()
                + testSet.size());
        LOG.debug("victim {} ({}): held-out p = {}, effect {}, {} queries", victim.name(), used, t.pValue(), t.effect(),
                check.queries());
        return new Calibrated(regressor, check, answers, Duration.ofNanos(System.nanoTime() - start));
    }

    private Embedder embedder(Embedding used) {
        return used == Embedding.MIN_GD ? minGd::embed : blindWalk::embed;
    }

    private Embedding resolve(Model victim, Model suspect) {
        boolean white = victim instanceof WhiteBoxModel && suspect instanceof WhiteBoxModel;
        if (embedding == Embedding.MIN_GD && !white) {
            throw new IllegalArgumentException("MinGD needs input gradients of both models, but "
                    + (victim instanceof WhiteBoxModel ? "suspect " + suspect.name() : "victim " + victim.name())
                    + " is not a WhiteBoxModel: use Embedding.BLIND_WALK (or AUTO)");
        }
        if (embedding == Embedding.AUTO) {
            return white ? Embedding.MIN_GD : Embedding.BLIND_WALK;
        }
        return embedding;
    }

    private void check(Model model, String role) {
        Objects.requireNonNull(model, role);
        ImageShape shape = testSet.images().shape();
        if (!model.inputShape().equals(shape)) {
            throw new IllegalArgumentException("the " + role + " " + model.name() + " takes images of shape "
                    + model.inputShape() + " but the owner's samples are " + shape + ": give samples the models take");
        }
        if (model.numClasses() != testSet.numClasses()) {
            throw new IllegalArgumentException("the " + role + " " + model.name() + " answers " + model.numClasses()
                    + " classes but the owner's samples have " + testSet.numClasses() + ": the models must solve the task of "
                    + "the data");
        }
    }

    /** The suspect's accuracy on the samples the victim classifies correctly, if there are any. */
    private OptionalDouble competence(Predictions victimAnswers, Predictions suspectAnswers) {
        int right = 0;
        int both = 0;
        for (int i = 0; i < testSet.size(); i++) {
            if (victimAnswers.label(i) == testSet.labels()[i]) {
                right++;
                both += suspectAnswers.label(i) == testSet.labels()[i] ? 1 : 0;
            }
        }
        return right == 0 ? OptionalDouble.empty() : OptionalDouble.of(both / (double) right);
    }

    /** The regressor's scores of the first {@code pairs} interleaved pairs: private scores, then public ones. */
    private static double[][] scores(ConfidenceRegressor regressor, double[][] rows, int pairs) {
        double[][][] sides = split(rows, pairs);
        return new double[][] {regressor.scores(sides[0]), regressor.scores(sides[1])};
    }

    /** Rows 0, 2, 4, ... (private) and 1, 3, 5, ... (public) of the first {@code pairs} pairs. */
    private static double[][][] split(double[][] rows, int pairs) {
        double[][] priv = new double[pairs][];
        double[][] pub = new double[pairs][];
        for (int i = 0; i < pairs; i++) {
            priv[i] = rows[2 * i];
            pub[i] = rows[2 * i + 1];
        }
        return new double[][][] {priv, pub};
    }

    /** Private sample {@code order[from + i]} then public sample {@code pubOrder[from + i]}, for i below {@code count}. */
    private static LabeledImages interleave(LabeledImages priv, int[] order, int from, LabeledImages pub, int[] pubOrder,
                                            int count) {
        LabeledImages a = priv.select(Arrays.copyOfRange(order, from, from + count));
        LabeledImages b = pub.select(Arrays.copyOfRange(pubOrder, from, from + count));
        int[] pick = new int[2 * count];
        for (int i = 0; i < count; i++) {
            pick[2 * i] = i;
            pick[2 * i + 1] = count + i;
        }
        LabeledImages both = new LabeledImages(a.images().concat(b.images()), concat(a.labels(), b.labels()),
                priv.numClasses());
        return both.select(pick);
    }

    private static int[] concat(int[] a, int[] b) {
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** The seed this instance was built with. */
    public long seed() {
        return seed;
    }

    /**
     * Settings for {@link DatasetInference}. Only the data are required.
     *
     * <pre>{@code
     * DatasetInference di = DatasetInference.builder(privateData, publicData)
     *         .samples(50).regressorSamples(100)
     *         .blindWalk(BlindWalk.defaults().withDirections(5))
     *         .alpha(0.01).queryBudget(30_000).seed(7).progress(listener)
     *         .build();
     * }</pre>
     */
    public static final class Builder {
        private final LabeledImages privateData;
        private final LabeledImages publicData;
        private int samples = DEFAULT_SAMPLES;
        private int regressorSamples = DEFAULT_REGRESSOR_SAMPLES;
        private Embedding embedding = Embedding.AUTO;
        private BlindWalk blindWalk = BlindWalk.defaults();
        private MinGd minGd = MinGd.defaults();
        private double alpha = DEFAULT_ALPHA;
        private long queryBudget = Long.MAX_VALUE;
        private ProgressListener progress = ProgressListener.NONE;
        private long seed = 3;
        private boolean testInseparableVictims;

        private Builder(LabeledImages privateData, LabeledImages publicData) {
            this.privateData = Objects.requireNonNull(privateData, "privateData (the victim's training samples)");
            this.publicData = Objects.requireNonNull(publicData, "publicData (held-back samples of the same distribution)");
        }

        /** Private and public samples each the suspect is tested on (default 100). */
        public Builder samples(int m) {
            this.samples = m;
            return this;
        }

        /** Private and public samples each the regressor is fitted on (default 100). */
        public Builder regressorSamples(int r) {
            this.regressorSamples = r;
            return this;
        }

        /** How samples are embedded (default {@link Embedding#AUTO}). */
        public Builder embedding(Embedding how) {
            this.embedding = Objects.requireNonNull(how, "embedding");
            return this;
        }

        /** The Blind Walk settings (default {@link BlindWalk#defaults()}). */
        public Builder blindWalk(BlindWalk walk) {
            this.blindWalk = Objects.requireNonNull(walk, "blindWalk");
            return this;
        }

        /** The MinGD settings (default {@link MinGd#defaults()}). */
        public Builder minGd(MinGd gd) {
            this.minGd = Objects.requireNonNull(gd, "minGd");
            return this;
        }

        /** The significance level, in (0, 0.5] (default 0.05). */
        public Builder alpha(double a) {
            this.alpha = a;
            return this;
        }

        /** The most queries one verdict may send the suspect (default: no limit). */
        public Builder queryBudget(long budget) {
            this.queryBudget = budget;
            return this;
        }

        /** Receives progress of the embeddings. */
        public Builder progress(ProgressListener listener) {
            this.progress = Objects.requireNonNull(listener, "progress");
            return this;
        }

        /**
         * Whether to embed and test the suspect even when the victim itself does not test positive
         * (default false): the verdict stays {@code INCONCLUSIVE} but carries the suspect's p-value.
         * For benchmarks and diagnosis only: it spends the suspect's queries on nothing a user can act on.
         */
        public Builder testInseparableVictims(boolean on) {
            this.testInseparableVictims = on;
            return this;
        }

        /** The seed of the sample selection and the random directions (default 3). */
        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        private void requireSize(int size, String side, int need) {
            if (size < need) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "Dataset Inference needs %d %s samples "
                        + "(%d to fit the regressor, %d to test), got %d: give more, or lower samples(..) or "
                        + "regressorSamples(..)", need, side, regressorSamples, samples, size));
            }
        }

        /**
         * Checks the settings and builds.
         *
         * @throws IllegalArgumentException naming the problem, the values and the fix: private and
         *                                  public samples of different shapes or class counts, too few
         *                                  samples, a significance level outside (0, 0.5], or a budget
         *                                  that cannot test even {@value DatasetInference#MIN_SAMPLES}
         *                                  pairs
         */
        public DatasetInference build() {
            if (!privateData.images().shape().equals(publicData.images().shape())) {
                throw new IllegalArgumentException("the private samples are images of shape " + privateData.images().shape()
                        + " but the public ones " + publicData.images().shape() + ": both must be samples of one task, "
                        + "images the victim takes");
            }
            if (privateData.numClasses() != publicData.numClasses()) {
                throw new IllegalArgumentException("the private samples have " + privateData.numClasses()
                        + " classes but the public ones " + publicData.numClasses() + ": both must be samples of one task");
            }
            if (samples < MIN_SAMPLES || regressorSamples < MIN_SAMPLES) {
                throw new IllegalArgumentException("Dataset Inference needs at least " + MIN_SAMPLES + " samples on each "
                        + "side to test and to fit the regressor, got samples = " + samples + ", regressorSamples = "
                        + regressorSamples);
            }
            int need = samples + regressorSamples;
            requireSize(privateData.size(), "private", need);
            requireSize(publicData.size(), "public", need);
            if (!(alpha > 0 && alpha <= 0.5)) {
                throw new IllegalArgumentException("the significance level must be in (0, 0.5], got " + alpha);
            }
            long least = leastBudget(embedding, blindWalk, minGd, samples, privateData.numClasses());
            if (queryBudget < least) {
                throw new IllegalArgumentException(tooSmall(queryBudget, least, samples, perSample(embedding, blindWalk,
                        minGd, privateData.numClasses())));
            }
            return new DatasetInference(this);
        }
    }
}
