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
package io.modelprint.zoo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelprint.ImageBatch;
import io.modelprint.ImageShape;
import io.modelprint.LabeledImages;
import io.modelprint.Models;
import io.modelprint.ProgressListener;
import io.modelprint.dl4j.Dl4jModel;
import io.modelprint.dl4j.Trainer;
import io.modelprint.dl4j.TrainingData;
import io.modelprint.kernel.Matrix;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A trained benchmark zoo: every victim and member of a {@link ZooSpec}, trained on a
 * {@link ZooData} split and cached in a directory as DL4J model files, each with a JSON record
 * beside it (recipe, queries spent, accuracy, fidelity, its labels on the clean test set). A
 * second build with the same spec trains nothing.
 *
 * <p>Cache layout under {@code cacheRoot/<data tag>/}: {@code victims/} holds the victims (shared
 * by every zoo of a victim, the attackers' and the owner's), {@code <zoo>/<victim id>/} the
 * models of one victim, {@code <zoo>/shared/} the negatives its victims share.
 *
 * <pre>{@code
 * Zoo zoo = Zoo.build(ZooSpec.smoke(ZooSpec.Variant.DEV), ZooData.of(FashionMnist.load()), Path.of("zoo-cache"), listener);
 * for (TrainedMember m : zoo.members()) { ... m.model() ... m.measurements().fidelity() ... }
 * Zoo bench = Zoo.build(ZooSpec.benchmark(ZooSpec.Size.FULL, ZooSpec.Variant.DEV), data, cache, 2, listener);
 * for (Zoo.TrainedVictim v : bench.victims()) { ... v.victim() ... v.members() ... bench.shared() ... }
 * }</pre>
 */
public final class Zoo {

