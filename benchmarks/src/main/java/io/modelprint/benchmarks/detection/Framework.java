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
