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

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The version of modelprint on the class path, recorded in every fingerprint.
 *
 * <pre>{@code
 * String v = LibraryVersion.get();   // 0.1.0-SNAPSHOT
 * }</pre>
 */
public final class LibraryVersion {

    private static final String VERSION = read();

    private LibraryVersion() {
    }

    /** The version, such as {@code 0.1.0}, or {@code unknown} when run from unpackaged sources without filtering. */
    public static String get() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = LibraryVersion.class.getResourceAsStream("/io/modelprint/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
