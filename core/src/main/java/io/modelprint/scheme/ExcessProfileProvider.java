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
package io.modelprint.scheme;

import io.modelprint.fingerprint.CombinedFingerprint;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code excess-profile}: {@code akh-excess} and {@code error-profile} on one query set, the
 * victim's first 300 mistakes among the owner's samples and its first 200 correct ones, which the
 * suspect is asked once. A verifier with references (given, or trained on half of the owner data)
 * calibrates the two parts one by one, each for a suspect of its own accuracy on the controls, and
 * calls the suspect stolen when either part does: akh-excess compares labels (students extracted
 * from labels, label-only APIs), error-profile how the suspect's probabilities lean on the
 * victim's mistakes (fine-tuned and pruned copies, students distilled from probabilities). On a
 * label-only suspect only akh-excess decides.
 *
 * <p>Parameters: those of {@link CombinedProvider} with {@code schemes = akh-excess,error-profile},
 * {@code shared-queries = true}, {@code akh-excess.queries = 500} and
 * {@code akh-excess.controls = 200}; the components' other parameters may be given with their
 * prefix ({@code error-profile.mistakes}), as long as both still choose the same samples.
 *
 * <pre>{@code
 * FingerprintScheme<?> s = Schemes.create("excess-profile");
 * Verdict v = FingerprintVerifier.using(s).ownerData(testImages).build().verify(victim, suspect);
 * }</pre>
 */
public final class ExcessProfileProvider extends AbstractSchemeProvider {

    /** The scheme's name. */
    public static final String NAME = "excess-profile";

    private static final List<String> COMPONENTS = List.of("akh-excess", "error-profile");

    /** What this scheme fixes of {@link CombinedProvider}'s parameters. */
    static final Map<String, String> PRESET = Map.of("schemes", String.join(",", COMPONENTS),
            "shared-queries", "true", "akh-excess.queries", "500", "akh-excess.controls", "200");

    /** The provider, as {@code ServiceLoader} makes it. */
    public ExcessProfileProvider() {
        super(NAME, "akh-excess and error-profile on the same 500 queries, each calibrated on its own: stolen when "
                + "either finds the suspect close");
    }

    @Override
    public Map<String, String> defaults() {
        return CombinedProvider.defaultsFor(COMPONENTS, PRESET);
    }

    @Override
    public String help() {
        return "akh-excess.<parameter>, error-profile.<parameter>: a component's own parameter; fixed: " + PRESET;
    }

    @Override
    public FingerprintScheme<CombinedFingerprint> create(SchemeInputs inputs) {
        inputs.requireNoModels(NAME);
        Map<String, String> p = new LinkedHashMap<>(PRESET);
        for (Map.Entry<String, String> e : inputs.parameters().entrySet()) {
            String fixed = PRESET.get(e.getKey());
            boolean own = e.getKey().equals("schemes") || e.getKey().equals("shared-queries");
            if (own && !canonical(e.getKey(), e.getValue()).equals(fixed)) {
                throw new IllegalArgumentException("scheme " + NAME + " fixes " + e.getKey() + " = " + fixed + ", got '"
                        + e.getValue() + "': use the combined scheme for other combinations");
            }
            p.put(e.getKey(), e.getValue());
        }
        return CombinedProvider.combine(NAME, SchemeInputs.of(p));
    }

    private static String canonical(String key, String value) {
        return key.equals("schemes") ? String.join(",", new CombinedProvider.Components(value).names())
                : value.trim().toLowerCase(java.util.Locale.ROOT);
    }
}
