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
import java.util.List;

/**
 * One victim of a {@link ZooSpec} and the models that belong to it alone: its stolen copies and
 * its twins (its architecture, data and recipe with other seeds).
 *
 * <pre>{@code
 * VictimSpec v = new VictimSpec("v-mlp", Architecture.mlp(512, 256), new Trainer.Config(10, 64, 1e-3, 2), 25_000, members);
 * String file = v.member().id() + ".zip";
 * }</pre>
 *
 * @param name         a short name for reports, such as {@code v-cnn}
 * @param architecture the victim's architecture
 * @param training     the victim's training settings (the seed initialises and shuffles it)
 * @param ownerImages  how many owner images it is trained on (the first ones)
 * @param members      its stolen copies and twins, in training order
 * @param defence      {@link RecipeParameter#NONE}, or {@link RecipeParameter.IniDefended} for a
 *                     victim trained with the InI defence
 */
public record VictimSpec(String name, Architecture architecture, Trainer.Config training, int ownerImages,
                         List<ZooMember> members, RecipeParameter defence) {

    /** Validates. */
    public VictimSpec {
        if (name == null || name.isBlank() || architecture == null || training == null || defence == null) {
            throw new IllegalArgumentException("a victim needs a name, an architecture, training settings and a "
                    + "defence (RecipeParameter.NONE for none)");
        }
        if (!Family.VICTIM.takes(defence)) {
            throw new IllegalArgumentException("victim " + name + ": a defence is RecipeParameter.NONE or IniDefended, got "
                    + defence);
        }
        if (ownerImages < 1) {
            throw new IllegalArgumentException("victim " + name + " needs training images, got " + ownerImages);
        }
        members = List.copyOf(members);
        for (ZooMember m : members) {
            if (m.family() == Family.VICTIM) {
                throw new IllegalArgumentException("victim " + name + " lists a victim among its members: " + m.id());
            }
        }
    }

    /** An undefended victim. */
    public VictimSpec(String name, Architecture architecture, Trainer.Config training, int ownerImages,
                      List<ZooMember> members) {
        this(name, architecture, training, ownerImages, members, RecipeParameter.NONE);
    }

    /** Whether it is trained with the InI defence. */
    public boolean defended() {
        return defence instanceof RecipeParameter.IniDefended;
    }

    /** The victim as a zoo member (its id names its file). */
    public ZooMember member() {
        return new ZooMember(Family.VICTIM, architecture, training.seed(), training, ownerImages, defence);
    }
}
