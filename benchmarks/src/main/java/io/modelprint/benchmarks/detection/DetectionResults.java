package io.modelprint.benchmarks.detection;

import io.modelprint.zoo.Family;
import io.modelprint.zoo.TrainedMember;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every distance the detection benchmark measured, with the scores derived from them.
 *
 * <pre>{@code
 * DetectionResults r = DetectionResults.empty(zoo.spec().name(), zoo.members());
 * r.distances().put("sac-m", distancesByMember);
 * double auc = r.auc("sac-m", Family.PRUNE, true);
 * }</pre>
 *
 * @param zoo          the zoo's name
 * @param members      the zoo members, in order
 * @param distances    scheme label, then member id, to distance
 * @param buildSeconds scheme label to the time to build its query set and fingerprint the victim
 * @param suspectMillis scheme label to the mean time to fingerprint one suspect and compare
 * @param queries      scheme label to the queries sent to each suspect
 */
public record DetectionResults(String zoo, List<TrainedMember> members, Map<String, Map<String, Double>> distances,
                               Map<String, Double> buildSeconds, Map<String, Double> suspectMillis,
                               Map<String, Integer> queries) {

    /** The stolen families, in table order. */
    public static final List<Family> STOLEN = List.of(Family.FINE_TUNE_ALL, Family.FINE_TUNE_LAST, Family.PRUNE,
            Family.TRANSFER, Family.EXTRACT_PROBABILITIES, Family.EXTRACT_LABELS, Family.EXTRACT_ADVERSARIAL);

    /** Distances of one family under one scheme. */
    public double[] distances(String scheme, Family family) {
        Map<String, Double> d = distances.get(scheme);
        return members.stream().filter(m -> m.family() == family).mapToDouble(m -> d.get(m.id())).toArray();
    }

    /**
     * The negatives a family is scored against: independent models of its task, with or without
     * the victim's twins (which exist for the victim's task only).
     */
    public double[] negatives(String scheme, Family family, boolean withTwins) {
        if (family.transferTask()) {
            return distances(scheme, Family.INDEPENDENT_TRANSFER);
        }
        double[] ind = distances(scheme, Family.INDEPENDENT);
        if (!withTwins) {
            return ind;
        }
        double[] tw = distances(scheme, Family.TWIN);
        double[] all = new double[ind.length + tw.length];
        System.arraycopy(ind, 0, all, 0, ind.length);
        System.arraycopy(tw, 0, all, ind.length, tw.length);
        return all;
    }

    /** AUC of a family under a scheme; NaN if the zoo lacks the family or its negatives. */
    public double auc(String scheme, Family family, boolean withTwins) {
        double[] pos = distances(scheme, family);
        double[] neg = negatives(scheme, family, withTwins);
        return pos.length == 0 || neg.length == 0 ? Double.NaN : Roc.auc(neg, pos);
    }

    /** TPR at FPR at most {@code fpr}; NaN if the zoo lacks the family or its negatives. */
    public double tpr(String scheme, Family family, boolean withTwins, double fpr) {
        double[] pos = distances(scheme, family);
        double[] neg = negatives(scheme, family, withTwins);
        return pos.length == 0 || neg.length == 0 ? Double.NaN : Roc.tprAtFpr(neg, pos, fpr);
    }

    /** Scheme labels in run order. */
    public List<String> schemes() {
        return new ArrayList<>(distances.keySet());
    }

    /** A mutable results holder, filled scheme by scheme. */
    public static DetectionResults empty(String zoo, List<TrainedMember> members) {
        return new DetectionResults(zoo, List.copyOf(members), new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>(),
                new LinkedHashMap<>());
    }
}
