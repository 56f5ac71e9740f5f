/**
 * Typed parameters, declared once: configuration records whose components carry
 * {@link io.modelprint.config.Param}, from which {@link io.modelprint.config.Parameters} derives
 * each parameter's name, default, validation, provenance entry and help text (as Tribuo derives
 * provenance from its {@code @Config} fields). Beside the pipeline: every stage's configuration
 * uses it; it uses nothing of modelprint.
 *
 * <pre>{@code
 * Parameters p = Parameters.of("scheme ipguard", BoundaryQueries.Config.defaults());
 * BoundaryQueries.Config c = p.read(Map.of("steps", "300")).get(BoundaryQueries.Config.class);
 * }</pre>
 */
package io.modelprint.config;
