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