    private static final Logger LOG = LoggerFactory.getLogger(Zoo.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** Seed of the corruption applied to the transfer task's data. */
    static final long CORRUPTION_SEED = 17;
    /** Name of the directory of the shared members. */
    static final String SHARED = "shared";

    /**
     * One victim after training, with its own models.
     *
     * <pre>{@code
     * for (Zoo.TrainedVictim v : zoo.victims()) { LOG.info("{}: {} models", v.spec().name(), v.members().size()); }
     * }</pre>
     *
     * @param spec    what it was trained from
     * @param victim  the victim
     * @param members its stolen copies and twins, in the spec's order
     */
    public record TrainedVictim(VictimSpec spec, TrainedMember victim, List<TrainedMember> members) {

        /** Copies the list. */
        public TrainedVictim {
            members = List.copyOf(members);
        }
    }

    private final ZooSpec spec;
    private final List<TrainedVictim> victims;
    private final List<TrainedMember> shared;
    private final LabeledImages cleanTest;
    private final LabeledImages corruptedTest;

    private Zoo(ZooSpec spec, List<TrainedVictim> victims, List<TrainedMember> shared, LabeledImages cleanTest,
                LabeledImages corruptedTest) {
        this.spec = spec;
        this.victims = List.copyOf(victims);
        this.shared = List.copyOf(shared);
        this.cleanTest = cleanTest;
        this.corruptedTest = corruptedTest;
    }

    /**
     * Trains what the cache lacks and loads the rest, one model at a time.
     *
     * @param cacheRoot the zoo lands in {@code cacheRoot/<data tag>/<spec name>}
     * @param progress  receives training progress, one task per model
     */
    public static Zoo build(ZooSpec spec, ZooData data, Path cacheRoot, ProgressListener progress) {
        return build(spec, data, cacheRoot, 1, progress);
    }

    /**
     * Trains what the cache lacks and loads the rest, {@code jobs} models at a time (each waits for
     * the models it starts from). With more than one job, run ND4J with one thread per job
     * ({@code OMP_NUM_THREADS=1}): on 2 cores two single-threaded trainings beat one with two
     * threads. Every model is trained from its own copy of the networks it starts from, so the
     * result does not depend on the order or the number of jobs.
     *
     * @param jobs     models trained at once, at least 1
     * @param progress receives progress: per model with one job, per finished model otherwise
     * @throws IllegalArgumentException if {@code jobs < 1}
     */
    public static Zoo build(ZooSpec spec, ZooData data, Path cacheRoot, int jobs, ProgressListener progress) {
        if (jobs < 1) {
            throw new IllegalArgumentException("a zoo is trained with at least one job, got " + jobs);
        }
        return new Builder(spec, data, cacheRoot, jobs, progress).build();
    }

    /**
     * The part of {@code spec} whose models are all in the cache already: its trained victims, and
     * of their members and the shared negatives those that are trained and whose base model is kept
     * too. {@link #build} of it trains nothing, so a benchmark can score a zoo while it is still
     * being trained; the members left out are logged.
     *
     * <pre>{@code
     * ZooSpec trained = Zoo.cachedPart(ZooSpec.benchmark(Variant.TEST, Size.FULL), data, Path.of("zoo-cache"));
     * Zoo zoo = Zoo.build(trained, data, Path.of("zoo-cache"), ProgressListener.NONE);
     * }</pre>
     *
     * @throws IllegalArgumentException if no victim of the spec is trained
     */
    public static ZooSpec cachedPart(ZooSpec spec, ZooData data, Path cacheRoot) {
        Path root = cacheRoot.resolve(data.tag());
        List<VictimSpec> victims = new ArrayList<>();
        java.util.Set<String> kept = new java.util.HashSet<>();
        List<String> missing = new ArrayList<>();
        List<ZooMember> shared = new ArrayList<>();
        for (ZooMember m : spec.shared()) {
            keepIfCached(m, root.resolve(spec.name()).resolve(SHARED), kept, missing, shared);
        }
        for (VictimSpec v : spec.victims()) {
            ZooMember vm = victimMember(v, data);
            if (!Files.isRegularFile(root.resolve("victims").resolve(vm.id() + ".zip"))) {
                missing.add(vm.id() + " (and its " + v.members().size() + " members)");
                continue;
            }
            kept.add(vm.id());
            List<ZooMember> members = new ArrayList<>();
            for (ZooMember m : v.members()) {
                keepIfCached(m, root.resolve(spec.name()).resolve(vm.id()), kept, missing, members);
            }
            victims.add(new VictimSpec(v.name(), v.architecture(), v.training(), v.ownerImages(), members, v.defence()));
        }
        if (victims.isEmpty()) {
            throw new IllegalArgumentException("zoo " + spec.name() + " has no trained victim in " + root
                    + ": train it first (exec:java@zoo)");
        }
        if (!missing.isEmpty()) {
            LOG.warn("zoo {}: scoring the {} trained models only; not trained yet: {}", spec.name(),
                    kept.size(), missing);
        }
        return new ZooSpec(spec.name(), victims, shared);
    }

    /** The victim as a member, trained on the owner images there are (its id names its cached file). */
    private static ZooMember victimMember(VictimSpec v, ZooData data) {
        Trainer.Config vt = v.training();
        return new ZooMember(Family.VICTIM, v.architecture(), vt.seed(), vt, Math.min(v.ownerImages(), data.owner().size()),
                v.defence());
    }

    private static void keepIfCached(ZooMember m, Path dir, java.util.Set<String> kept, List<String> missing,
                                     List<ZooMember> out) {
        boolean baseKept = m.base() == null || kept.contains(m.base().id());
        if (baseKept && Files.isRegularFile(dir.resolve(m.id() + ".zip"))) {
            kept.add(m.id());
            out.add(m);
        } else {
            missing.add(m.id());
        }
    }

    /** One build: the futures of every model, keyed by member id. */
    private static final class Builder {
        private final ZooSpec spec;
        private final ZooData data;
        private final Path root;
        private final int jobs;
        private final ProgressListener progress;
        private final ProgressListener perModel;
        private final ImageShape shape;
        private final LabeledImages corruptedTest;
        private final Map<String, CompletableFuture<Built>> futures = new HashMap<>();
        private final AtomicInteger done = new AtomicInteger();
        private final int total;
        private ExecutorService pool;

        Builder(ZooSpec spec, ZooData data, Path cacheRoot, int jobs, ProgressListener progress) {
            this.spec = spec;
            this.data = data;
            this.root = cacheRoot.resolve(data.tag());
            this.jobs = jobs;
            this.progress = jobs == 1 ? progress : synchronizedListener(progress);
            // two trainings cannot share one progress bar: with several jobs only finished models are reported
            this.perModel = jobs == 1 ? progress : ProgressListener.NONE;
            this.shape = data.test().images().shape();
            this.corruptedTest = Corruption.corrupt(data.test(), CORRUPTION_SEED + 1);
            this.total = spec.victims().size() + spec.members().size();
        }

        Zoo build() {
            pool = Executors.newFixedThreadPool(jobs, r -> {
                Thread t = new Thread(r, "zoo-" + spec.name());
                t.setDaemon(true);
                return t;
            });
            try {
                progress.onProgress("zoo " + spec.name(), 0, total);
                List<CompletableFuture<Built>> victimFutures = new ArrayList<>();
                for (VictimSpec v : spec.victims()) {
                    victimFutures.add(victim(v));
                }
                // shared members report fidelity to the first victim
                for (ZooMember m : spec.shared()) {
                    member(m, directory(SHARED), victimFutures.get(0));
                }
                for (int i = 0; i < spec.victims().size(); i++) {
                    VictimSpec v = spec.victims().get(i);
                    Path dir = directory(victimMember(v).id());
                    for (ZooMember m : v.members()) {
                        member(m, dir, victimFutures.get(i));
                    }
                }
                List<TrainedVictim> victims = new ArrayList<>();
                for (int i = 0; i < spec.victims().size(); i++) {
                    VictimSpec v = spec.victims().get(i);
                    victims.add(new TrainedVictim(v, join(victimFutures.get(i)).member(),
                            v.members().stream().map(m -> join(futures.get(m.id())).member()).toList()));
                }
                List<TrainedMember> shared = spec.shared().stream().map(m -> join(futures.get(m.id())).member()).toList();
                progress.onProgress("zoo " + spec.name(), total, total);
                return new Zoo(spec, victims, shared, data.test(), corruptedTest);
            } finally {
                pool.shutdownNow();
            }
        }

        private Path directory(String name) {
            return created(root.resolve(spec.name()).resolve(name));
        }

        private static Path created(Path dir) {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the zoo cache " + dir, e);
            }
            return dir;
        }

        private ZooMember victimMember(VictimSpec v) {
            return Zoo.victimMember(v, data);
        }

        private LabeledImages owner(VictimSpec v) {
            return data.owner().slice(0, Math.min(v.ownerImages(), data.owner().size()));
        }

        /**
         * InI's out-of-distribution images: up to 5,000 owner images after the victim's training
         * share, rotated and half inverted, as the PyTorch zoo takes them from the owner's public part.
         */
        private ImageBatch outOfDistribution(VictimSpec v) {
            LabeledImages all = data.owner();
            int from = Math.min(v.ownerImages(), all.size());
            if (from >= all.size()) {
                throw new IllegalArgumentException("victim " + v.name() + " trains on all " + all.size() + " owner images: "
                        + "InI needs owner images after them for its out-of-distribution set; give it fewer ownerImages");
            }
            return OutOfDistribution.TRANSFORMED.apply(all.slice(from, Math.min(all.size(), from + 5000)).images(),
                    v.training().seed());
        }

        private CompletableFuture<Built> victim(VictimSpec v) {
            ZooMember member = victimMember(v);
            Path dir = created(root.resolve("victims"));
            CompletableFuture<Built> f = CompletableFuture.supplyAsync(() -> {
                MultiLayerNetwork net = loadOrTrain(dir, member.id(), () -> {
                    if (v.defended()) {
                        return IniDefence.defaults(v.training()).train(v.architecture(), owner(v), outOfDistribution(v),
                                perModel);
                    }
                    MultiLayerNetwork n = v.architecture().build(shape, data.owner().numClasses(), v.training().seed());
                    Trainer.fit(n, TrainingData.of(owner(v)), v.training(), "victim " + v.name() + " "
                            + v.architecture().name(), perModel);
                    return n;
                });
                Dl4jModel model = Dl4jModel.of(v.name(), net, shape);
                Measurements m = measure(dir, member, model, null, data.test());
                finished();
                return new Built(net, new TrainedMember(member, m, model));
            }, pool);
            futures.put(member.id(), f);
            return f;
        }

        private void member(ZooMember m, Path dir, CompletableFuture<Built> victim) {
            if (futures.containsKey(m.id())) {
                throw new IllegalArgumentException("zoo " + spec.name() + " lists " + m.id() + " twice");
            }
            CompletableFuture<Built> base = m.base() == null ? CompletableFuture.completedFuture(null) : futures.get(m.base().id());
            if (base == null) {
                throw new IllegalArgumentException("zoo " + spec.name() + ": " + m.id() + " fine-tunes " + m.base().id()
                        + ", which the spec does not list before it");
            }
            CompletableFuture<Built> f = victim.thenCombineAsync(base, (v, b) -> {
                MultiLayerNetwork net = loadOrTrain(dir, m.id(), () -> train(m, copyOf(v.net()),
                        b == null ? null : copyOf(b.net()), data, shape, perModel));
                Dl4jModel model = Dl4jModel.of(m.id(), net, shape);
                Measurements measured = measure(dir, m, model, v.member().measurements(),
                        m.family().transferTask() ? corruptedTest : data.test());
                finished();
                return new Built(net, new TrainedMember(m, measured, model));
            }, pool);
            futures.put(m.id(), f);
        }

        private void finished() {
            progress.onProgress("zoo " + spec.name(), done.incrementAndGet(), total);
        }

        /** A private copy: a network is not safe to use from two threads, and recipes clone what they are given. */
        private static MultiLayerNetwork copyOf(MultiLayerNetwork net) {
            synchronized (net) {
                return net.clone();
            }
        }

        /** The cached measurements of {@code member}, measured and recorded first if absent. */
        private Measurements measure(Path dir, ZooMember member, Dl4jModel model, Measurements victim,
                                     LabeledImages ownTest) {
            String id = member.id();
            Path file = dir.resolve(id + ".json");
            try {
                if (Files.isRegularFile(file)) {
                    JsonNode n = JSON.readTree(file.toFile());
                    JsonNode labels = n.get("testPredictions");
                    if (labels != null && labels.size() == data.test().size()) {
                        int[] l = new int[labels.size()];
                        for (int i = 0; i < l.length; i++) {
                            l[i] = labels.get(i).asInt();
                        }
                        return new Measurements(n.get("accuracy").asDouble(), n.get("fidelity").asDouble(),
                                n.get("trainSeconds").asDouble(), l);
                    }
                    // written before the record kept the labels: measured again below
                }
                Path secondsFile = dir.resolve(id + ".seconds");
                double secs = Files.isRegularFile(secondsFile)
                        ? Double.parseDouble(Files.readString(secondsFile).trim()) : Double.NaN;
                // one pass over the clean test set gives both figures unless the model has a task of its own
                int[] clean = model.predict(data.test().images()).labels();
                double accuracy = member.family().transferTask() ? Agreement.accuracy(model, ownTest)
                        : Agreement.fraction(clean, data.test().labels());
                double fidelity = victim == null ? 1 : Agreement.fraction(victim.testLabels(), clean);
                Measurements m = new Measurements(accuracy, fidelity, secs, clean);
                JSON.writeValue(file.toFile(), recordOf(member, m));
                return m;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read or write zoo record " + file, e);
            }
        }

        private static <T> T join(CompletableFuture<T> f) {
            try {
                return f.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw e;
            }
        }
    }

