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
package io.modelprint.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.OutputKind;
import io.modelprint.Predictions;
import io.modelprint.kernel.Matrix;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ledger on its own: grants never pass the budget, however many attempts race for them. */
class QueryLedgerTest {

    @TempDir
    Path dir;

    private static final SuspectSpec API = SuspectSpec.of("api", "https://api.example/predict");

    @Test
    void openGrantsStayChargedAndClosedOnesChargeWhatTheySpent() {
        QueryLedger ledger = new QueryLedger(dir.toString());
        QueryLedger.Grant a = ledger.grant(API, 1000, 400, "a", 0);
        assertEquals(400, a.images());
        assertEquals(400, ledger.charged(API));
        ledger.close(a, 150);
        assertEquals(150, ledger.charged(API));
        QueryLedger.Grant b = ledger.grant(API, 1000, 2000, "b", 0);
        assertEquals(850, b.images(), "what is left of the budget, not what was asked");
        QueryLedger.Grant c = ledger.grant(API, 1000, 10, "c", 0);
        assertEquals(0, c.images(), "b is open: it holds the rest");
        assertEquals(1000, ledger.charged(API));
        assertEquals(0, ledger.charged(SuspectSpec.of("other", "https://other.example/p")));
    }

    @Test
    void racingAttemptsNeverShareMoreThanTheBudget() throws Exception {
        QueryLedger ledger = new QueryLedger(dir.toString());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<QueryLedger.Grant>> grants = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                String name = "attempt-" + i;
                grants.add(pool.submit(() -> ledger.grant(API, 500, 70, name, 0)));
            }
            long total = 0;
            for (Future<QueryLedger.Grant> g : grants) {
                total += g.get().images();
            }
            assertEquals(500, total, "24 attempts asking for 70 each share exactly the budget of 500");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRetryWaitsOneRateIntervalAfterAnOpenAttempt() {
        QueryLedger ledger = new QueryLedger(dir.toString());
        ledger.grant(API, 1000, 10, "dead", 0);
        long t0 = System.nanoTime();
        ledger.grant(API, 1000, 10, "retry", 4);   // 4 requests per second: 250 ms apart
        assertTrue(System.nanoTime() - t0 >= 240_000_000L, "the retry must not start sooner than 1 / rate");
    }

    @Test
    void storedAnswersReadBackBitForBit() throws IOException {
        Predictions scores = Predictions.ofScores(OutputKind.LOGITS, Matrix.of(2, 3, new float[] {1.5f, -2f, 0f, 3f, 1e-7f, -0f}));
        Predictions labels = Predictions.ofLabels(new int[] {2, 0, 1}, 3);
        for (Predictions p : List.of(scores, labels)) {
            QueryLedger.StoredAnswers back = QueryLedger.decode(new ByteArrayInputStream(QueryLedger.encode(p, 77)), "test");
            assertEquals(p, back.answers());
            assertEquals(77, back.cost());
        }
        QueryLedger ledger = new QueryLedger(dir.toString());
        ledger.storeAnswers(API, "abc", scores, 6);
        assertEquals(scores, ledger.answers(API, "abc").orElseThrow().answers());
        assertTrue(ledger.answers(API, "abd").isEmpty());
    }
}
