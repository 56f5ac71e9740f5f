package io.modelprint.benchmarks.detection;

import java.util.Locale;

/**
 * The framework a benchmark zoo was trained with, and so how its models reach the benchmark:
 * DL4J networks through {@code Dl4jModel}, PyTorch exports through {@code OnnxModel}, as a user's
 * model files do.
 *
 * <pre>{@code
 * if (member.framework() == Framework.PYTORCH) { ... an ONNX file ... }
 * }</pre>
 */
public enum Framework {
    /** DL4J zoos ({@code modelprint-zoo}). */
    DL4J,
    /** PyTorch zoos exported to ONNX ({@code benchmarks/pytorch/zoo.py}). */
    PYTORCH;

    /** A lower-case name for tables and files. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
