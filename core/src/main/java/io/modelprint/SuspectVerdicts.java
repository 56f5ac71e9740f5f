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

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The verdicts for many suspects checked against one victim fingerprint
 * ({@link FingerprintVerifier#verifyAll(VictimFingerprint, List, int)}): one entry per suspect, in
 * the order given, holding either its verdict or the failure that stopped it. One suspect that
 * fails (an API that is down, a file that does not load) does not lose the others' verdicts.
 *
 * <pre>{@code
 * SuspectVerdicts all = verifier.verifyAll(fingerprint, suspects, 2);
 * for (SuspectVerdicts.Entry e : all.entries()) {
 *     e.verdict().ifPresentOrElse(v -> LOG.info("{}: {}", e.suspect(), v.explanation()),
 *             () -> LOG.warn("{} failed: {}", e.suspect(), e.failure().orElseThrow().getMessage()));
 * }
 * }</pre>
 *
 * @param entries     one per suspect, in the order the suspects were given
 * @param parallelism how many suspects were verified at once
 * @param elapsed     wall-clock time of the whole call
 */
public record SuspectVerdicts(List<Entry> entries, int parallelism, Duration elapsed) {

    /**
     * One suspect's result: its verdict, or the failure that stopped it (exactly one is present).
     *
     * <pre>{@code
     * if (entry.failed()) { retryLater(suspects.get(entry.index())); }
     * }</pre>
     *
     * @param index   the suspect's position in the list given
     * @param suspect the suspect's name
     * @param verdict its verdict, empty if it failed
     * @param failure why it failed, empty if it has a verdict
     */
    public record Entry(int index, String suspect, Optional<Verdict> verdict, Optional<Exception> failure) {

        /** Checks that exactly one of verdict and failure is present. */
        public Entry {
            Objects.requireNonNull(verdict, "verdict");
            Objects.requireNonNull(failure, "failure");
            if (verdict.isPresent() == failure.isPresent()) {
                throw new IllegalArgumentException("an entry holds a verdict or a failure, exactly one; suspect " + suspect);
            }
        }

        /** Whether this suspect failed. */
        public boolean failed() {
            return failure.isPresent();
        }
    }

    /** Freezes the entries. */
    public SuspectVerdicts {
        entries = List.copyOf(entries);
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism is at least 1, got " + parallelism);
        }
        elapsed = elapsed == null ? Duration.ZERO : elapsed;
    }

    /** The verdicts of the suspects that did not fail, in order. */
    public List<Verdict> verdicts() {
        return entries.stream().flatMap(e -> e.verdict().stream()).toList();
    }

    /** The entries of the suspects that failed, in order. */
    public List<Entry> failures() {
        return entries.stream().filter(Entry::failed).toList();
    }

    /** Whether any suspect was judged stolen. */
    public boolean anyStolen() {
        return entries.stream().anyMatch(e -> e.verdict().map(Verdict::stolen).orElse(false));
    }
}
