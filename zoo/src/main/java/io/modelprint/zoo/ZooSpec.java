package io.modelprint.zoo;

import io.modelprint.dl4j.Architecture;
import io.modelprint.dl4j.Trainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a benchmark zoo holds: the victim and every member, in two sizes and two variants.
 *
 * <p>{@link #smoke} has 2 models per stolen family and 4 independent ones on small data, for a
 * run of minutes; {@link #full} has 5 per family, 12 independent models over six architectures,
 * 2 twins and 5 independent models of the transfer task. The {@code TEST} variant uses disjoint
 * seeds and one student architecture ({@code mlp-384-128}) that the {@code DEV} variant never
 * uses, so that choices tuned on one can be checked on the other.
 *
 * <pre>{@code
 * ZooSpec spec = ZooSpec.full(ZooSpec.Variant.TEST);
 * List<ZooMember> pruned = spec.members(Family.PRUNE);
 * }</pre>
 *
 * @param name           a name for the cache directory and reports, such as {@code full-dev}
 * @param victim         the victim's architecture
 * @param victimTraining the victim's training settings
 * @param ownerImages    how many owner images the victim is trained on
 * @param members        the other models
 */
public record ZooSpec(String name, Architecture victim, Trainer.Config victimTraining, int ownerImages,
                      List<ZooMember> members) {

    /**
     * Dev and test zoos: same recipes, disjoint seeds, one unseen student architecture in test.
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
    }

    /** Validates. */
    public ZooSpec {
        members = List.copyOf(members);
        if (ownerImages < 1) {
            throw new IllegalArgumentException("the victim needs training images, got " + ownerImages);
        }
    }

    /** The small zoo: minutes on 2 cores. */
    public static ZooSpec smoke(Variant variant) {
        return build("smoke-" + variant.name().toLowerCase(Locale.ROOT), variant, 2, 1, 4000, 3000,
                new Trainer.Config(4, 64, 1e-3, variant.seedBase + 1));
    }

    /** The full zoo: about an hour on 2 cores. */
    public static ZooSpec full(Variant variant) {
        return build("full-" + variant.name().toLowerCase(Locale.ROOT), variant, 5, 2, 30000, 20000,
                new Trainer.Config(4, 64, 1e-3, variant.seedBase + 1));
    }

    /**
     * The owner's side of a zoo: models the owner trains on its own data, with its own seeds, to
     * choose and calibrate queries. Surrogates (its own stolen copies of the victim: one per attack
     * family, two label students) and references (independent models of four architectures on its
     * data, the victim's own among them). Build it with the owner's data as the "attacker" data:
     * {@code new ZooData(owner, owner, test)}.
     */
    public static ZooSpec owner(Variant variant, boolean full) {
        ZooSpec attackers = full ? full(variant) : smoke(variant);
        return new ZooSpec(attackers.name().replace("-", "-owner-"), attackers.victim(), attackers.victimTraining(),
                attackers.ownerImages(), ownerMembers(attackers.victim(), full ? 10000 : 3000, variant.seedBase + 500));
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

    /** Members by family. */
    public List<ZooMember> members(Family family) {
        return members.stream().filter(m -> m.family() == family).toList();
    }

    private static ZooSpec build(String name, Variant variant, int perFamily, int independentSeeds, int ownerImages,
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
        return new ZooSpec(name, victim, victimTraining, ownerImages, m);
    }

    // CNNs learn in fewer epochs and cost ten times more per image
    private static Trainer.Config epochs(Architecture a, int mlpEpochs) {
        int e = a.kind() == Architecture.Kind.CNN ? Math.max(2, (mlpEpochs + 1) / 2) : mlpEpochs;
        return new Trainer.Config(e, 64, 1e-3, 0);
    }
}
