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
package io.modelprint.onnx;

import java.util.Locale;

/**
 * Where ONNX Runtime runs a model: on the CPU, or on an NVIDIA GPU through its CUDA execution
 * provider. CUDA needs the {@code com.microsoft.onnxruntime:onnxruntime_gpu} artifact in place of
 * {@code onnxruntime} (same version; Linux x64 and Windows x64), CUDA 12 and cuDNN 9 on the
 * machine, and a GPU; where any is missing, {@link OnnxModel} falls back to the CPU and logs why.
 *
 * <pre>{@code
 * OnnxModel m = OnnxModel.builder(Path.of("suspect.onnx")).executionProvider(ExecutionProvider.CUDA).build();
 * LOG.info("running on {}", m.executionProvider());   // CPU if CUDA could not be used
 * }</pre>
 */
public enum ExecutionProvider {
    /** ONNX Runtime's default CPU provider. */
    CPU,
    /** ONNX Runtime's CUDA provider (GPU 0 unless {@link OnnxModel.Builder#cudaDevice(int)} says otherwise). */
    CUDA;

    /** The system property that sets the default provider for every {@link OnnxModel}: {@code cpu} or {@code cuda}. */
    public static final String PROPERTY = "modelprint.onnx.provider";

    /**
     * The provider named {@code name} ({@code cpu} or {@code cuda}, any case).
     *
     * @throws IllegalArgumentException for any other name
     */
    public static ExecutionProvider named(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown ONNX execution provider '" + name + "': give cpu or cuda", e);
        }
    }

    /** The default: {@value #PROPERTY} when set, else {@link #CPU}. */
    public static ExecutionProvider fromSystemProperty() {
        String value = System.getProperty(PROPERTY);
        return value == null || value.isBlank() ? CPU : named(value);
    }
}
