package io.modelprint.zoo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelprint.ImageShape;
import io.modelprint.LabeledImages;
import io.modelprint.Model;
import io.modelprint.Models;
import io.modelprint.ProgressListener;
import io.modelprint.dl4j.Dl4jModel;
import io.modelprint.dl4j.Trainer;
import io.modelprint.dl4j.TrainingData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A trained benchmark zoo: the victim and every member of a {@link ZooSpec}, trained on a
 * {@link ZooData} split and cached in a directory as DL4J model files, each with a JSON record of
 * its accuracy and fidelity beside it. A second build with the same spec trains nothing.
 *
 * <pre>{@code
 * Zoo zoo = Zoo.build(ZooSpec.smoke(ZooSpec.Variant.DEV), ZooData.of(FashionMnist.load()), Path.of("zoo-cache"), listener);
 * for (TrainedMember m : zoo.members()) { ... m.model() ... m.measurements().fidelity() ... }
 * }</pre>
 */
public final class Zoo {

    private static final Logger LOG = LoggerFactory.getLogger(Zoo.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** Seed of the corruption applied to the transfer task's data. */
    static final long CORRUPTION_SEED = 17;

    private final ZooSpec spec;
    private final TrainedMember victim;
    private final List<TrainedMember> members;
    private final LabeledImages cleanTest;
    private final LabeledImages corruptedTest;

    private Zoo(ZooSpec spec, TrainedMember victim, List<TrainedMember> members, LabeledImages cleanTest, LabeledImages corruptedTest) {
        this.spec = spec;
        this.victim = victim;
        this.members = List.copyOf(members);
        this.cleanTest = cleanTest;
        this.corruptedTest = corruptedTest;
    }

    /**
     * Trains what the cache lacks and loads the rest.
     *
     * @param cacheRoot the zoo lands in {@code cacheRoot/<spec name>}
     * @param progress  receives training progress, one task per model
     */
    public static Zoo build(ZooSpec spec, ZooData data, Path cacheRoot, ProgressListener progress) {
        // cacheRoot/<data>/victims holds victims, shared by the zoos of one victim (the attackers' and the
        // owner's); cacheRoot/<data>/<zoo>/<victim> holds the members derived from or compared with it
        Path root = cacheRoot.resolve(data.tag());
        Path victims = root.resolve("victims");
        ImageShape shape = data.test().images().shape();
        LabeledImages corruptedTest = Corruption.corrupt(data.test(), CORRUPTION_SEED + 1);
        LabeledImages owner = data.owner().slice(0, Math.min(spec.ownerImages(), data.owner().size()));
        Trainer.Config vt = spec.victimTraining();
        ZooMember victimMember = new ZooMember(Family.VICTIM, spec.victim(), vt.seed(), vt, owner.size());
        String victimId = victimMember.id();
        Path dir = root.resolve(spec.name()).resolve(victimId);
        try {
            Files.createDirectories(dir);
            Files.createDirectories(victims);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the zoo cache " + dir, e);
        }
        MultiLayerNetwork victimNet = loadOrTrain(victims, victimId, () -> {
            MultiLayerNetwork net = spec.victim().build(shape, owner.numClasses(), vt.seed());
            Trainer.fit(net, TrainingData.of(owner), vt, "victim " + spec.victim().name(), progress);
            return net;
        });
        Dl4jModel victimModel = Dl4jModel.of("victim", victimNet, shape);
        // the victim's labels on the clean test set, computed once for every member's fidelity
        int[] victimLabels = victimModel.predict(data.test().images()).labels();
        TrainedMember victim = new TrainedMember(victimMember, measure(victims, victimMember, victimModel, victimLabels,
                data.test(), data.test()), victimModel);

        List<TrainedMember> members = new ArrayList<>();
        int done = 0;
        for (ZooMember m : spec.members()) {
            String id = m.id();
            progress.onProgress("zoo " + spec.name(), done++, spec.members().size());
            MultiLayerNetwork net = loadOrTrain(dir, id, () -> {
                Model api = StolenModel.counting(victimModel);   // counts what this member's recipe asks
                MultiLayerNetwork trained = train(m, victimNet, api, data, shape, progress);
                writeQueries(dir, id, api.queryCount());
                return trained;
            });
            Dl4jModel model = Dl4jModel.of(id, net, shape);
            LabeledImages ownTest = m.family().transferTask() ? corruptedTest : data.test();
            members.add(new TrainedMember(m, measure(dir, m, model, victimLabels, ownTest, data.test()), model));
        }
        progress.onProgress("zoo " + spec.name(), spec.members().size(), spec.members().size());
        return new Zoo(spec, victim, members, data.test(), corruptedTest);
    }

    static MultiLayerNetwork train(ZooMember m, MultiLayerNetwork victimNet, Model victimModel, ZooData data,
                                           ImageShape shape, ProgressListener progress) {
        Trainer.Config t = m.training().withSeed(m.seed());
        LabeledImages attacker = data.attacker().slice(0, Math.min(m.images(), data.attacker().size()));
        return switch (m.family()) {
            case FINE_TUNE_ALL -> new FineTuning(t, false).apply(victimNet, attacker, progress);
            case FINE_TUNE_LAST -> new FineTuning(t, true).apply(victimNet, attacker, progress);
            case PRUNE -> new Pruning(m.parameter(RecipeParameter.PruningRate.class).rate(), t)
                    .apply(victimNet, attacker, progress);
            case TRANSFER -> new Transfer(t).apply(victimNet, Corruption.corrupt(attacker, CORRUPTION_SEED), progress);
            case EXTRACT_PROBABILITIES -> Extraction.probabilities(m.architecture(), t,
                            m.parameter(RecipeParameter.Temperature.class).temperature(), 0.9)
                    .apply(Models.probabilitiesOnly(victimModel), attacker, progress);
            case EXTRACT_LABELS -> Extraction.labels(m.architecture(), t).apply(Models.labelsOnly(victimModel), attacker, progress);
            case EXTRACT_ADVERSARIAL -> Extraction.labels(m.architecture(), t)
                    .withAdversarialTraining(Pgd.of(m.parameter(RecipeParameter.Epsilon.class).epsilon()))
                    .apply(Models.labelsOnly(victimModel), attacker, progress);
            case KNOCKOFF_PROBABILITIES -> Knockoff.probabilities(m.architecture(), t,
                            m.parameter(RecipeParameter.QueryDistribution.class).kind())
                    .apply(Models.probabilitiesOnly(victimModel), attacker.images(), progress).network();
            case KNOCKOFF_LABELS -> Knockoff.labels(m.architecture(), t, m.parameter(RecipeParameter.QueryDistribution.class).kind())
                    .apply(Models.labelsOnly(victimModel), attacker.images(), progress).network();
            case JBDA -> Jbda.of(m.architecture(), t).apply(Models.labelsOnly(victimModel), attacker.images(), progress).network();
            case INDEPENDENT -> scratch(m, t, attacker, shape, progress);
            case TWIN -> scratch(m, t, data.owner().slice(0, Math.min(m.images(), data.owner().size())), shape, progress);
            case INDEPENDENT_TRANSFER -> scratch(m, t, Corruption.corrupt(attacker, CORRUPTION_SEED), shape, progress);
            case VICTIM -> throw new IllegalArgumentException("the victim is not a zoo member");
        };
    }

    private static MultiLayerNetwork scratch(ZooMember m, Trainer.Config t, LabeledImages data, ImageShape shape,
                                             ProgressListener progress) {
        MultiLayerNetwork net = m.architecture().build(shape, data.numClasses(), m.seed());
        Trainer.fit(net, TrainingData.of(data), t, m.family().label() + " " + m.architecture().name(), progress);
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

    private static void writeQueries(Path dir, String id, long queries) {
        try {
            Files.writeString(dir.resolve(id + ".queries"), Long.toString(queries));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the query count of zoo model " + id, e);
        }
    }

    /** The measurements recorded beside the model in {@code dir}, measured and recorded first if absent. */
    private static Measurements measure(Path dir, ZooMember member, Dl4jModel model, int[] victimLabels,
                                        LabeledImages ownTest, LabeledImages cleanTest) {
        String id = member.id();
        Path file = dir.resolve(id + ".json");
        try {
            if (Files.isRegularFile(file)) {
                JsonNode n = JSON.readTree(file.toFile());
                return new Measurements(n.get("accuracy").asDouble(), n.get("fidelity").asDouble(),
                        n.get("trainSeconds").asDouble(), n.has("queries") ? n.get("queries").asLong() : -1);
            }
            Path secondsFile = dir.resolve(id + ".seconds");
            double secs = Files.isRegularFile(secondsFile) ? Double.parseDouble(Files.readString(secondsFile).trim()) : Double.NaN;
            Path queriesFile = dir.resolve(id + ".queries");
            long queries = member.family() == Family.VICTIM ? 0
                    : Files.isRegularFile(queriesFile) ? Long.parseLong(Files.readString(queriesFile).trim()) : -1;
            // one pass over the clean test set gives both figures unless the model has a task of its own
            int[] clean = model.predict(cleanTest.images()).labels();
            double accuracy = member.family().transferTask() ? Agreement.accuracy(model, ownTest)
                    : Agreement.fraction(clean, cleanTest.labels());
            Measurements m = new Measurements(accuracy, Agreement.fraction(victimLabels, clean), secs, queries);
            JSON.writeValue(file.toFile(), recordOf(member, m));
            return m;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write zoo record " + file, e);
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
        o.put("queries", m.queries());
        ObjectNode settings = o.putObject("settings");
        settings.put("epochs", Integer.toString(member.training().epochs()));
        settings.put("learningRate", Double.toString(member.training().learningRate()));
        settings.put("images", Integer.toString(member.images()));
        member.parameter().settings().forEach(settings::put);
        return o;
    }

    /** The spec it was built from. */
    public ZooSpec spec() {
        return spec;
    }

    /** The victim. */
    public TrainedMember victim() {
        return victim;
    }

    /** Every other model, in the spec's order. */
    public List<TrainedMember> members() {
        return members;
    }

    /** Members of one family. */
    public List<TrainedMember> members(Family family) {
        return members.stream().filter(m -> m.family() == family).toList();
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
