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

import io.modelprint.evasion.EvasionCost;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * Everything a detection run measured, and the scores derived from it: for every scheme (as
 * run, with its parameters: {@code akh/q100}), evasion, victim and suspect, the distance; for the
 * verifier configurations that decide ({@code defaults}, {@code defaults+4refs}), the outcome;
 * costs; the pairs that could not be scored and why.
 *
 * <p>A stolen family of one victim is scored by AUC ({@link Roc#auc}: the chance that a negative
 * lies farther from the victim than a copy, ties half) and TPR at a bounded FPR against one of the
 * {@link NegativeSet}s of that victim: its twins and its split's shared negatives. Aggregates are
 * plain means over victims of these per-victim figures, leaving out victims where a figure does
 * not exist.
 *
 * <pre>{@code
 * DetectionResults r = DetectionRun.score(zoos, config);
 * double auc = r.auc("akh-excess", "none", victim, "extract-labels", NegativeSet.ALL);
 * double meanTest = r.mean(v -> v.split().equals("test"), victim -> r.auc("akh-excess", "none", victim, "prune", NegativeSet.ALL));
 * }</pre>
 */
public final class DetectionResults {

    /**
     * What one scheme cost on one victim.
     *
     * <pre>{@code
     * DetectionResults.Cost c = results.cost("akh-excess", victim);
     * System.out.printf("%d queries, %.1f s to fingerprint, %.0f ms per suspect%n", c.queriesPerSuspect(), c.buildSeconds(), c.suspectMillis());
     * }</pre>
     *
     * @param queriesPerSuspect queries sent to each suspect
     * @param buildSeconds      building the query set and fingerprinting the victim
     * @param suspectMillis     mean time to query one suspect and compare
     */
    public record Cost(long queriesPerSuspect, double buildSeconds, double suspectMillis) {
    }

    /** The key of one scheme and evasion on one victim. */
    record Key(String scheme, String evasion, String victim) {
    }

    /**
     * A scheme as the run names it: its base scheme and, for a point of a query-budget curve, the budget.
     *
     * <pre>{@code
     * results.schemes().stream().filter(s -> s.budget() > 0).forEach(s -> ... s.scheme() ... s.budget() ...);
     * }</pre>
     *
     * @param label  the run's name for it, such as {@code akh/q100}
     * @param scheme the registry name, or {@code defaults} for the out-of-the-box verifier
     * @param budget the {@code queries} parameter of a budget point, 0 otherwise
     * @param decides whether the run recorded verdicts (the out-of-the-box configurations)
     */
    public record SchemeInfo(String label, String scheme, int budget, boolean decides) {
    }

    private final List<String> zoos;
    private final List<BenchmarkMember> members;
    private final Map<String, BenchmarkMember> byId = new LinkedHashMap<>();
    private final Map<String, SchemeInfo> schemes = new LinkedHashMap<>();
    private final List<String> evasions = new ArrayList<>();
    private final Map<Key, Map<String, Double>> distances = new LinkedHashMap<>();
    private final Map<Key, Map<String, Outcome>> outcomes = new LinkedHashMap<>();
    private final Map<Key, Map<String, Double>> pValues = new LinkedHashMap<>();
    private final Map<Key, Set<String>> excluded = new LinkedHashMap<>();
    private final Map<Key, Cost> costs = new LinkedHashMap<>();
    private final Map<Key, String> skipped = new LinkedHashMap<>();
    private final Map<String, List<EvasionCost>> evasionCosts = new LinkedHashMap<>();

    /** Empty results over these zoos' members. */
    public DetectionResults(List<String> zoos, List<BenchmarkMember> members) {
        this.zoos = List.copyOf(zoos);
        this.members = List.copyOf(members);
        for (BenchmarkMember m : members) {
            if (byId.put(id(m), m) != null) {
                throw new IllegalArgumentException("two benchmark models are called " + id(m));
            }
        }
    }

    /** A member's id across zoos: {@code framework:name}. */
    public static String id(BenchmarkMember m) {
        return m.framework().label() + ":" + m.name();
    }

    // ---------------------------------------------------------------- filling

    /** Declares a scheme (in run order) before its first result. */
    public void declare(SchemeInfo s) {
        schemes.putIfAbsent(s.label(), s);
    }

    /** Declares an evasion (in run order). */
    public void declareEvasion(String evasion) {
        if (!evasions.contains(evasion)) {
            evasions.add(evasion);
        }
    }

    /** Records a distance. */
    public void put(String scheme, String evasion, BenchmarkMember victim, BenchmarkMember suspect, double distance) {
        require(scheme);
        distances.computeIfAbsent(new Key(scheme, evasion, id(victim)), k -> new LinkedHashMap<>()).put(id(suspect), distance);
    }

    /** Records a verdict's outcome. */
    public void putOutcome(String scheme, String evasion, BenchmarkMember victim, BenchmarkMember suspect, Outcome outcome) {
        require(scheme);
        outcomes.computeIfAbsent(new Key(scheme, evasion, id(victim)), k -> new LinkedHashMap<>()).put(id(suspect), outcome);
    }

    /** Records a verdict's p-value (the share of independent models expected as close as the suspect). */
    public void putPValue(String scheme, String evasion, BenchmarkMember victim, BenchmarkMember suspect, double p) {
        require(scheme);
        pValues.computeIfAbsent(new Key(scheme, evasion, id(victim)), k -> new LinkedHashMap<>()).put(id(suspect), p);
    }

    /** A verdict's p-value, or NaN if it had none or was not recorded. */
    public double pValue(String scheme, String evasion, BenchmarkMember victim, BenchmarkMember suspect) {
        Map<String, Double> d = pValues.get(new Key(scheme, evasion, id(victim)));
        Double v = d == null ? null : d.get(id(suspect));
        return v == null ? Double.NaN : v;
    }

    /** Records that a scheme used these suspects as references for a victim: they are left out of its verdict counts. */
    public void exclude(String scheme, BenchmarkMember victim, List<BenchmarkMember> references) {
        Set<String> s = excluded.computeIfAbsent(new Key(scheme, "", id(victim)), k -> new LinkedHashSet<>());
        references.forEach(r -> s.add(id(r)));
    }

    /** Records what a scheme cost on a victim. */
    public void putCost(String scheme, BenchmarkMember victim, Cost cost) {
        costs.put(new Key(scheme, "", id(victim)), cost);
    }

    /** Records what an evasion costs one stolen copy's thief on natural data. */
    public void putEvasionCost(String evasion, EvasionCost cost) {
        evasionCosts.computeIfAbsent(evasion, k -> new ArrayList<>()).add(cost);
    }

    /** What an evasion cost the thieves of the stolen copies it was measured on, empty if it was not. */
    public List<EvasionCost> evasionCosts(String evasion) {
        return List.copyOf(evasionCosts.getOrDefault(evasion, List.of()));
    }

    /** Records that a scheme could not run on a victim, and why. */
    public void skip(String scheme, BenchmarkMember victim, String reason) {
        require(scheme);
        skipped.put(new Key(scheme, "", id(victim)), reason);
    }

    private void require(String scheme) {
        if (!schemes.containsKey(scheme)) {
            throw new IllegalArgumentException("scheme " + scheme + " was not declared");
        }
    }

    // ---------------------------------------------------------------- reading

    /** The zoos scored, as the command line named them. */
    public List<String> zoos() {
        return zoos;
    }

    /** Every model, victims included. */
    public List<BenchmarkMember> members() {
        return members;
    }

    /** The victims, in zoo order. */
    public List<BenchmarkMember> victims() {
        return members.stream().filter(m -> m.role() == Role.VICTIM).toList();
    }

    /** The models compared with {@code victim}. */
    public List<BenchmarkMember> suspectsOf(BenchmarkMember victim) {
        return members.stream().filter(m -> m.belongsTo(victim)).toList();
    }

    /** The schemes, in run order. */
    public List<SchemeInfo> schemes() {
        return List.copyOf(schemes.values());
    }

    /** The evasions, in run order. */
    public List<String> evasions() {
        return List.copyOf(evasions);
    }

    /** The seven families, then any other stolen family the zoos hold. */
    public List<String> families() {
        Set<String> out = new LinkedHashSet<>(StolenFamilies.SEVEN);
        members.stream().filter(m -> m.family() != null).forEach(m -> out.add(m.family()));
        return List.copyOf(out);
    }

    /** The distance of one suspect, or NaN if it was not measured. */
    public double distance(String scheme, String evasion, BenchmarkMember victim, BenchmarkMember suspect) {
        Map<String, Double> d = distances.get(new Key(scheme, evasion, id(victim)));
        Double v = d == null ? null : d.get(id(suspect));
        return v == null ? Double.NaN : v;
    }

    /** The outcome of one suspect's verdict, or null if none was recorded. */
    public Outcome outcome(String scheme, String evasion, BenchmarkMember victim, BenchmarkMember suspect) {
        Map<String, Outcome> d = outcomes.get(new Key(scheme, evasion, id(victim)));
        return d == null ? null : d.get(id(suspect));
    }

    /** Whether {@code suspect} served {@code scheme} as a reference for {@code victim}. */
    public boolean excluded(String scheme, BenchmarkMember victim, BenchmarkMember suspect) {
        Set<String> s = excluded.get(new Key(scheme, "", id(victim)));
        return s != null && s.contains(id(suspect));
    }

    /** What a scheme cost on a victim, or null. */
    public Cost cost(String scheme, BenchmarkMember victim) {
        return costs.get(new Key(scheme, "", id(victim)));
    }

    /** Why a scheme did not run on a victim, or null if it ran. */
    public String skipped(String scheme, BenchmarkMember victim) {
        return skipped.get(new Key(scheme, "", id(victim)));
    }

    /** The distances of the suspects of {@code victim} that pass {@code which}, in suspect order; unmeasured ones left out. */
    public double[] distances(String scheme, String evasion, BenchmarkMember victim, Predicate<BenchmarkMember> which) {
        return suspectsOf(victim).stream().filter(which).mapToDouble(m -> distance(scheme, evasion, victim, m))
                .filter(d -> !Double.isNaN(d)).toArray();
    }

    /** The distances of the victim's copies of one stolen family. */
    public double[] positives(String scheme, String evasion, BenchmarkMember victim, String family) {
        return distances(scheme, evasion, victim, m -> m.role() == Role.STOLEN && family.equals(m.family()));
    }

    /**
     * The distances of the negatives {@code family} is scored against: the set's, plus the
     * corrupted-task models when the family's copies solve the transfer task.
     */
    public double[] negatives(String scheme, String evasion, BenchmarkMember victim, String family, NegativeSet set) {
        boolean transfer = suspectsOf(victim).stream()
                .anyMatch(m -> m.role() == Role.STOLEN && family.equals(m.family()) && m.transferTask());
        return distances(scheme, evasion, victim, m -> m.role().negative() && set.includes(m.role(), transfer));
    }

    /** AUC of one family of one victim against a negative set; NaN if either side is empty. */
    public double auc(String scheme, String evasion, BenchmarkMember victim, String family, NegativeSet set) {
        double[] pos = positives(scheme, evasion, victim, family);
        double[] neg = negatives(scheme, evasion, victim, family, set);
        return pos.length == 0 || neg.length == 0 ? Double.NaN : Roc.auc(neg, pos);
    }

    /** TPR at FPR at most {@code fpr} of one family of one victim; NaN if either side is empty. */
    public double tpr(String scheme, String evasion, BenchmarkMember victim, String family, NegativeSet set, double fpr) {
        double[] pos = positives(scheme, evasion, victim, family);
        double[] neg = negatives(scheme, evasion, victim, family, set);
        return pos.length == 0 || neg.length == 0 ? Double.NaN : Roc.tprAtFpr(neg, pos, fpr);
    }

    /** The mean over the seven families (and any others) of a per-family figure of one victim, NaN-skipping. */
    public double familyMean(BenchmarkMember victim, java.util.function.BiFunction<BenchmarkMember, String, Double> figure) {
        return meanOf(families().stream().mapToDouble(f -> figure.apply(victim, f)).toArray());
    }

    /** The mean of a per-victim figure over the victims that pass {@code which}, NaN-skipping; NaN for none. */
    public double mean(Predicate<BenchmarkMember> which, ToDoubleFunction<BenchmarkMember> figure) {
        return meanOf(victims().stream().filter(which).mapToDouble(figure).toArray());
    }

    /** How many victims pass {@code which}. */
    public long count(Predicate<BenchmarkMember> which) {
        return victims().stream().filter(which).count();
    }

    static double meanOf(double[] values) {
        double sum = 0;
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /**
     * Verdict counts of one configuration on one victim (references it used left out), by the
     * suspects' role and, for stolen ones, family: {@code counts.get(Role.STOLEN).get(Outcome.STOLEN)}
     * is how many copies it caught.
     */
    public Map<Role, Map<Outcome, Integer>> verdictCounts(String scheme, String evasion, BenchmarkMember victim) {
        Map<Role, Map<Outcome, Integer>> out = new EnumMap<>(Role.class);
        for (BenchmarkMember m : suspectsOf(victim)) {
            Outcome o = outcome(scheme, evasion, victim, m);
            if (o == null || excluded(scheme, victim, m)) {
                continue;
            }
            out.computeIfAbsent(m.role(), r -> new EnumMap<>(Outcome.class)).merge(o, 1, Integer::sum);
        }
        return out;
    }
}
