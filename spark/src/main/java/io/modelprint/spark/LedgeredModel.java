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

import io.modelprint.ImageBatch;
import io.modelprint.ImageShape;
import io.modelprint.Model;
import io.modelprint.ModelException;
import io.modelprint.OutputKind;
import io.modelprint.Predictions;
import io.modelprint.http.HttpModel;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An HTTP suspect seen through the {@link QueryLedger}: answers already bought for a query set
 * are read back instead of bought again, new answers are stored as soon as they arrive, and the
 * query count is what the answers cost, so a verdict says the same whichever attempt made it.
 */
final class LedgeredModel implements Model, AutoCloseable {

    private final HttpModel api;
    private final SuspectSpec spec;
    private final QueryLedger ledger;
    private final QueryLedger.Grant grant;
    private final long budget;
    private final AtomicLong cost = new AtomicLong();

    LedgeredModel(HttpModel api, SuspectSpec spec, QueryLedger ledger, QueryLedger.Grant grant, long budget) {
        this.api = api;
        this.budget = budget;
        this.spec = spec;
        this.ledger = ledger;
        this.grant = grant;
    }

    @Override
    public String name() {
        return api.name();
    }

    @Override
    public ImageShape inputShape() {
        return api.inputShape();
    }

    @Override
    public int numClasses() {
        return api.numClasses();
    }

    @Override
    public OutputKind outputKind() {
        return api.outputKind();
    }

    @Override
    public Predictions predict(ImageBatch batch) {
        String hash = batch.sha256();
        Optional<QueryLedger.StoredAnswers> stored = ledger.answers(spec, hash);
        if (stored.isPresent()) {
            cost.addAndGet(stored.get().cost());
            return stored.get().answers();
        }
        if (grant.images() == 0) {
            throw new ModelException("suspect " + spec.suspect() + ": its query budget of " + budget
                    + " images is spent or held by earlier attempts of this screening (" + ledger + "), and "
                    + batch.count() + " more are needed; raise its budget, or remove the ledger entries of attempts "
                    + "known to have sent nothing");
        }
        long before = api.imagesSent();
        Predictions answers = api.predict(batch);
        long spent = api.imagesSent() - before;
        ledger.storeAnswers(spec, hash, answers, spent);
        cost.addAndGet(spent);
        return answers;
    }

    @Override
    public long queryCount() {
        return cost.get();
    }

    /** Writes what this attempt sent into the ledger, releasing the rest of its grant. */
    @Override
    public void close() {
        ledger.close(grant, api.imagesSent());
    }
}
