/**
 * Runnable examples of the whole pipeline: {@link io.modelprint.examples.QuickStart} (train a
 * victim, steal it, verify with every scheme) and {@link io.modelprint.examples.DemoModels} (the
 * command line's demo models), with {@link io.modelprint.examples.ConsoleProgress} drawing
 * progress bars. Not published.
 *
 * <pre>
 * mvn -q -pl examples -am compile exec:java
 * </pre>
 */
package io.modelprint.examples;
