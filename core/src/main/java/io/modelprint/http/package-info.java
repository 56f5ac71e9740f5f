/**
 * Suspects behind a remote prediction API: {@link io.modelprint.http.HttpModel}, a
 * {@link io.modelprint.Model} that the pipeline queries like any other, built from a transport,
 * a retry policy, a rate limiter and a query budget, speaking a
 * {@link io.modelprint.http.JsonContract}. Uses the API only.
 *
 * <pre>{@code
 * HttpModel api = HttpModel.builder(URI.create("https://api.example.com/v1/predict"))
 *         .inputShape(new ImageShape(1, 28, 28)).numClasses(10).outputKind(OutputKind.PROBABILITIES).build();
 * }</pre>
 */
package io.modelprint.http;