    /** A trained network with its member. */
    private record Built(MultiLayerNetwork net, TrainedMember member) {
    }

    private static ProgressListener synchronizedListener(ProgressListener p) {
        return (task, done, total) -> {
            synchronized (p) {
                p.onProgress(task, done, total);
            }
        };
    }

    /**
     * Trains one member from the victim (and, for a fine-tuned member, its base); neither is changed.
     *
     * @param base the trained base of a member with {@link ZooMember#base()}, else null
     */
    static MultiLayerNetwork train(ZooMember m, MultiLayerNetwork victimNet, MultiLayerNetwork base, ZooData data,
                                   ImageShape shape, ProgressListener progress) {
        Trainer.Config t = m.training().withSeed(m.seed());
        LabeledImages attacker = data.attacker().slice(0, Math.min(m.images(), data.attacker().size()));
        Dl4jModel victimModel = Dl4jModel.of("victim", victimNet, shape);
        RecipeParameter p = m.parameter();
        return switch (m.family()) {
            case FINE_TUNE_ALL -> (p instanceof RecipeParameter.Sgd ? new FineTuning(t).withSgd() : new FineTuning(t))
                    .apply(victimNet, attacker, progress);
            case FINE_TUNE_LAST -> (p instanceof RecipeParameter.FreshHead ? new FineTuning(t, true).withFreshHead()
                    : new FineTuning(t, true)).apply(victimNet, attacker, progress);
            case PRUNE -> new Pruning(m.parameter(RecipeParameter.PruningRate.class).rate(), t)
                    .apply(victimNet, attacker, progress);
            case TRANSFER -> (p instanceof RecipeParameter.TrainableFeatures f ? new Transfer(t, f.featureLearningRate())
                    : new Transfer(t)).apply(victimNet, Corruption.corrupt(attacker, CORRUPTION_SEED), progress);
            case EXTRACT_PROBABILITIES -> Extraction.probabilities(m.architecture(), t,
                            m.parameter(RecipeParameter.Temperature.class).temperature(),
                            m.parameter(RecipeParameter.Temperature.class).alpha())
                    .apply(Models.probabilitiesOnly(victimModel), attacker, progress);
            case EXTRACT_LABELS -> Extraction.labels(m.architecture(), t).apply(Models.labelsOnly(victimModel), attacker, progress);
            case EXTRACT_ADVERSARIAL -> p instanceof RecipeParameter.AdversarialFineTuning a
                    ? fineTuneAdversarially(m, a, base, Models.labelsOnly(victimModel).predict(attacker.images()).labels(),
                    attacker, t, progress)
                    : Extraction.labels(m.architecture(), t)
                    .withAdversarialTraining(Pgd.of(m.parameter(RecipeParameter.Epsilon.class).epsilon()))
                    .apply(Models.labelsOnly(victimModel), attacker, progress);
            case KNOCKOFF_PROBABILITIES -> Knockoff.probabilities(m.architecture(), t,
                            m.parameter(RecipeParameter.QueryDistribution.class).kind())
                    .apply(Models.probabilitiesOnly(victimModel), attacker.images(), progress).network();
            case KNOCKOFF_LABELS -> Knockoff.labels(m.architecture(), t, m.parameter(RecipeParameter.QueryDistribution.class).kind())
                    .apply(Models.labelsOnly(victimModel), attacker.images(), progress).network();
            case JBDA -> Jbda.of(m.architecture(), t).apply(Models.labelsOnly(victimModel), attacker.images(), progress).network();
            case MATCHED -> p instanceof RecipeParameter.AdversarialFineTuning a
                    ? fineTuneAdversarially(m, a, base, attacker.labels(), attacker, t, progress)
                    : p instanceof RecipeParameter.Epsilon e ? scratch(m, t, attacker, shape, progress, Pgd.of(e.epsilon()))
                    : scratch(m, t, attacker, shape, progress);
            case INDEPENDENT -> scratch(m, t, attacker, shape, progress);
            case TWIN -> scratch(m, t, data.owner().slice(0, Math.min(m.images(), data.owner().size())), shape, progress);
            case INDEPENDENT_TRANSFER -> scratch(m, t, Corruption.corrupt(attacker, CORRUPTION_SEED), shape, progress);
            case VICTIM -> throw new IllegalArgumentException("the victim is not a zoo member");
        };
    }

