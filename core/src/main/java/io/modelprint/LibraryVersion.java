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
