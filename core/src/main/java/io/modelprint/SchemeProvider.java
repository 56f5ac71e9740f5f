package io.modelprint;

import java.util.Map;

/**
 * Makes one named scheme from its parameters. Schemes are found with
 * {@link java.util.ServiceLoader} ({@code META-INF/services/io.modelprint.SchemeProvider}), so a
 * stored fingerprint can name its scheme and be verified without the caller knowing the class,
 * and third parties can add schemes.
 */
public interface SchemeProvider {

    /** The scheme's name, such as {@code sac-m}. */
    String name();

    /** One line on what it does and when to use it. */
    String description();

    /** The parameters it accepts, with their default values. */
    Map<String, String> defaults();

    /**
     * The scheme with {@code parameters}; missing ones take their defaults.
     *
     * @throws IllegalArgumentException on an unknown parameter or a bad value, naming it and the
     *                                  accepted ones
     */
    FingerprintScheme<?> create(Map<String, String> parameters);
}
