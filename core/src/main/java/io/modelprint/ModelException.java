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
package io.modelprint;

/**
 * A model failed to answer, or answered something that cannot be used: NaN outputs, the wrong
 * number of rows or classes, a remote API that timed out or sent garbage.
 *
 * <p>The message names the model, what was expected and what came back.
 *
 * <pre>{@code
 * try {
 *     verifier.verify(fingerprint, api);
 * } catch (ModelException e) {
 *     LOG.warn("the suspect could not be checked: {}", e.getMessage());
 * }
 * }</pre>
 */
public class ModelException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A failure with a message that says what went wrong and what to do. */
    public ModelException(String message) {
        super(message);
    }

    /** A failure caused by {@code cause}. */
    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
