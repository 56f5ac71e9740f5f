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

/**
 * How two L2-normalised output rows are turned into one entry of a correlation matrix.
 *
 * <p>Both functions depend only on the cosine {@code g = <a, b>} of the two unit rows, which is
 * what lets a kernel compute a whole matrix from one Gram product.
 *
 * <ul>
 *   <li>{@link #cosine()}: {@code (1 - g) / 2}, in [0, 1], zero on the diagonal. SAC's reference
 *       default.</li>
 *   <li>{@link #gaussian(double)}: {@code exp(-gamma * ||a - b||^2) = exp(-gamma * (2 - 2g))},
 *       in (0, 1], one on the diagonal. SAC's commented alternative, with gamma = 1.</li>
 * </ul>
 *
 * <pre>{@code
 * CorrelationFunction f = CorrelationFunction.gaussian(1.0);
 * double c = f.apply(0.5); // exp(-1)
 * }</pre>
 *
 * @param kind  which function
 * @param gamma the Gaussian width; 0 for the cosine function
 */
public record CorrelationFunction(Kind kind, double gamma) {

    /**
     * The two supported shapes.
     *
     * <pre>{@code
     * if (f.kind() == CorrelationFunction.Kind.GAUSSIAN) { ... f.gamma() ... }
     * }</pre>
     */
    public enum Kind {
        /** {@code (1 - cos) / 2}. */
        COSINE,
        /** {@code exp(-gamma * ||a - b||^2)} on unit rows. */
        GAUSSIAN
    }

    private static final CorrelationFunction COSINE = new CorrelationFunction(Kind.COSINE, 0);

    /** Validates gamma. */
    public CorrelationFunction {
        if (kind == null) {
            throw new IllegalArgumentException("correlation kind is null");
        }
        if (kind == Kind.GAUSSIAN && !(gamma > 0 && Double.isFinite(gamma))) {
            throw new IllegalArgumentException("Gaussian correlation needs a finite gamma > 0, got " + gamma);
        }
        if (kind == Kind.COSINE && gamma != 0) {
            throw new IllegalArgumentException("the cosine correlation takes no gamma, got " + gamma);
        }
    }

    /** {@code (1 - cos) / 2}. */
    public static CorrelationFunction cosine() {
        return COSINE;
    }

    /** {@code exp(-gamma * ||a - b||^2)} on unit rows. */
    public static CorrelationFunction gaussian(double gamma) {
        return new CorrelationFunction(Kind.GAUSSIAN, gamma);
    }

    /**
     * The correlation of two unit rows whose dot product is {@code dot}. The dot product is
     * clamped to [-1, 1] first, because rounding can push it just outside.
     */
    public double apply(double dot) {
        double g = dot > 1 ? 1 : (dot < -1 ? -1 : dot);
        return kind == Kind.COSINE ? (1 - g) * 0.5 : Math.exp(-gamma * (2 - 2 * g));
    }

    /** The value on the diagonal (a row with itself). */
    public double diagonal() {
        return apply(1.0);
    }

    /** A short name for reports: {@code cosine} or {@code gaussian(1.0)}. */
    public String label() {
        return kind == Kind.COSINE ? "cosine" : "gaussian(" + gamma + ")";
    }
}
