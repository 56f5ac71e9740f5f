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
package io.modelprint.nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modelprint.kernel.KernelBackend;
import io.modelprint.kernel.Kernels;
import org.junit.jupiter.api.Test;

class Nd4jKernelsTest {

    @Test
    void theNd4jBackendIsChosenWhenOnTheClassPath() {
        KernelBackend k = Kernels.backend();
        // nd4j-cpu by default, nd4j-cuda when built with -Pcuda on a machine with a GPU
        assertEquals(Nd4jRuntime.backendName(), k.name());
        assertEquals(2, Kernels.available().size());
        assertEquals("java", Kernels.named("java").name());
    }
}
