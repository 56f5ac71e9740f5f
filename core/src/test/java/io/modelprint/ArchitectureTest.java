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
package io.modelprint;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.Set;

/**
 * The rooms of modelprint-core and the arrows between them, checked on the class files:
 * <ul>
 *   <li>the pipeline's stages point one way: the API, then {@code query}, {@code fingerprint},
 *       {@code verifier}, {@code scheme}, {@code calibration}, {@code inference} (Dataset Inference, a
 *       verifier of its own), then the facade; a stage never uses
 *       a later one, and the infrastructure beside the pipeline ({@code kernel}, {@code config},
 *       {@code http}, {@code data}, and {@code evasion}, the suspect's side) uses only the API and the
 *       leaves; {@code store} also reads a
 *       stored provenance back through the scheme registry ({@code scheme} and what it uses), to
 *       hold it to the stored query set, and nothing of the pipeline uses {@code store};</li>
 *   <li>a package of one scheme's own parts (a sub-package of a stage, such as
 *       {@code query.sac}, or a package named for a scheme) never uses another scheme's;</li>
 *   <li>packages form no loop. The facade, {@link FingerprintVerifier}, sits in the root package
 *       beside the value types but counts as a room of its own: it uses {@code scheme} and
 *       {@code calibration}, and they use only the value types, never the facade.</li>
 * </ul>
 */
@AnalyzeClasses(packages = "io.modelprint", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String ROOT = "io.modelprint";

    /** The packages that are stages or infrastructure; any other package is one scheme's own. */
    private static final Set<String> ROOMS = Set.of("query", "fingerprint", "verifier", "scheme", "calibration",
            "inference", "kernel", "config", "store", "http", "data", "evasion");

    private static final DescribedPredicate<JavaClass> FACADE = DescribedPredicate.describe("the facade",
            c -> c.getName().equals(ROOT + ".FingerprintVerifier") || c.getName().startsWith(ROOT + ".FingerprintVerifier$"));

    private static final DescribedPredicate<JavaClass> API = DescribedPredicate.describe("the API and value types",
            c -> c.getPackageName().equals(ROOT) && !FACADE.test(c));

    @ArchTest
    static final ArchRule STAGES_POINT_ONE_WAY = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("API").definedBy(API)
            .layer("Query").definedBy(ROOT + ".query..")
            .layer("Fingerprint").definedBy(ROOT + ".fingerprint..")
            .layer("Verifier").definedBy(ROOT + ".verifier..")
            .layer("Scheme").definedBy(ROOT + ".scheme..")
            .layer("Calibration").definedBy(ROOT + ".calibration..")
            .layer("Inference").definedBy(ROOT + ".inference..")
            .layer("Facade").definedBy(FACADE)
            .layer("Kernel").definedBy(ROOT + ".kernel..")
            .layer("Config").definedBy(ROOT + ".config..")
            .layer("Store").definedBy(ROOT + ".store..")
            .layer("Http").definedBy(ROOT + ".http..")
            .layer("Data").definedBy(ROOT + ".data..")
            .layer("Evasion").definedBy(ROOT + ".evasion..")
            .whereLayer("Kernel").mayNotAccessAnyLayer()
            .whereLayer("Config").mayNotAccessAnyLayer()
            .whereLayer("API").mayOnlyAccessLayers("Kernel", "Config")
            .whereLayer("Query").mayOnlyAccessLayers("API", "Kernel", "Config")
            .whereLayer("Fingerprint").mayOnlyAccessLayers("Query", "API", "Kernel", "Config")
            .whereLayer("Verifier").mayOnlyAccessLayers("Fingerprint", "Query", "API", "Kernel", "Config")
            .whereLayer("Scheme").mayOnlyAccessLayers("Verifier", "Fingerprint", "Query", "API", "Kernel", "Config")
            .whereLayer("Calibration").mayOnlyAccessLayers("Scheme", "Verifier", "Fingerprint", "Query", "API", "Kernel",
                    "Config")
            .whereLayer("Inference").mayOnlyAccessLayers("Calibration", "Scheme", "Verifier", "Fingerprint", "Query", "API",
                    "Kernel", "Config")
            .whereLayer("Facade").mayOnlyAccessLayers("Inference", "Calibration", "Scheme", "Verifier", "Fingerprint", "Query", "API",
                    "Kernel", "Config")
            .whereLayer("Store").mayOnlyAccessLayers("Scheme", "Verifier", "Fingerprint", "Query", "API", "Kernel", "Config")
            .whereLayer("Http").mayOnlyAccessLayers("API", "Kernel", "Config")
            .whereLayer("Data").mayOnlyAccessLayers("API", "Kernel", "Config")
            .whereLayer("Evasion").mayOnlyAccessLayers("API", "Kernel");

    /** One slice per scheme that has packages of its own; every other class is left out. */
    private static final SliceAssignment SCHEME_PACKAGES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass c) {
            String pkg = c.getPackageName();
            if (!pkg.startsWith(ROOT + ".")) {
                return SliceIdentifier.ignore();
            }
            String[] parts = pkg.substring(ROOT.length() + 1).split("\\.");
            if (!ROOMS.contains(parts[0])) {
                return SliceIdentifier.of("scheme " + parts[0]);
            }
            return parts.length > 1 ? SliceIdentifier.of("scheme " + parts[1]) : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "the packages of one scheme's own parts";
        }
    };

    @ArchTest
    static final ArchRule NO_SCHEME_USES_ANOTHER_SCHEMES_PARTS = slices().assignedFrom(SCHEME_PACKAGES)
            .should().notDependOnEachOther().allowEmptyShould(true);

    /** Every package a slice, except that the facade is a slice apart from the root package's value types. */
    private static final SliceAssignment PACKAGES_WITH_THE_FACADE_APART = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass c) {
            if (!c.getPackageName().startsWith(ROOT)) {
                return SliceIdentifier.ignore();
            }
            return SliceIdentifier.of(FACADE.test(c) ? "the facade" : c.getPackageName());
        }

        @Override
        public String getDescription() {
            return "packages, the facade apart";
        }
    };

    @ArchTest
    static final ArchRule NO_PACKAGE_LOOPS = slices().assignedFrom(PACKAGES_WITH_THE_FACADE_APART).should()
            .beFreeOfCycles();
}