    private static MultiLayerNetwork fineTuneAdversarially(ZooMember m, RecipeParameter.AdversarialFineTuning a,
                                                           MultiLayerNetwork base, int[] labels, LabeledImages attacker,
                                                           Trainer.Config t, ProgressListener progress) {
        if (base == null) {
            throw new IllegalArgumentException(m.id() + " fine-tunes a base model but none was given");
        }
        MultiLayerNetwork net = base.clone();
        TrainingData targets = new TrainingData(attacker.images(), Matrix.oneHot(labels, attacker.numClasses()));
        Trainer.fit(net, targets, t, "adversarial fine-tuning " + m.architecture().name(), progress, a.pgd());
        return net;
    }

    private static MultiLayerNetwork scratch(ZooMember m, Trainer.Config t, LabeledImages data, ImageShape shape,
                                             ProgressListener progress) {
        return scratch(m, t, data, shape, progress, Trainer.StepHook.NONE);
    }

    /** Trained from scratch with {@code hook} around each step: PGD for a matched negative of an adversarial student. */
    private static MultiLayerNetwork scratch(ZooMember m, Trainer.Config t, LabeledImages data, ImageShape shape,
                                             ProgressListener progress, Trainer.StepHook hook) {
        MultiLayerNetwork net = m.architecture().build(shape, data.numClasses(), m.seed());
        Trainer.fit(net, TrainingData.of(data), t, m.family().label() + " " + m.architecture().name(), progress, hook);
        return net;
    }

