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
package io.modelprint.verifier;

import io.modelprint.Verifier;
import io.modelprint.fingerprint.CorrelationFingerprint;
import io.modelprint.kernel.KernelBackend;
import io.modelprint.kernel.Kernels;

/**
 * SAC's distance: the mean absolute difference of the two correlation matrices over all
 * {@code N^2} entries, diagonal included (not a Frobenius norm). Computed by the kernel backend
 * straight from the outputs, without building the matrices where the backend can.
 *
 * <p>In [0, 1] for both correlation functions; 0 for identical fingerprints.
 *
 * <pre>{@code
 * double d = new MeanAbsoluteDifference().distance(victimPrint, suspectPrint);
 * }</pre>
 */
public final class MeanAbsoluteDifference implements Verifier<CorrelationFingerprint> {

    private final KernelBackend kernels;

    /** A distance on the current kernel backend ({@link Kernels#backend()}). */
    public MeanAbsoluteDifference() {
        this(null);
    }

    /** A distance on {@code kernels}, or on the current backend when null. */
    public MeanAbsoluteDifference(KernelBackend kernels) {
        this.kernels = kernels;
    }

    @Override
    public String name() {
        return "mean-absolute-difference";
    }

    @Override
    public double distance(CorrelationFingerprint victim, CorrelationFingerprint suspect) {
        Verifier.checkComparable(victim, suspect);
        if (!victim.correlation().equals(suspect.correlation())) {
            throw new IllegalArgumentException("cannot compare a " + victim.correlation().label()
                    + " correlation with a " + suspect.correlation().label() + " one");
        }
        KernelBackend k = kernels != null ? kernels : Kernels.backend();
        return k.fusedDistance(victim.outputs(), suspect.outputs(), victim.correlation());
    }
}
