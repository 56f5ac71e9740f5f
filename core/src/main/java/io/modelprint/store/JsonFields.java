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
package io.modelprint.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Typed reads of a fingerprint document's fields. Every check throws
 * {@link IllegalArgumentException} naming the field and what was found; the reader turns it into
 * an {@code INVALID_CONTENT} {@link FingerprintFileException}.
 */
final class JsonFields {

    private JsonFields() {
    }

    static JsonNode object(JsonNode parent, String field) {
        JsonNode n = parent.get(field);
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("field '" + field + "' must be an object, got " + n);
        }
        return n;
    }

    static String text(JsonNode parent, String field) {
        JsonNode n = parent.get(field);
        if (n == null || !n.isTextual()) {
            throw new IllegalArgumentException("field '" + field + "' must be text, got " + n);
        }
        return n.asText();
    }

    // null in the file stands for a value the fingerprint did not have
    static String optionalText(JsonNode parent, String field) {
        JsonNode n = parent.get(field);
        return n != null && n.isNull() ? null : text(parent, field);
    }

    static long integer(JsonNode parent, String field) {
        JsonNode n = parent.get(field);
        if (n == null || !n.isIntegralNumber() || !n.canConvertToLong()) {
            throw new IllegalArgumentException("field '" + field + "' must be a 64-bit integer, got " + n);
        }
        return n.longValue();
    }

    static int positive(JsonNode n, String where) {
        if (n == null || !n.isIntegralNumber() || !n.canConvertToInt() || n.intValue() < 1) {
            throw new IllegalArgumentException(where + " must be a positive integer, got " + n);
        }
        return n.intValue();
    }

    static long nonNegative(long v, String where) {
        if (v < 0) {
            throw new IllegalArgumentException(where + " is negative: " + v);
        }
        return v;
    }

    /** An object whose every value is text, in file order. */
    static Map<String, String> strings(JsonNode parent, String field) {
        JsonNode n = object(parent, field);
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                throw new IllegalArgumentException(field + "." + e.getKey() + " must be text, got " + e.getValue());
            }
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }

    static byte[] base64(JsonNode parent, String field) {
        String s = text(parent, field);
        try {
            return Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field '" + field + "' is not valid base64: " + e.getMessage(), e);
        }
    }

    static void requireLength(String where, long actual, long expected, String encoding) {
        if (actual != expected) {
            throw new IllegalArgumentException(where + " holds " + actual + " bytes but the declared shape needs "
                    + expected + " (" + encoding + ")");
        }
    }
}
