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
package io.modelprint.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fused distance over 50,000 queries and 10 classes fits in a 100 MB heap on every backend:
 * memory grows with N, not N squared (one 50,000 x 50,000 float matrix alone would be 10 GB).
 * Each backend runs {@link LargeDistanceRun} in a child JVM started with {@code -Xmx100m}.
 */
class LargeQuerySetTest {

    private static final Logger LOG = LoggerFactory.getLogger(LargeQuerySetTest.class);

    @Test
    void everyBackendComputesTheDistanceOf50000QueriesIn100MegabytesOfHeap() throws Exception {
        for (KernelBackend k : Kernels.available()) {
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            ProcessBuilder pb = new ProcessBuilder(List.of(java.toString(), "-Xmx100m",
                    "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", System.getProperty("java.class.path"),
                    LargeDistanceRun.class.getName(), "50000", "10", k.name()));
            pb.redirectErrorStream(true);
            // this checks memory, not speed: one native thread keeps ND4J from stalling on a busy machine
            pb.environment().put("OMP_NUM_THREADS", "1");
            String out = run(pb);
            assertEquals(true, out.contains("committed heap"), out);
            LOG.info("{}", out.strip());
        }
    }

    private static String run(ProcessBuilder pb) throws IOException, InterruptedException {
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), "the child JVM failed:\n" + out);
        return out;
    }
}
