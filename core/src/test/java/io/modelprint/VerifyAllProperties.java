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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** {@code verifyAll}: the same verdicts as one {@code verify} per suspect, in order, failures kept apart. */
class VerifyAllProperties {

    private static final LabeledImages OWNER = TestModels.data(300, 10, 42);
    private static final Model VICTIM = TestModels.linear("victim", 10, 1, OutputKind.LOGITS);
    private static final FingerprintVerifier VERIFIER = FingerprintVerifier.using("sac-m").ownerData(OWNER)
            .selfCalibrate(false).build();
    private static final VictimFingerprint FP = VERIFIER.fingerprint(VICTIM);

    private static Model broken(int i) {
        return Models.of("broken-" + i, TestModels.SHAPE, 10, OutputKind.LOGITS, b -> {
            throw new IllegalStateException("the API of suspect " + i + " is down");
        });
    }

    private static Model suspect(int i) {
        return TestModels.perturbed("suspect-" + i, 10, 1, 0.05 + 0.2 * (i % 5), i, OutputKind.LOGITS);
    }

    @Property(tries = 15)
    void sameVerdictsAsOneVerifyEachInOrderWithFailuresInTheirPlace(
            @ForAll @Size(min = 1, max = 7) List<Boolean> fails, @ForAll @IntRange(min = 1, max = 4) int parallelism) {
        List<Model> suspects = new ArrayList<>();
        for (int i = 0; i < fails.size(); i++) {
            suspects.add(fails.get(i) ? broken(i) : suspect(i));
        }
        SuspectVerdicts all = VERIFIER.verifyAll(FP, suspects, parallelism);
        assertEquals(suspects.size(), all.entries().size());
        assertEquals(Math.min(parallelism, suspects.size()), all.parallelism());
        for (int i = 0; i < suspects.size(); i++) {
            SuspectVerdicts.Entry e = all.entries().get(i);
            assertEquals(i, e.index());
            assertEquals(suspects.get(i).name(), e.suspect());
            if (fails.get(i)) {
                assertTrue(e.failed());
                assertTrue(e.failure().orElseThrow().getMessage().contains("the API of suspect " + i + " is down"),
                        e.failure().orElseThrow().getMessage());
            } else {
                Verdict alone = VERIFIER.verify(FP, suspects.get(i));
                Verdict v = e.verdict().orElseThrow();
                assertEquals(alone.distance(), v.distance());
                assertEquals(alone.outcome(), v.outcome());
            }
        }
        assertEquals(fails.stream().filter(f -> f).count(), all.failures().size());
        assertEquals(fails.stream().filter(f -> !f).count(), all.verdicts().size());
    }

    @Test
    void progressCountsEverySuspectUpToTheTotal() {
        AtomicLong last = new AtomicLong();
        AtomicLong calls = new AtomicLong();
        FingerprintVerifier v = FingerprintVerifier.forFingerprint(FP).progress((task, done, total) -> {
            if (task.equals("verifying suspects")) {
                assertEquals(5, total);
                assertTrue(done > last.get(), "progress only moves forward");
                last.set(done);
                calls.incrementAndGet();
            }
        }).build();
        SuspectVerdicts all = v.verifyAll(FP, List.of(suspect(0), broken(1), suspect(2), suspect(3), VICTIM), 3);
        assertEquals(5, calls.get());
        assertEquals(5, last.get());
        assertTrue(all.anyStolen(), "the victim itself is among the suspects");
        assertFalse(all.entries().get(4).failed());
    }

    @Test
    void aParallelismBelowOneIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> VERIFIER.verifyAll(FP, List.of(VICTIM), 0));
        assertTrue(e.getMessage().contains("at least 1"), e.getMessage());
        assertTrue(VERIFIER.verifyAll(FP, List.of()).entries().isEmpty());
    }
}
