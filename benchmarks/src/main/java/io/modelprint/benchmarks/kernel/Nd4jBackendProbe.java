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
package io.modelprint.benchmarks.kernel;

import io.modelprint.nd4j.Nd4jRuntime;

/**
 * Says which ND4J backend loads here: prints {@code nd4j-cuda} or {@code nd4j-cpu} (or why ND4J did
 * not load) and exits 0 only for CUDA, so that {@code benchmarks/gpu-check.sh} runs the kernel
 * suite's GPU rows only where ND4J's CUDA build loads.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.modelprint.benchmarks.kernel.Nd4jBackendProbe
 * </pre>
 */
public final class Nd4jBackendProbe {

    private Nd4jBackendProbe() {
    }

    /** Prints the backend; exit code 0 for CUDA, 1 for the CPU, 2 if ND4J does not load. */
    public static void main(String[] args) {
        String name;
        try {
            name = Nd4jRuntime.backendName();
        } catch (RuntimeException | LinkageError e) {
            System.out.println("ND4J does not load: " + e);
            System.exit(2);
            return;
        }
        System.out.println(name);
        System.exit("nd4j-cuda".equals(name) ? 0 : 1);
    }
}
