/**
 * The {@code modelprint} command line ({@link io.modelprint.examples.cli.ModelprintCli}, picocli):
 * {@code fingerprint} runs the pipeline's first two stages on a victim model file and stores the
 * result, {@code verify} runs the rest on a suspect (file or HTTP API), {@code serve} puts a model
 * file behind the standard HTTP contract.
 *
 * <pre>
 * bin/modelprint fingerprint --model victim.zip --scheme sac-m --out victim.fp.json
 * bin/modelprint verify --fingerprint victim.fp.json --suspect suspect.onnx
 * </pre>
 */
package io.modelprint.examples.cli;
