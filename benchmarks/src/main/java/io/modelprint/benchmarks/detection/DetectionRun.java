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
package io.modelprint.benchmarks.detection;

import io.modelprint.FingerprintVerifier;
import io.modelprint.calibration.ReferenceTrainer;
import io.modelprint.LabeledImages;
import io.modelprint.Model;
import io.modelprint.evasion.EvasionCost;
import io.modelprint.ProgressListener;
import io.modelprint.Verdict;
import io.modelprint.VictimFingerprint;
import io.modelprint.scheme.FingerprintScheme;
import io.modelprint.scheme.SchemeProvider;
import io.modelprint.scheme.Schemes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The detection benchmark's loop: for every victim of every zoo, each scheme fingerprints the
 * victim once (the whole owner data given, as {@code FingerprintVerifier.defaults().ownerData(testImages)}
 * is called; the scheme chooses its queries from it) and verifies every suspect that belongs to
 * the victim (its stolen copies and twins, its split's shared negatives), each optionally
 * disguised by an {@link Evasion}. Schemes under test record distances; the out-of-the-box
 * verifier ({@value #DEFAULTS}: {@code FingerprintVerifier.defaults().ownerData(owner).build()}),
 * alone and with independent references of the victim's split, records verdicts too. Schemes with
 * a {@code queries} parameter are also run at each query budget.
 *
 * <pre>{@code
 * DetectionRun.Config config = DetectionRun.Config.of(SchemeUnderTest.standard());
 * DetectionResults results = DetectionRun.score(List.of(pytorchZoo, dl4jZoo), config, listener);
 * }</pre>
 */
public final class DetectionRun {

    /** The label of the out-of-the-box verifier. */
    public static final String DEFAULTS = "defaults";

    private static final Logger LOG = LoggerFactory.getLogger(DetectionRun.class);

    private DetectionRun() {
    }

    /**
     * What a run scores.
     *
     * <pre>{@code
     * DetectionRun.Config c = DetectionRun.Config.of(SchemeUnderTest.standard())
     *         .withBudgets(List.of("akh", "akh-excess"), List.of(25, 50, 100, 300, 1000))
     *         .withEvasions(List.of(Evasion.NONE, rounding));
     * }</pre>
     *
     * @param schemes       the schemes under test, by label
     * @param perVictim     schemes only some victims have (conferrable with a DL4J victim's owner models)
     * @param budgetSchemes registry names of the schemes run at every budget (those with a {@code queries} parameter)
     * @param budgets       the query budgets, such as 25, 50, 100, 300 and 1000
     * @param outOfTheBox   whether to run the out-of-the-box verifier and record its verdicts
     * @param references    independent models of the victim's split given to the out-of-the-box verifier in its
     *                      second configuration, 0 for none
     * @param evasions      the disguises applied to every suspect ({@link Evasion#NONE} for none); budgets run undisguised
     * @param verifierSchemes registry names of schemes also run as the out-of-the-box verifier would run them
     *                      ({@code FingerprintVerifier.using(name)}, self-calibrated, and with the references),
     *                      labelled {@code defaults[name]}: candidates for the default
     * @param referenceTrainer the trainer of the self-calibration references, empty for the library's own
     *                      (found on the class path, as users get it)
     */
    public record Config(List<SchemeUnderTest> schemes, Function<BenchmarkMember, List<SchemeUnderTest>> perVictim,
                         List<String> budgetSchemes, List<Integer> budgets, boolean outOfTheBox, int references,
                         List<Evasion> evasions, List<String> verifierSchemes,
                         java.util.Optional<ReferenceTrainer> referenceTrainer) {

        /** Validates and copies. */
        public Config {
            schemes = List.copyOf(schemes);
            Objects.requireNonNull(perVictim, "perVictim");
            budgetSchemes = List.copyOf(budgetSchemes);
            budgets = List.copyOf(budgets);
            evasions = List.copyOf(evasions);
            verifierSchemes = List.copyOf(verifierSchemes);
            Objects.requireNonNull(referenceTrainer, "referenceTrainer");
            verifierSchemes.forEach(SchemeUnderTest::parse);   // an unknown name or parameter fails here, by name
            if (evasions.isEmpty()) {
                throw new IllegalArgumentException("a run needs at least one evasion: Evasion.NONE for suspects as they are");
            }
            if (references == 1 || references < 0) {
                throw new IllegalArgumentException("the out-of-the-box verifier calibrates on 0 or at least 2 references, got "
                        + references);
            }
        }

        /** These schemes, the out-of-the-box verifier alone and with 4 references, no budgets, no evasion. */
        public static Config of(List<SchemeUnderTest> schemes) {
            return new Config(schemes, v -> List.of(), List.of(), List.of(), true, 4, List.of(Evasion.NONE), List.of(),
                    java.util.Optional.empty());
        }

        /** The same run with query-budget curves for these schemes. */
        public Config withBudgets(List<String> schemeNames, List<Integer> queryBudgets) {
            return new Config(schemes, perVictim, schemeNames, queryBudgets, outOfTheBox, references, evasions,
                    verifierSchemes, referenceTrainer);
        }

        /** The same run with these evasions. */
        public Config withEvasions(List<Evasion> e) {
            return new Config(schemes, perVictim, budgetSchemes, budgets, outOfTheBox, references, e, verifierSchemes, referenceTrainer);
        }

        /** The same run with extra schemes for some victims. */
        public Config withPerVictim(Function<BenchmarkMember, List<SchemeUnderTest>> extra) {
            return new Config(schemes, extra, budgetSchemes, budgets, outOfTheBox, references, evasions, verifierSchemes, referenceTrainer);
        }

        /** The same run with or without the out-of-the-box verifier, and with this many references. */
        public Config withOutOfTheBox(boolean run, int referenceCount) {
            return new Config(schemes, perVictim, budgetSchemes, budgets, run, referenceCount, evasions, verifierSchemes, referenceTrainer);
        }

        /** The same run with this trainer for the self-calibration references (a cache, say). */
        public Config withReferenceTrainer(ReferenceTrainer trainer) {
            return new Config(schemes, perVictim, budgetSchemes, budgets, outOfTheBox, references, evasions,
                    verifierSchemes, java.util.Optional.of(trainer));
        }

        /** The same run with these schemes also run as the out-of-the-box verifier runs its default. */
        public Config withVerifierSchemes(List<String> names) {
            return new Config(schemes, perVictim, budgetSchemes, budgets, outOfTheBox, references, evasions, names, referenceTrainer);
        }
    }

    /** The label of the out-of-the-box verifier with {@code n} references. */
    public static String withReferences(int n) {
        return DEFAULTS + "+" + n + "refs";
    }

    /** The schemes among {@code names} whose provider takes a {@code queries} parameter. */
    public static List<String> withQueriesParameter(List<String> names) {
        return names.stream().distinct().filter(n -> Schemes.provider(n).defaults().containsKey("queries")).toList();
    }

    /**
     * The scheme {@code name} at a budget of {@code queries}: a scheme that also has a
     * {@code controls} parameter (akh-excess: queries are mistakes plus controls) keeps the share of
     * controls of its defaults.
     */
    public static FingerprintScheme<?> atBudget(String name, int queries) {
        SchemeProvider p = Schemes.provider(name);
        Map<String, String> defaults = p.defaults();
        if (!defaults.containsKey("queries")) {
            throw new IllegalArgumentException(name + " has no 'queries' parameter to set to a budget; its parameters: "
                    + defaults.keySet());
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("queries", Integer.toString(queries));
        if (defaults.containsKey("controls")) {
            double share = Double.parseDouble(defaults.get("controls")) / Double.parseDouble(defaults.get("queries"));
            params.put("controls", Long.toString(Math.max(1, Math.round(queries * share))));
        }
        return p.create(params);
    }

    /** Scores every victim of {@code zoos}. */
    public static DetectionResults score(List<BenchmarkZoo> zoos, Config config, ProgressListener progress) {
        List<BenchmarkMember> all = zoos.stream().flatMap(z -> z.members().stream()).toList();
        DetectionResults r = new DetectionResults(zoos.stream().map(BenchmarkZoo::name).toList(), all);
        config.evasions().forEach(e -> r.declareEvasion(e.name()));
        int total = r.victims().size();
        int done = 0;
        for (BenchmarkZoo zoo : zoos) {
            for (BenchmarkMember v : zoo.victims()) {
                progress.onProgress("victims", done++, total);
                LOG.info("scoring victim {} ({} suspects)", v.victimKey(), r.suspectsOf(v).size());
                scoreVictim(r, v, zoo.ownerData(), config, progress);
            }
        }
        progress.onProgress("victims", total, total);
        return r;
    }

    private static void scoreVictim(DetectionResults r, BenchmarkMember victim, LabeledImages owner, Config c,
                                    ProgressListener progress) {
        List<BenchmarkMember> suspects = r.suspectsOf(victim);
        evasionCosts(r, suspects, owner, c.evasions());
        List<SchemeUnderTest> schemes = new ArrayList<>(c.schemes());
        schemes.addAll(c.perVictim().apply(victim));
        for (SchemeUnderTest s : schemes) {
            r.declare(new DetectionResults.SchemeInfo(s.label(), s.scheme().name(), 0, false));
            // only distances are used: a threshold of 0 avoids looking up defaults that may not exist
            run(r, s.label(), victim, suspects, c.evasions(), false,
                    () -> FingerprintVerifier.using(s.scheme()).ownerData(owner).progress(progress).threshold(0).build(),
                    progress);
        }
        if (c.outOfTheBox()) {
            outOfTheBox(r, DEFAULTS, FingerprintVerifier.DEFAULT_SCHEME, victim, suspects, owner, c, progress);
        }
        for (String name : c.verifierSchemes()) {
            outOfTheBox(r, DEFAULTS + "[" + name + "]", name, victim, suspects, owner, c, progress);
        }

        for (String name : c.budgetSchemes()) {
            for (int q : c.budgets()) {
                String label = name + "/q" + q;
                r.declare(new DetectionResults.SchemeInfo(label, name, q, false));
                FingerprintScheme<?> scheme;
                try {
                    scheme = atBudget(name, q);
                } catch (IllegalArgumentException e) {
                    r.skip(label, victim, e.getMessage());
                    continue;
                }
                run(r, label, victim, suspects, List.of(Evasion.NONE), false,
                        () -> FingerprintVerifier.using(scheme).ownerData(owner).progress(progress).threshold(0).build(),
                        progress);
            }
        }
    }

    /** Natural images on which an evasion's cost to the thief is measured. */
    static final int EVASION_COST_IMAGES = 2000;

    /**
     * What each evasion costs the thief of each stolen copy (transferred ones answer another task
     * and are left out), on the owner's first {@value #EVASION_COST_IMAGES} natural images.
     */
    private static void evasionCosts(DetectionResults r, List<BenchmarkMember> suspects, LabeledImages owner,
                                     List<Evasion> evasions) {
        LabeledImages natural = owner.slice(0, Math.min(EVASION_COST_IMAGES, owner.size()));
        for (Evasion e : evasions) {
            if (e.equals(Evasion.NONE)) {
                continue;
            }
            for (BenchmarkMember s : suspects) {
                if (s.role() == Role.STOLEN && !s.transferTask()) {
                    r.putEvasionCost(e.name(), EvasionCost.measure(s.model(), e.apply(s.model()), natural));
                }
            }
        }
    }

    /** The verifier as users get it with {@code scheme}: alone (self-calibrated), then with the split's references. */
    private static void outOfTheBox(DetectionResults r, String label, String scheme, BenchmarkMember victim,
                                    List<BenchmarkMember> suspects, LabeledImages owner, Config c,
                                    ProgressListener progress) {
        FingerprintScheme<?> fs = SchemeUnderTest.parse(scheme).scheme();
        r.declare(new DetectionResults.SchemeInfo(label, fs.name(), 0, true));
        run(r, label, victim, suspects, c.evasions(), true,
                () -> {
                    FingerprintVerifier.Builder b = FingerprintVerifier.using(fs).ownerData(owner).progress(progress);
                    c.referenceTrainer().ifPresent(b::referenceTrainer);
                    return b.build();
                }, progress);
        if (c.references() > 0) {
            String withRefs = label + "+" + c.references() + "refs";
            r.declare(new DetectionResults.SchemeInfo(withRefs, fs.name(), 0, true));
            List<BenchmarkMember> refs = references(suspects, c.references());
            if (refs.size() < c.references()) {
                r.skip(withRefs, victim, "the split has " + refs.size() + " independent or matched models, "
                        + c.references() + " asked for");
            } else {
                r.exclude(withRefs, victim, refs);
                List<Model> models = refs.stream().map(BenchmarkMember::model).toList();
                run(r, withRefs, victim, suspects, c.evasions(), true, () -> FingerprintVerifier.using(fs)
                        .ownerData(owner).references(models).progress(progress).build(), progress);
            }
        }
    }

    /**
     * The references of the out-of-the-box verifier's second configuration: the split's independent
     * models of other architectures first, then its student-matched ones, in zoo order.
     */
    static List<BenchmarkMember> references(List<BenchmarkMember> suspects, int n) {
        List<BenchmarkMember> out = new ArrayList<>(suspects.stream().filter(m -> m.role() == Role.INDEPENDENT).toList());
        out.addAll(suspects.stream().filter(m -> m.role() == Role.MATCHED).toList());
        return out.subList(0, Math.min(n, out.size()));
    }

    private interface VerifierFactory {
        FingerprintVerifier make();
    }

    private static void run(DetectionResults r, String label, BenchmarkMember victim, List<BenchmarkMember> suspects,
                            List<Evasion> evasions, boolean decides, VerifierFactory factory, ProgressListener progress) {
        FingerprintVerifier verifier;
        VictimFingerprint fp;
        try {
            verifier = factory.make();
            fp = verifier.fingerprint(victim.model());
        } catch (IllegalArgumentException | IllegalStateException e) {
            // a scheme that needs what this victim cannot give (IPGuard: input gradients of an ONNX file)
            LOG.warn("{} cannot fingerprint {}: {}", label, victim.victimKey(), e.getMessage());
            r.skip(label, victim, e.getMessage());
            return;
        }
        double build = fp.querySetBuildTime().toNanos() / 1e9 + fp.fingerprintTime().toNanos() / 1e9;
        long nanos = 0;
        long queries = -1;
        int n = 0;
        String task = "scoring " + victim.victimKey() + " with " + label;
        for (Evasion e : evasions) {
            for (BenchmarkMember s : suspects) {
                progress.onProgress(task, n, (long) suspects.size() * evasions.size());
                Verdict v = verifier.verify(fp, e.apply(s.model()));
                r.put(label, e.name(), victim, s, v.distance());
                if (decides) {
                    r.putOutcome(label, e.name(), victim, s, Outcome.of(v));
                    v.pValue().ifPresent(p -> r.putPValue(label, e.name(), victim, s, p));
                }
                nanos += v.costs().suspectFingerprint().toNanos() + v.costs().comparison().toNanos();
                queries = Math.max(queries, v.suspectQueries());
                n++;
            }
        }
        progress.onProgress(task, n, n);
        r.putCost(label, victim, new DetectionResults.Cost(queries, build, n == 0 ? 0 : nanos / 1e6 / n));
    }
}