    private interface Training {
        MultiLayerNetwork run();
    }

    private static MultiLayerNetwork loadOrTrain(Path dir, String id, Training training) {
        Path file = dir.resolve(id + ".zip");
        try {
            if (Files.isRegularFile(file)) {
                return ModelSerializer.restoreMultiLayerNetwork(file.toFile(), false);
            }
            long t0 = System.nanoTime();
            MultiLayerNetwork net = training.run();
            double secs = (System.nanoTime() - t0) / 1e9;
            Path tmp = dir.resolve(id + ".zip.tmp");
            ModelSerializer.writeModel(net, tmp.toFile(), false);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(dir.resolve(id + ".seconds"), Double.toString(secs));
            LOG.info("trained {} in {} s", id, String.format(Locale.ROOT, "%.1f", secs));
            return net;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write zoo model " + file, e);
        }
    }

    /** What is written beside a model: who it is, how it was trained, and its measurements. */
    private static ObjectNode recordOf(ZooMember member, Measurements m) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", member.id());
        o.put("family", member.family().name());
        o.put("architecture", member.architecture().name());
        o.put("seed", member.seed());
        o.put("accuracy", m.accuracy());
        o.put("fidelity", m.fidelity());
        o.put("trainSeconds", m.trainSeconds());
        o.put("queries", member.queries());
        if (member.base() != null) {
            o.put("base", member.base().id());
        }
        ObjectNode settings = o.putObject("settings");
        settings.put("epochs", Integer.toString(member.training().epochs()));
        settings.put("learningRate", Double.toString(member.training().learningRate()));
        settings.put("images", Integer.toString(member.images()));
        member.parameter().settings().forEach(settings::put);
        ArrayNode labels = o.putArray("testPredictions");
        for (int l : m.testLabels()) {
            labels.add(l);
        }
        return o;
    }

    /** The spec it was built from. */
    public ZooSpec spec() {
        return spec;
    }

    /** The victims with their own models, in the spec's order. */
    public List<TrainedVictim> victims() {
        return victims;
    }

    /** The negatives the victims share, in the spec's order. */
    public List<TrainedMember> shared() {
        return shared;
    }

    /** The only victim. @throws IllegalStateException if the zoo has several */
    public TrainedMember victim() {
        if (victims.size() != 1) {
            throw new IllegalStateException("zoo " + spec.name() + " has " + victims.size() + " victims");
        }
        return victims.get(0).victim();
    }

    /** Every model but the victims: each victim's own, then the shared ones. */
    public List<TrainedMember> members() {
        return Stream.concat(victims.stream().flatMap(v -> v.members().stream()), shared.stream()).toList();
    }

    /** Members of one family. */
    public List<TrainedMember> members(Family family) {
        return members().stream().filter(m -> m.family() == family).toList();
    }

    /** The clean test set (queries come from it). */
    public LabeledImages cleanTest() {
        return cleanTest;
    }

    /** The corrupted test set of the transfer task. */
    public LabeledImages corruptedTest() {
        return corruptedTest;
    }
}
