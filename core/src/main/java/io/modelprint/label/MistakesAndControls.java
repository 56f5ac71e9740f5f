package io.modelprint.label;

import io.modelprint.LabeledImages;
import io.modelprint.Model;
import io.modelprint.Predictions;
import io.modelprint.ProgressListener;
import io.modelprint.QuerySet;
import io.modelprint.QuerySetBuilder;
import io.modelprint.SampleSelection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The queries of {@code akh-excess}: {@code mistakes} owner samples the victim misclassifies,
 * followed by {@code controls} owner samples it classifies correctly, each block taken first or
 * at random (seeded) from its candidates. {@link ExcessMismatch} compares the two blocks. Its
 * parameters name the total, {@code queries} (mistakes plus controls), and {@code controls}.
 *
 * <pre>{@code
 * QuerySet q = new MistakesAndControls(new MistakesAndControls.Config(200, 100, SampleSelection.FIRST))   // 300 queries
 *         .build(victim, ownerHeldOut, 3, ProgressListener.NONE);
 * }</pre>
 */
public final class MistakesAndControls implements QuerySetBuilder {

    /**
     * @param mistakes  queries on samples the victim misclassifies, at least 1 (default 200)
     * @param controls  queries on samples it classifies correctly, at least 1 (default 100)
     * @param selection which candidates are taken (default FIRST)
     */
    public record Config(int mistakes, int controls, SampleSelection selection) {

        /** Validates. */
        public Config {
            if (mistakes < 1 || controls < 1) {
                throw new IllegalArgumentException("akh-excess needs at least 1 mistake and 1 control query, got "
                        + mistakes + " mistakes and " + controls + " controls");
            }
            if (selection == null) {
                throw new IllegalArgumentException("sample selection is null");
            }
        }
    }

    private final Config config;

    /** @param config block sizes and selection */
    public MistakesAndControls(Config config) {
        if (config == null) {
            throw new IllegalArgumentException("config is null");
        }
        this.config = config;
    }

    @Override
    public String name() {
        return "mistakes-and-controls";
    }

    @Override
    public Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("queries", Integer.toString(config.mistakes() + config.controls()));
        p.put("controls", Integer.toString(config.controls()));
        p.put("selection", config.selection().name().toLowerCase(Locale.ROOT));
        return p;
    }

    @Override
    public QuerySet build(Model victim, LabeledImages ownerData, long seed, ProgressListener progress) {
        if (victim == null) {
            throw new IllegalArgumentException("akh-excess needs the victim to find the samples it misclassifies");
        }
        QuerySetBuilder.requireSameTask(victim, ownerData);
        progress.onProgress("finding misclassified samples", 0, 1);
        Predictions answers = victim.predict(ownerData.images());
        int[] truth = ownerData.labels();
        List<Integer> wrong = new ArrayList<>();
        List<Integer> right = new ArrayList<>();
        for (int i = 0; i < truth.length; i++) {
            (answers.label(i) == truth[i] ? right : wrong).add(i);
        }
        if (wrong.size() < config.mistakes() || right.size() < config.controls()) {
            throw new IllegalArgumentException("akh-excess asked for " + config.mistakes() + " misclassified and "
                    + config.controls() + " correctly classified samples but found " + wrong.size() + " and "
                    + right.size() + " among " + truth.length + " owner samples: give more owner data or ask for fewer");
        }
        SplittableRandom random = new SplittableRandom(seed);
        int[] chosen = new int[config.mistakes() + config.controls()];
        int[] pickWrong = config.selection().choose(wrong.size(), config.mistakes(), random);
        int[] pickRight = config.selection().choose(right.size(), config.controls(), random);
        for (int i = 0; i < pickWrong.length; i++) {
            chosen[i] = wrong.get(pickWrong[i]);
        }
        for (int i = 0; i < pickRight.length; i++) {
            chosen[pickWrong.length + i] = right.get(pickRight[i]);
        }
        progress.onProgress("finding misclassified samples", 1, 1);
        Map<String, String> params = parameters();
        params.put("candidates", Integer.toString(wrong.size()));
        return QuerySet.of(ownerData.images().select(chosen), name(), params, seed);
    }
}
