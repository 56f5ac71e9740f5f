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

import java.io.Serializable;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One suspect to screen: where it is, what kind of model it is, and how to open it. A row of the
 * suspects table ({@link SuspectScreening#SUSPECT_SCHEMA}) holds the same four fields.
 *
 * <p>Options, all optional, by kind:
 * <ul>
 *   <li>every kind: {@code shape} ({@code CxHxW}, such as {@code 1x28x28}), {@code output}
 *       ({@code logits}, {@code probabilities} or {@code labels});</li>
 *   <li>ONNX: {@code scale}, {@code mean}, {@code std} (one value or one per channel, comma
 *       separated), {@code layout} ({@code NCHW} or {@code NHWC}), {@code threads} (ONNX Runtime
 *       intra-op threads, default 1: Spark already runs one task per core);</li>
 *   <li>HTTP: {@code budget} (images, retries included, over every victim and every Spark task
 *       attempt), {@code rate} (requests per second), {@code timeout} (read timeout, seconds),
 *       {@code overall-timeout} (seconds per batch), {@code retries}, {@code batch} (images per
 *       request), {@code classes} (default: the fingerprints' class count), {@code contract}
 *       ({@code standard}, or the name of a class implementing
 *       {@link io.modelprint.http.JsonContract} with a public no-argument constructor), and
 *       {@code header.NAME} for each header to send.</li>
 * </ul>
 *
 * <pre>{@code
 * SuspectSpec onnx = SuspectSpec.of("upload-1041", "hdfs:///uploads/1041/model.onnx");
 * SuspectSpec api = new SuspectSpec("acme-api", "https://api.acme.example/predict", SuspectSpec.Kind.HTTP,
 *         Map.of("budget", "2000", "rate", "5", "header.Authorization", "Bearer " + token));
 * }</pre>
 *
 * @param suspect  the suspect's name in the verdict table (unique in one screening)
 * @param location a file path or URI (ONNX, DL4J) or an {@code http(s)://} URL (HTTP)
 * @param kind     what the location holds
 * @param options  how to open it (see above); unknown keys are refused
 */
public record SuspectSpec(String suspect, String location, Kind kind, Map<String, String> options)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * What a suspect's location holds.
     *
     * <pre>{@code
     * SuspectSpec.Kind k = SuspectSpec.Kind.infer("models/a.onnx");   // ONNX
     * }</pre>
     */
    public enum Kind {
        /** An ONNX file, run with ONNX Runtime on the CPU. */
        ONNX,
        /** A DL4J model zip ({@code ModelSerializer}); needs modelprint-nd4j on the class path. */
        DL4J,
        /** A prediction API speaking a JSON contract over HTTP. */
        HTTP;

        /** The kind a location names: {@code http(s)://} is HTTP, {@code .onnx} is ONNX, anything else DL4J. */
        public static Kind infer(String location) {
            String l = location.toLowerCase(Locale.ROOT);
            if (l.startsWith("http://") || l.startsWith("https://")) {
                return HTTP;
            }
            return l.endsWith(".onnx") ? ONNX : DL4J;
        }

        /**
         * The kind named {@code name} (any case), or the one {@code location} implies when
         * {@code name} is null or blank.
         *
         * @throws IllegalArgumentException for any other name, naming the three kinds
         */
        public static Kind parse(String name, String location) {
            if (name == null || name.isBlank()) {
                return infer(location);
            }
            try {
                return valueOf(name.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("suspect kind '" + name + "' for " + location
                        + " is not onnx, dl4j or http (or leave it empty to infer it from the location)", e);
            }
        }
    }

    /** Validates and freezes; options are kept sorted so that equal specs print alike. */
    public SuspectSpec {
        if (suspect == null || suspect.isBlank()) {
            throw new IllegalArgumentException("a suspect needs a non-blank name (location " + location + ")");
        }
        if (location == null || location.isBlank()) {
            throw new IllegalArgumentException("suspect " + suspect + " needs a location: a file path, a URI or an "
                    + "http(s):// URL");
        }
        Objects.requireNonNull(kind, "kind");
        options = Collections.unmodifiableMap(new TreeMap<>(options == null ? Map.of() : options));
    }

    /** A suspect whose kind is inferred from its location, with no options. */
    public static SuspectSpec of(String suspect, String location) {
        return new SuspectSpec(suspect, location, Kind.infer(location), Map.of());
    }
}
