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

import io.modelprint.dl4j.Architecture;
import io.modelprint.dl4j.Trainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What a benchmark zoo holds: one or more victims, each with its stolen copies and twins
 * ({@link VictimSpec}), and the negatives its victims share (independent models, student-matched
 * models, models of the transfer task).
 *
 * <p>Three zoos are defined, each in a {@code DEV} and a {@code TEST} variant with disjoint seeds:
 * <ul>
 *   <li>{@link #benchmark} ({@code bench-full-dev}, {@code bench-full-test}): two victims per split
 *       of different architectures and accuracies, each with seventeen stolen copies in the seven
 *       families with the recipe varied inside each family as the PyTorch zoo
 *       ({@code benchmarks/pytorch/zoo.py}) varies it, two twins each, and shared negatives: a
 *       student-matched model for every student recipe, independent models of other
 *       architectures, and independent models of the transfer task; and each victim's Knockoff,
 *       JBDA and adversarially trained students, with an InI-defended third victim that has its
 *       own (issue 12). {@link Size#MINI} is the same
 *       zoo on a few thousand images, for checking the recipes in minutes;</li>
 *   <li>{@link #full} ({@code full-dev}, {@code full-test}): the first benchmark zoo, one victim with
 *       5 models per family, 12 independent models and 2 twins (its results are kept as history);</li>
 *   <li>{@link #smoke}: the first zoo at 2 models a family on small data, minutes.</li>
 * </ul>
 *
 * <pre>{@code
 * ZooSpec spec = ZooSpec.benchmark(ZooSpec.Size.FULL, ZooSpec.Variant.TEST);
 * for (VictimSpec v : spec.victims()) { ... v.members() ... }
 * List<ZooMember> matched = spec.members(Family.MATCHED);
 * }</pre>
 *
 * @param name    a name for the cache directory and reports, such as {@code bench-full-dev}
 * @param victims the victims with their own models
 * @param shared  the negatives every victim of the zoo is compared with, in training order
 */
public record ZooSpec(String name, List<VictimSpec> victims, List<ZooMember> shared) {

    /**
     * Dev and test zoos: same recipes, disjoint seeds (and other victims and students where the
     * zoo says so).
     *
     * <pre>{@code
     * ZooSpec dev = ZooSpec.smoke(ZooSpec.Variant.DEV);
     * ZooSpec test = ZooSpec.smoke(ZooSpec.Variant.TEST);   // disjoint seeds
     * }</pre>
     */
    public enum Variant {
        /** For tuning. */
        DEV(0),
        /** For the table that counts. */
        TEST(1000);

        private final long seedBase;

        Variant(long seedBase) {
            this.seedBase = seedBase;
        }

        /** A lower-case name for files and reports: {@code dev} or {@code test}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Sizes of the {@link #benchmark} zoo.
     *
     * <pre>{@code
     * ZooSpec review = ZooSpec.benchmark(ZooSpec.Size.MINI, ZooSpec.Variant.DEV);
     * }</pre>
     */
    public enum Size {
        /** The recipes on a few thousand images and one or two epochs: minutes, for checking the zoo. */
        MINI,
        /** The benchmark: victims on 25,000 owner images, students on 20,000 or 30,000 queries. */
        FULL
    }

    /** Validates. */
    public ZooSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a zoo needs a name");
        }
        victims = List.copyOf(victims);
        shared = List.copyOf(shared);
        if (victims.isEmpty()) {
            throw new IllegalArgumentException("zoo " + name + " has no victim");
        }
        if (victims.stream().map(VictimSpec::name).distinct().count() != victims.size()) {
            throw new IllegalArgumentException("zoo " + name + " names two victims alike: "
                    + victims.stream().map(VictimSpec::name).toList());
        }
        for (ZooMember m : shared) {
            if (m.family().stolen() || m.family() == Family.TWIN || m.family() == Family.VICTIM) {
                throw new IllegalArgumentException("zoo " + name + ": a " + m.family().label()
                        + " model belongs to one victim, not to the shared negatives (" + m.id() + ")");
            }
        }
    }

    /**
     * A zoo of one victim: its stolen copies and twins go to the victim, the other members to the
     * shared negatives.
     *
     * @param victimName the victim's name in reports
     */
    public static ZooSpec ofOneVictim(String name, String victimName, Architecture victim, Trainer.Config victimTraining,
                                      int ownerImages, List<ZooMember> members) {
        return new ZooSpec(name, List.of(new VictimSpec(victimName, victim, victimTraining, ownerImages,
                members.stream().filter(ZooSpec::ownedByVictim).toList())),
                members.stream().filter(m -> !ownedByVictim(m)).toList());
    }

    private static boolean ownedByVictim(ZooMember m) {
        return m.family().stolen() || m.family() == Family.TWIN;
    }

    /** The only victim. @throws IllegalStateException if the zoo has several */
    public VictimSpec victim() {
        if (victims.size() != 1) {
            throw new IllegalStateException("zoo " + name + " has " + victims.size() + " victims: "
                    + victims.stream().map(VictimSpec::name).toList());
        }
        return victims.get(0);
    }

    /** Every member but the victims: each victim's models, then the shared ones. */
    public List<ZooMember> members() {
        return Stream.concat(victims.stream().flatMap(v -> v.members().stream()), shared.stream()).toList();
    }

    /** Members by family. */
    public List<ZooMember> members(Family family) {
        return members().stream().filter(m -> m.family() == family).toList();
    }

    /** The small zoo of one victim: minutes on 2 cores. */
    public static ZooSpec smoke(Variant variant) {
        return first("smoke-" + variant.label(), variant, 2, 1, 4000, 3000,
                new Trainer.Config(4, 64, 1e-3, variant.seedBase + 1));
    }

    /** The first full zoo of one victim: about an hour on 2 cores. */
    public static ZooSpec full(Variant variant) {
        return first("full-" + variant.label(), variant, 5, 2, 30000, 20000,
                new Trainer.Config(4, 64, 1e-3, variant.seedBase + 1));
    }

    /**
     * The owner's side of a victim: models the owner trains on its own data, with its own seeds, to
     * choose and calibrate queries. Surrogates (its own stolen copies of the victim: one per attack
     * family, two label students) and references (independent models of four architectures on its
     * data, the victim's own among them), all the victim's own members. Build it with the owner's
     * data as the "attacker" data: {@code new ZooData(owner, owner, test)}.
     *
     * @param name   the owner zoo's name, such as {@code full-owner-dev}
     * @param images how many owner images each model is trained on
     */
    public static ZooSpec owner(String name, VictimSpec victim, int images, long seedBase) {
        return new ZooSpec(name, List.of(new VictimSpec(victim.name(), victim.architecture(), victim.training(),
                victim.ownerImages(), ownerMembers(victim.architecture(), images, seedBase))), List.of());
    }

    /** The owner's side of the {@link #smoke} or {@link #full} zoo. */
    public static ZooSpec owner(Variant variant, boolean full) {
        ZooSpec attackers = full ? full(variant) : smoke(variant);
        return owner(attackers.name().replace("-", "-owner-"), attackers.victim(), full ? 10000 : 3000,
                variant.seedBase + 500);
    }

    /**
     * The owner's surrogates and references for a victim: one copy per attack family (fine-tuned,
     * pruned, transferred, distilled, two label students, an adversarially trained student) and
     * four independent models (the victim's architecture when known, two MLPs and a CNN), each
     * trained on {@code images} owner images.
     *
     * @param victim the victim's architecture, or null when it is not one of {@link Architecture}'s:
     *               then the references leave out the twin
     */
    public static List<ZooMember> ownerMembers(Architecture victim, int images, long seedBase) {
        Architecture label = victim != null ? victim : Architecture.mlp(1);
        long s = seedBase;
        List<ZooMember> m = new ArrayList<>();
        m.add(new ZooMember(Family.FINE_TUNE_ALL, label, s++, new Trainer.Config(1, 64, 1e-4, 0), images));
        m.add(new ZooMember(Family.PRUNE, label, s++, new Trainer.Config(1, 64, 1e-4, 0), images,
                new RecipeParameter.PruningRate(0.5)));
        m.add(new ZooMember(Family.TRANSFER, label, s++, new Trainer.Config(2, 64, 1e-2, 0), images));
        m.add(new ZooMember(Family.EXTRACT_PROBABILITIES, Architecture.mlp(256), s++, epochs(Architecture.mlp(256), 5),
                images, new RecipeParameter.Temperature(20)));
        m.add(new ZooMember(Family.EXTRACT_LABELS, Architecture.mlp(512, 128), s++, epochs(Architecture.mlp(512, 128), 5),
                images));
        m.add(new ZooMember(Family.EXTRACT_LABELS, Architecture.cnn(4, 8, 32), s++, epochs(Architecture.cnn(4, 8, 32), 5),
                images));
        m.add(new ZooMember(Family.EXTRACT_ADVERSARIAL, Architecture.mlp(256), s++, epochs(Architecture.mlp(256), 3),
                images, new RecipeParameter.Epsilon(4.0 / 256)));
        List<Architecture> refs = new ArrayList<>();
        if (victim != null) {
            refs.add(victim);
        }
        refs.addAll(List.of(Architecture.cnn(6, 12, 48), Architecture.mlp(256), Architecture.mlp(512, 128)));
        for (Architecture a : refs) {
            m.add(new ZooMember(Family.INDEPENDENT, a, s++, epochs(a, 5), images));
        }
        return m;
    }

    /** The recipes of the {@link #smoke} and {@link #full} zoos (one victim, one recipe per family). */
    private static ZooSpec first(String name, Variant variant, int perFamily, int independentSeeds, int ownerImages,
                                 int attackerImages, Trainer.Config victimTraining) {
        Architecture victim = Architecture.cnn(8, 16, 64);
        List<Architecture> students = new ArrayList<>(List.of(Architecture.mlp(256), Architecture.cnn(4, 8, 32),
                Architecture.mlp(512, 128), Architecture.cnn(6, 12, 48), Architecture.mlp(384, 64)));
        if (variant == Variant.TEST) {
            students.set(4, Architecture.mlp(384, 128));
        }
        List<Architecture> independents = List.of(victim, Architecture.cnn(6, 12, 48), Architecture.cnn(4, 8, 32),
                Architecture.mlp(256), Architecture.mlp(512, 128), Architecture.mlp(384, 64));
        long s = variant.seedBase + 100;
        int copyImages = Math.min(10000, attackerImages);
        List<ZooMember> m = new ArrayList<>();
        double[] pruneRates = {0.3, 0.6, 0.45, 0.75, 0.2};
        for (int i = 0; i < perFamily; i++) {
            m.add(new ZooMember(Family.FINE_TUNE_ALL, victim, s++, new Trainer.Config(1 + i % 2, 64, 1e-4, 0), copyImages));
            m.add(new ZooMember(Family.FINE_TUNE_LAST, victim, s++, new Trainer.Config(2, 64, 1e-3, 0), copyImages));
            m.add(new ZooMember(Family.PRUNE, victim, s++, new Trainer.Config(1, 64, 1e-4, 0), copyImages,
                    new RecipeParameter.PruningRate(pruneRates[i % 5])));
            // a fresh head learns slowly at the victim's learning rate: 1e-2 reaches the victim's accuracy in two epochs
            m.add(new ZooMember(Family.TRANSFER, victim, s++, new Trainer.Config(2, 64, 1e-2, 0), copyImages));
            Architecture student = students.get(i % students.size());
            m.add(new ZooMember(Family.EXTRACT_PROBABILITIES, student, s++, epochs(student, 5), attackerImages,
                    new RecipeParameter.Temperature(20)));
            m.add(new ZooMember(Family.EXTRACT_LABELS, student, s++, epochs(student, 5), attackerImages));
            Architecture robust = students.get((i + 2) % students.size());
            m.add(new ZooMember(Family.EXTRACT_ADVERSARIAL, robust, s++, epochs(robust, 3), copyImages,
                    new RecipeParameter.Epsilon(4.0 / 256)));
        }
        int count = perFamily >= 5 ? independents.size() * independentSeeds : 4;
        for (int i = 0; i < count; i++) {
            Architecture a = independents.get(i % independents.size());
            m.add(new ZooMember(Family.INDEPENDENT, a, s++, epochs(a, 5), attackerImages));
        }
        int twins = perFamily >= 5 ? 2 : 1;
        for (int i = 0; i < twins; i++) {
            m.add(new ZooMember(Family.TWIN, victim, s++, victimTraining.withEpochs(victimTraining.epochs()), ownerImages));
        }
        for (int i = 0; i < perFamily; i++) {
            Architecture a = independents.get((i + 1) % independents.size());
            m.add(new ZooMember(Family.INDEPENDENT_TRANSFER, a, s++, epochs(a, 5), copyImages));
        }
        return ofOneVictim(name, "v-" + victim.name(), victim, victimTraining, ownerImages, m);
    }

    /** The sizes of a {@link #benchmark} zoo: images per recipe and the students' epochs. */
    private record Scale(int victimImages, int copyImages, int smallQueries, int largeQueries, int adversarialImages,
                         int corruptedImages, int mlpEpochs, int victimEpochScale) {
    }

    /** A student recipe: its architecture and how many attacker images it queries the victim with. */
    private record Student(Architecture architecture, int queries) {
    }

    /** One victim of a benchmark split: its name, architecture and epochs at full size. */
    private record Victim(String name, Architecture architecture, int epochs) {
    }

    /**
     * The benchmark zoo of one split, with the recipes of the PyTorch zoo's {@code spec()}
     * ({@code benchmarks/pytorch/zoo.py}) as far as DL4J trains them here in reasonable time.
     *
     * <p>Victims (on the owner's first 25,000 images, Adam 1e-3): dev {@code v-cnn}
     * ({@code cnn-8-16-64}, 4 epochs) and {@code v-mlp} ({@code mlp-512-256}, 10 epochs); test
     * {@code v-bn} ({@code cnnbn-16-32-128}, batch norm, 3 epochs) and {@code v-mlp}
     * ({@code mlp-384-64}, 5 epochs). Students a, b, c: dev {@code mlp-256}, {@code cnn-4-8-32},
     * {@code mlp-512-128}; test the same with {@code mlp-384-128} for c. Per victim, on the
     * attacker's half: fine-tune all layers with Adam (1e-3, 2 epochs, 10,000 images) and with SGD
     * and Nesterov momentum (0.01, 3 epochs, 20,000); the last layer kept (1e-3) or re-initialised
     * (1e-2), 3 epochs; pruning 30, 50 and 70% then one epoch at 5e-4; transfer to the corrupted task
     * (20,000 images, 3 epochs) with frozen features or trainable ones after one epoch of linear
     * probe (1e-4); distillation (from the victim's probabilities alone) of a at T = 4 on 20,000
     * queries, b at T = 20 and c at T = 10 on 30,000; label extraction of a and c on 30,000, b on
     * 20,000; adversarial fine-tuning of the label students a and b (PGD eps 0.1, step 0.025, 5
     * steps, 2 epochs at 5e-4 on 10,000 images with the victim's labels); two twins. Shared: a
     * matched model for each student recipe (a and b on 20,000 and 30,000, c on 30,000; true labels,
     * same epochs) and the matched versions of the two adversarial fine-tunings (true labels);
     * independent models of three other architectures (the split's victims' among them) on 30,000;
     * independent models of the transfer task (a, b and the first of those) on 30,000 corrupted
     * images. Students train 5 epochs (MLPs), 3 (CNNs) or 2 (batch-norm CNNs), batch 64, Adam 1e-3.
     *
     * <p>The attack families of the PyTorch zoo's {@code attacks.py} join each victim, seeded apart
     * so that the members above keep their cache ids: Knockoff on probabilities (a on transformed
     * images, b on mixtures) and on labels (a, transformed), on the large query count; JBDA (b); a
     * label student (a) trained adversarially from scratch (PGD, radius 0.1, on the adversarial image
     * count), with a matched negative for a and b trained the same way on true labels. A third victim,
     * {@code v-mlp-ini}, is the split's MLP victim (its data, epochs and seed) trained with
     * {@link IniDefence#defaults}, its out-of-distribution images the owner's images after its
     * training share, rotated and half inverted; it has the same attack students and a probability
     * (a, T = 4) and a label extraction (a), on the large query count.
     *
     * <p>{@link Size#MINI} keeps every recipe and divides the data: victims on 3,000 images with
     * half their epochs, copies on 1,000, students on 1,500 or 2,000 queries for 2 epochs (1 for
     * CNNs).
     */
    public static ZooSpec benchmark(Size size, Variant variant) {
        Scale sc = size == Size.FULL ? new Scale(25000, 10000, 20000, 30000, 10000, 30000, 5, 1)
                : new Scale(3000, 1000, 1500, 2000, 1000, 2000, 2, 2);
        boolean dev = variant == Variant.DEV;
        List<Victim> victims = dev
                ? List.of(new Victim("v-cnn", Architecture.cnn(8, 16, 64), 4), new Victim("v-mlp", Architecture.mlp(512, 256), 10))
                : List.of(new Victim("v-bn", Architecture.cnnBn(16, 32, 128), 3), new Victim("v-mlp", Architecture.mlp(384, 64), 5));
        Architecture a = Architecture.mlp(256);
        Architecture b = Architecture.cnn(4, 8, 32);
        Architecture c = dev ? Architecture.mlp(512, 128) : Architecture.mlp(384, 128);
        List<Architecture> others = dev
                ? List.of(Architecture.cnn(8, 16, 64), Architecture.mlp(512, 256), Architecture.cnn(6, 12, 48))
                : List.of(Architecture.cnnBn(16, 32, 128), Architecture.mlp(384, 64), Architecture.mlp(1024));
        int qs = sc.smallQueries();
        int ql = sc.largeQueries();
        RecipeParameter.AdversarialFineTuning adv = new RecipeParameter.AdversarialFineTuning(0.1, 0.025, 5);
        Trainer.Config advTraining = new Trainer.Config(size == Size.FULL ? 2 : 1, 64, 5e-4, 0);
        long s = variant.seedBase + 2000;

        List<ZooMember> shared = new ArrayList<>();
        // matched: every student recipe with true labels (the union of the distillation and label recipes)
        List<ZooMember> matched = new ArrayList<>();
        for (Student r : List.of(new Student(a, qs), new Student(a, ql), new Student(b, qs), new Student(b, ql),
                new Student(c, ql))) {
            matched.add(new ZooMember(Family.MATCHED, r.architecture(), s++, studentEpochs(r.architecture(), sc), r.queries()));
        }
        shared.addAll(matched);
        shared.add(ZooMember.fineTunedFrom(Family.MATCHED, matched.get(1), s++, advTraining, sc.adversarialImages(), adv));
        shared.add(ZooMember.fineTunedFrom(Family.MATCHED, matched.get(2), s++, advTraining, sc.adversarialImages(), adv));
        for (Architecture arch : others) {
            shared.add(new ZooMember(Family.INDEPENDENT, arch, s++, studentEpochs(arch, sc), ql));
        }
        for (Architecture arch : List.of(a, b, others.get(0))) {
            shared.add(new ZooMember(Family.INDEPENDENT_TRANSFER, arch, s++, studentEpochs(arch, sc), sc.corruptedImages()));
        }

        // the attack families (issue 12), seeded apart so that the members before them keep their cache ids
        long s2 = variant.seedBase + 5000;
        for (Architecture arch : List.of(a, b)) {
            shared.add(new ZooMember(Family.MATCHED, arch, s2++, studentEpochs(arch, sc), sc.adversarialImages(),
                    new RecipeParameter.Epsilon(ADVERSARIAL_EPSILON)));
        }

        List<VictimSpec> specs = new ArrayList<>();
        long victimSeed = variant.seedBase + 11;
        for (Victim v : victims) {
            Architecture va = v.architecture();
            Trainer.Config vt = new Trainer.Config(Math.max(1, v.epochs() / sc.victimEpochScale()), 64, 1e-3, victimSeed++);
            int ft = sc.copyImages();
            List<ZooMember> m = new ArrayList<>();
            m.add(new ZooMember(Family.FINE_TUNE_ALL, va, s++, new Trainer.Config(2, 64, 1e-3, 0), ft));
            m.add(new ZooMember(Family.FINE_TUNE_ALL, va, s++, new Trainer.Config(3, 64, 0.01, 0), 2 * ft,
                    new RecipeParameter.Sgd()));
            m.add(new ZooMember(Family.FINE_TUNE_LAST, va, s++, new Trainer.Config(3, 64, 1e-3, 0), ft));
            // a fresh head learns slowly at the victim's learning rate: 1e-2 (see Transfer)
            m.add(new ZooMember(Family.FINE_TUNE_LAST, va, s++, new Trainer.Config(3, 64, 1e-2, 0), ft,
                    new RecipeParameter.FreshHead()));
            for (double rate : new double[] {0.3, 0.5, 0.7}) {
                m.add(new ZooMember(Family.PRUNE, va, s++, new Trainer.Config(1, 64, 5e-4, 0), ft,
                        new RecipeParameter.PruningRate(rate)));
            }
            m.add(new ZooMember(Family.TRANSFER, va, s++, new Trainer.Config(3, 64, 1e-2, 0), 2 * ft));
            m.add(new ZooMember(Family.TRANSFER, va, s++, new Trainer.Config(3, 64, 1e-2, 0), 2 * ft,
                    new RecipeParameter.TrainableFeatures(1e-4)));
            double[] temperatures = {4, 20, 10};
            List<Student> distilled = List.of(new Student(a, qs), new Student(b, ql), new Student(c, ql));
            for (int i = 0; i < distilled.size(); i++) {
                Student r = distilled.get(i);
                m.add(new ZooMember(Family.EXTRACT_PROBABILITIES, r.architecture(), s++, studentEpochs(r.architecture(), sc),
                        r.queries(), new RecipeParameter.Temperature(temperatures[i], 1.0)));
            }
            List<ZooMember> labels = new ArrayList<>();
            for (Student r : List.of(new Student(a, ql), new Student(b, qs), new Student(c, ql))) {
                labels.add(new ZooMember(Family.EXTRACT_LABELS, r.architecture(), s++, studentEpochs(r.architecture(), sc),
                        r.queries()));
            }
            m.addAll(labels);
            m.add(ZooMember.fineTunedFrom(Family.EXTRACT_ADVERSARIAL, labels.get(0), s++, advTraining,
                    sc.adversarialImages(), adv));
            m.add(ZooMember.fineTunedFrom(Family.EXTRACT_ADVERSARIAL, labels.get(1), s++, advTraining,
                    sc.adversarialImages(), adv));
            for (int t = 0; t < 2; t++) {
                m.add(new ZooMember(Family.TWIN, va, s++, vt, sc.victimImages()));
            }
            List<ZooMember> students = attackStudents(a, b, sc, s2);
            s2 += students.size();
            m.addAll(students);
            specs.add(new VictimSpec(v.name(), va, vt, sc.victimImages(), m));
        }
        // the InI-defended variant of each split's MLP victim: its data, epochs and seed, with the attack
        // students and the zoo's own probability and label extractions
        VictimSpec mlp = specs.get(1);
        List<ZooMember> defended = new ArrayList<>(attackStudents(a, b, sc, s2));
        s2 += defended.size();
        defended.add(new ZooMember(Family.EXTRACT_PROBABILITIES, a, s2++, studentEpochs(a, sc), ql,
                new RecipeParameter.Temperature(4, 1.0)));
        defended.add(new ZooMember(Family.EXTRACT_LABELS, a, s2, studentEpochs(a, sc), ql));
        specs.add(new VictimSpec(mlp.name() + "-ini", mlp.architecture(), mlp.training(), mlp.ownerImages(), defended,
                new RecipeParameter.IniDefended()));
        String name = "bench-" + size.name().toLowerCase(Locale.ROOT) + "-" + variant.label();
        return new ZooSpec(name, specs, shared);
    }

    private static final double ADVERSARIAL_EPSILON = 0.1;

    /**
     * The attack students of one victim, seeded from {@code seed}: Knockoff on the victim's
     * probabilities with transformed images (student a) and with mixtures (b), Knockoff on its
     * labels with transformed images (a), all with the large query count; JBDA (b, 150 seeds, 6
     * rounds); and a label student (a) trained adversarially from scratch on the adversarial image
     * count, PGD in every batch.
     */
    private static List<ZooMember> attackStudents(Architecture a, Architecture b, Scale sc, long seed) {
        int ql = sc.largeQueries();
        long s = seed;
        return List.of(
                new ZooMember(Family.KNOCKOFF_PROBABILITIES, a, s++, studentEpochs(a, sc), ql,
                        new RecipeParameter.QueryDistribution(OutOfDistribution.TRANSFORMED)),
                new ZooMember(Family.KNOCKOFF_PROBABILITIES, b, s++, studentEpochs(b, sc), ql,
                        new RecipeParameter.QueryDistribution(OutOfDistribution.MIXTURES)),
                new ZooMember(Family.KNOCKOFF_LABELS, a, s++, studentEpochs(a, sc), ql,
                        new RecipeParameter.QueryDistribution(OutOfDistribution.TRANSFORMED)),
                new ZooMember(Family.JBDA, b, s++, studentEpochs(b, sc), sc.smallQueries()),
                new ZooMember(Family.EXTRACT_ADVERSARIAL, a, s, studentEpochs(a, sc), sc.adversarialImages(),
                        new RecipeParameter.Epsilon(ADVERSARIAL_EPSILON)));
    }

    private static Trainer.Config studentEpochs(Architecture a, Scale sc) {
        if (sc.mlpEpochs() < 5) {
            return new Trainer.Config(a.kind().convolutional() ? 1 : sc.mlpEpochs(), 64, 1e-3, 0);
        }
        return epochs(a, sc.mlpEpochs());
    }

    // CNNs learn in fewer epochs and cost ten times more per image; batch norm learns faster still
    private static Trainer.Config epochs(Architecture a, int mlpEpochs) {
        int e = switch (a.kind()) {
            case MLP -> mlpEpochs;
            case CNN -> Math.max(2, (mlpEpochs + 1) / 2);
            case CNNBN -> Math.max(2, (mlpEpochs + 1) / 3);
            case SOFTMAX_REGRESSION -> mlpEpochs;
        };
        return new Trainer.Config(e, 64, 1e-3, 0);
    }
}
