package io.modelprint.sac;

import io.modelprint.LabeledImages;
import io.modelprint.Model;
import io.modelprint.Predictions;
import io.modelprint.ProgressListener;
import io.modelprint.QuerySet;
import io.modelprint.QuerySetBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * SAC-w's queries: owner samples that the victim classifies wrongly. A model derived from the
 * victim tends to repeat its mistakes, which independent models rarely share.
 *
 * <p>The victim labels every owner sample; those whose label differs from the truth are
 * candidates. When surrogate models are given (models the owner derived from the victim, such as
 * its own extracted students), only candidates that every surrogate also gets wrong are kept: the
 * mistakes that survive stealing. From the candidates, {@code count} are taken: the first ones, or
 * a seeded random choice.
 *
 * <pre>{@code
 * QuerySet q = new MisclassifiedQueries(new MisclassifiedQueries.Config(100, io.modelprint.SampleSelection.RANDOM), List.of())
 *         .build(victim, ownerTestSet, 3);
 * }</pre>
 */
public final class MisclassifiedQueries implements QuerySetBuilder {

    /**
     * SAC-w's query parameters.
     *
     * @param count     number of queries, at least 2 (default 100)
     * @param selection which candidates are taken (default FIRST)
     */
    public record Config(int count, io.modelprint.SampleSelection selection) {

        /** Validates. */
        public Config {
            if (count < 2) {
                throw new IllegalArgumentException("SAC-w needs at least 2 queries (correlations are pairwise), got " + count);
            }
            if (selection == null) {
                throw new IllegalArgumentException("sample selection is null");
            }
        }

        /** 100 queries, the first candidates. */
        public static Config defaults() {
            return new Config(100, io.modelprint.SampleSelection.FIRST);
        }
    }

    private final Config config;
    private final List<Model> surrogates;

    /**
     * @param config     count and selection
     * @param surrogates models derived from the victim whose mistakes must agree; may be empty
     */
    public MisclassifiedQueries(Config config, List<? extends Model> surrogates) {
        if (config == null) {
            throw new IllegalArgumentException("config is null");
        }
        this.config = config;
        this.surrogates = List.copyOf(surrogates == null ? List.of() : surrogates);
    }

    @Override
    public String name() {
        return "misclassified";
    }

    @Override
    public Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("queries", Integer.toString(config.count()));
        p.put("selection", config.selection().name().toLowerCase(Locale.ROOT));
        return p;
    }

    @Override
    public QuerySet build(Model victim, LabeledImages ownerData, long seed, ProgressListener progress) {
        if (victim == null) {
            throw new IllegalArgumentException("SAC-w needs the victim to find the samples it misclassifies");
        }
        QuerySetBuilder.requireSameTask(victim, ownerData);
        progress.onProgress("finding misclassified samples", 0, 1 + surrogates.size());
        Predictions answers = victim.predict(ownerData.images());
        int[] truth = ownerData.labels();
        List<int[]> surrogateLabels = new ArrayList<>();
        for (int s = 0; s < surrogates.size(); s++) {
            surrogateLabels.add(surrogates.get(s).predict(ownerData.images()).labels());
            progress.onProgress("finding misclassified samples", 1 + s, 1 + surrogates.size());
        }
        List<Integer> wrong = new ArrayList<>();
        for (int i = 0; i < truth.length; i++) {
            if (answers.label(i) == truth[i]) {
                continue;
            }
            boolean keep = true;
            for (int[] l : surrogateLabels) {
                keep &= l[i] != truth[i];
            }
            if (keep) {
                wrong.add(i);
            }
        }
        int n = config.count();
        if (wrong.size() < n) {
            throw new IllegalArgumentException("SAC-w asked for " + n + " misclassified samples but found "
                    + wrong.size() + " among " + truth.length + " owner samples"
                    + (surrogates.isEmpty() ? "" : " (also misclassified by all " + surrogates.size() + " surrogates)")
                    + ": give more owner data, ask for fewer queries, or use SAC-m");
        }
        int[] pick = config.selection().choose(wrong.size(), n, new SplittableRandom(seed));
        int[] chosen = new int[n];
        for (int i = 0; i < n; i++) {
            chosen[i] = wrong.get(pick[i]);
        }
        progress.onProgress("finding misclassified samples", 1 + surrogates.size(), 1 + surrogates.size());
        Map<String, String> params = parameters();
        params.put("candidates", Integer.toString(wrong.size()));
        params.put("surrogates", Integer.toString(surrogates.size()));
        return QuerySet.of(ownerData.images().select(chosen), name(), params, seed);
    }
}
