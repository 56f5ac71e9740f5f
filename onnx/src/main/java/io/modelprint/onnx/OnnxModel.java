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
package io.modelprint.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.modelprint.AbstractModel;
import io.modelprint.ImageBatch;
import io.modelprint.ImageShape;
import io.modelprint.Model;
import io.modelprint.ModelException;
import io.modelprint.OutputKind;
import io.modelprint.Predictions;
import io.modelprint.kernel.Matrix;
import io.modelprint.onnx.Preprocessing.Layout;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An ONNX file (exported from PyTorch, TensorFlow, scikit-learn, ...) as a {@link Model},
 * run by ONNX Runtime on the CPU, or on an NVIDIA GPU with {@link ExecutionProvider#CUDA}
 * ({@link Builder#executionProvider}; falls back to the CPU, with the reason logged).
 *
 * <p>Loading reads the model's input: its name, its layout and image shape (from the file where
 * its dimensions are fixed, otherwise from {@link Builder#inputShape}), and a fixed batch size if
 * it has one (smaller batches are padded). Inputs of rank 4 ({@code [N, C, H, W]} or
 * {@code [N, H, W, C]}) and flattened inputs of rank 2 ({@code [N, C*H*W]}) are accepted. Images
 * are transformed by the declared {@link Preprocessing} first. The output is the model's first
 * output unless {@link Builder#output} names another; it must hold one row of class scores per
 * image.
 *
 * <p>Whether the model answers logits or probabilities is declared with
 * {@link Builder#outputKind}, or, if not declared, found by probing: when the outputs for a few
 * probe images (black, grey and noise) are all non-negative and sum to 1, the model is taken
 * to answer probabilities, otherwise logits. The probe images are not counted as queries.
 *
 * <pre>{@code
 * try (OnnxModel suspect = OnnxModel.load(Path.of("resnet.onnx"))) {            // NCHW, [0, 1] inputs
 *     Verdict v = verifier.verify(fingerprint, suspect);
 * }
 * OnnxModel keras = OnnxModel.builder(Path.of("keras.onnx"))
 *         .preprocessing(Preprocessing.of(255, new double[] {0}, new double[] {1}, Preprocessing.Layout.NHWC))
 *         .outputKind(OutputKind.PROBABILITIES)
 *         .build();
 * }</pre>
 */
public final class OnnxModel extends AbstractModel implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OnnxModel.class);
    private static final double PROBE_TOLERANCE = 1e-3;

    private final OrtEnvironment env;
    private final OrtSession session;
    private final String inputName;
    private final String outputName;
    private final Preprocessing preprocessing;
    private final long[] inputDims;
    private final int fixedBatch;
    private final ExecutionProvider executionProvider;

    private OnnxModel(String name, Loaded l, int numClasses, OutputKind kind, ExecutionProvider executionProvider) {
        super(name, l.shape, numClasses, kind);
        this.env = l.env;
        this.session = l.session;
        this.inputName = l.inputName;
        this.outputName = l.outputName;
        this.preprocessing = l.preprocessing;
        this.inputDims = l.inputDims;
        this.fixedBatch = l.fixedBatch;
        this.executionProvider = executionProvider;
        if (fixedBatch > 0) {
            withBatchSize(fixedBatch);
        }
    }

    /**
     * The ONNX file with no preprocessing (NCHW, pixels in [0, 1]) and its output kind found by
     * probing; see {@link #builder(Path)} for the rest.
     *
     * @throws IllegalArgumentException if the file is missing or not a usable image classifier;
     *                                  the message says what to declare
     */
    public static OnnxModel load(Path file) {
        return builder(file).build();
    }

    /** A builder for the model in {@code file}. */
    public static Builder builder(Path file) {
        return new Builder(file);
    }

    /** The name of the model's image input. */
    public String inputName() {
        return inputName;
    }

    /** The name of the output read as class scores. */
    public String outputName() {
        return outputName;
    }

    /** Where ONNX Runtime runs this model: the provider asked for, or the CPU if that one could not be used. */
    public ExecutionProvider executionProvider() {
        return executionProvider;
    }

    /** How images are transformed before the model sees them. */
    public Preprocessing preprocessing() {
        return preprocessing;
    }

    @Override
    protected Predictions answer(ImageBatch batch) {
        float[][] rows = run(session, env, inputName, outputName, inputDims, preprocessing, inputShape(), batch,
                fixedBatch, name());
        int n = batch.count();
        float[] flat = new float[n * numClasses()];
        for (int i = 0; i < n; i++) {
            if (rows[i].length != numClasses()) {
                throw new ModelException("ONNX model " + name() + " answered " + rows[i].length + " values for image "
                        + i + " but declares " + numClasses() + " classes");
            }
            System.arraycopy(rows[i], 0, flat, i * numClasses(), numClasses());
        }
        Matrix scores = Matrix.of(n, numClasses(), flat);
        if (outputKind() == OutputKind.LABELS) {
            return Predictions.ofScores(OutputKind.LOGITS, scores).toLabels();
        }
        return Predictions.ofScores(outputKind(), scores);
    }

    private static float[][] run(OrtSession session, OrtEnvironment env, String inputName, String outputName,
                                 long[] inputDims, Preprocessing pre, ImageShape shape, ImageBatch batch,
                                 int fixedBatch, String name) {
        int n = batch.count();
        int rows = fixedBatch > 0 ? fixedBatch : n;
        float[] x = pre.apply(batch.pixels(), n, shape.channels(), shape.height(), shape.width());
        if (rows > n) {
            x = Arrays.copyOf(x, rows * shape.size());   // a fixed-batch model: pad with zeros, ignore their rows
        }
        long[] dims = inputDims.clone();
        dims[0] = rows;
        try (OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(x), dims);
             OrtSession.Result result = session.run(Map.of(inputName, input))) {
            OnnxValue out = result.get(outputName).orElseThrow(() -> new ModelException("ONNX model " + name
                    + " gave no output named " + outputName));
            if (!(out instanceof OnnxTensor t) || t.getInfo().type != OnnxJavaType.FLOAT) {
                throw new ModelException("ONNX model " + name + ": output " + outputName + " is " + out.getInfo()
                        + ", expected a float tensor of class scores");
            }
            long[] oshape = t.getInfo().getShape();
            if (oshape.length < 1 || oshape[0] != rows) {
                throw new ModelException("ONNX model " + name + ": output " + outputName + " has shape "
                        + Arrays.toString(oshape) + " for a batch of " + rows + ": expected one row per image");
            }
            FloatBuffer fb = t.getFloatBuffer();
            int per = fb.remaining() / rows;
            float[][] out2 = new float[n][per];
            for (int i = 0; i < n; i++) {
                fb.get(i * per, out2[i]);
            }
            return out2;
        } catch (OrtException e) {
            throw new ModelException("ONNX Runtime failed on model " + name + " with a batch of " + n + " images: "
                    + e.getMessage(), e);
        }
    }

    /** Releases ONNX Runtime's session. */
    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            LOG.warn("closing ONNX model {} failed: {}", name(), e.getMessage());
        }
    }

    private static OrtEnvironment environment;

    /**
     * ONNX Runtime's environment, created once. Its native library is loaded on a thread with a
     * 16 MB stack: loaded on a default 1 MB thread stack (as Java's main thread has) next to a long
     * class path (ND4J's), it was seen to crash the JVM with a segmentation fault.
     */
    static synchronized OrtEnvironment environment() {
        if (environment == null) {
            OrtEnvironment[] made = new OrtEnvironment[1];
            RuntimeException[] failed = new RuntimeException[1];
            Thread loader = new Thread(null, () -> {
                try {
                    made[0] = OrtEnvironment.getEnvironment();
                } catch (RuntimeException | LinkageError e) {
                    failed[0] = new IllegalStateException("ONNX Runtime cannot start on this machine: " + e, e);
                }
            }, "onnxruntime-loader", 16L << 20);
            loader.start();
            try {
                loader.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while loading ONNX Runtime", e);
            }
            if (failed[0] != null) {
                throw failed[0];
            }
            environment = made[0];
        }
        return environment;
    }

    private record Loaded(OrtEnvironment env, OrtSession session, String inputName, String outputName,
                          ImageShape shape, Preprocessing preprocessing, long[] inputDims, int fixedBatch) {
    }

    /**
     * Configures an {@link OnnxModel}. Nothing is required: declare what the file cannot say
     * (the preprocessing, and the input shape where its dimensions are dynamic or flattened).
     *
     * <pre>{@code
     * OnnxModel m = OnnxModel.builder(Path.of("model.onnx"))
     *         .inputShape(new ImageShape(1, 28, 28)).outputKind(OutputKind.LOGITS).name("suspect")
     *         .build();
     * }</pre>
     */
    public static final class Builder {
        private final Path file;
        private String name;
        private Preprocessing preprocessing = Preprocessing.none();
        private ImageShape shape;
        private OutputKind kind;
        private String output;
        private int threads;
        private ExecutionProvider provider;
        private int cudaDevice;

        private Builder(Path file) {
            this.file = file;
        }

        /** A name for logs and verdicts; default the file name. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** How pixels in [0, 1] become the model's input; default none, NCHW. */
        public Builder preprocessing(Preprocessing preprocessing) {
            this.preprocessing = Objects.requireNonNull(preprocessing, "preprocessing");
            return this;
        }

        /** The image shape, needed when the model's input dimensions are dynamic or flattened. */
        public Builder inputShape(ImageShape shape) {
            this.shape = shape;
            return this;
        }

        /** What the model answers; default found by probing (see {@link OnnxModel}). */
        public Builder outputKind(OutputKind kind) {
            this.kind = kind;
            return this;
        }

        /** The output to read, by name; default the first. */
        public Builder output(String name) {
            this.output = name;
            return this;
        }

        /** Threads ONNX Runtime may use for one batch; default its own choice. */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, got " + threads);
            }
            this.threads = threads;
            return this;
        }

        /**
         * Where ONNX Runtime runs the model; default {@link ExecutionProvider#fromSystemProperty()}
         * ({@code -Dmodelprint.onnx.provider=cuda}, else the CPU). When CUDA cannot be used (the CPU
         * artifact of ONNX Runtime, no GPU, no CUDA libraries), the model runs on the CPU and the
         * reason is logged at WARN; {@link OnnxModel#executionProvider()} says which ran.
         */
        public Builder executionProvider(ExecutionProvider provider) {
            this.provider = Objects.requireNonNull(provider, "provider");
            return this;
        }

        /** The GPU the CUDA provider uses, by CUDA device number; default 0. */
        public Builder cudaDevice(int device) {
            if (device < 0) {
                throw new IllegalArgumentException("a CUDA device number is 0 or more, got " + device);
            }
            this.cudaDevice = device;
            return this;
        }

        /**
         * Loads the model.
         *
         * @throws IllegalArgumentException if the file is missing, not ONNX, or its input or output
         *                                  does not fit an image classifier; the message says what to declare
         */
        public OnnxModel build() {
            if (file == null || !Files.isRegularFile(file)) {
                throw new IllegalArgumentException("no ONNX file at " + file);
            }
            String modelName = name != null ? name : file.getFileName().toString();
            OrtEnvironment env = environment();
            ExecutionProvider wanted = provider != null ? provider : ExecutionProvider.fromSystemProperty();
            OrtSession session = null;
            ExecutionProvider used = ExecutionProvider.CPU;
            if (wanted == ExecutionProvider.CUDA) {
                try (OrtSession.SessionOptions options = options()) {
                    options.addCUDA(cudaDevice);
                    session = env.createSession(file.toString(), options);
                    used = ExecutionProvider.CUDA;
                } catch (OrtException | RuntimeException | LinkageError e) {
                    LOG.warn("ONNX model {}: the CUDA execution provider cannot run it ({}), so it runs on the CPU; "
                            + "CUDA needs com.microsoft.onnxruntime:onnxruntime_gpu instead of onnxruntime, CUDA 12 "
                            + "and cuDNN 9 libraries, and a GPU (device {})", modelName, e.getMessage(), cudaDevice);
                }
            }
            if (session == null) {
                try (OrtSession.SessionOptions options = options()) {
                    session = env.createSession(file.toString(), options);
                } catch (OrtException e) {
                    throw new IllegalArgumentException("ONNX Runtime cannot load " + file + ": " + e.getMessage()
                            + "; check that it is an ONNX model file", e);
                }
            }
            try {
                Loaded l = inspect(env, session, modelName);
                int classes = classes(l, modelName);
                OutputKind k = kind != null ? kind : probe(l, modelName);
                return new OnnxModel(modelName, l, classes, k, used);
            } catch (RuntimeException e) {
                try {
                    session.close();
                } catch (OrtException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
        }

        private OrtSession.SessionOptions options() throws OrtException {
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            if (threads > 0) {
                options.setIntraOpNumThreads(threads);
            }
            return options;
        }

        private Loaded inspect(OrtEnvironment env, OrtSession session, String modelName) {
            try {
                Map<String, NodeInfo> inputs = session.getInputInfo();
                if (inputs.size() != 1) {
                    throw new IllegalArgumentException("ONNX model " + modelName + " has " + inputs.size()
                            + " inputs " + inputs.keySet() + "; only models with one image input are supported");
                }
                NodeInfo in = inputs.values().iterator().next();
                if (!(in.getInfo() instanceof TensorInfo ti) || ti.type != OnnxJavaType.FLOAT) {
                    throw new IllegalArgumentException("ONNX model " + modelName + ": input " + in.getName() + " is "
                            + in.getInfo() + "; only float32 image tensors are supported");
                }
                long[] dims = ti.getShape();
                ImageShape s = imageShape(dims, modelName, in.getName());
                preprocessing.checkChannels(s.channels());
                long batch = dims[0];
                int fixed = batch > 0 ? Math.toIntExact(batch) : 0;
                Map<String, NodeInfo> outputs = session.getOutputInfo();
                String out = output != null ? output : outputs.keySet().iterator().next();
                if (!outputs.containsKey(out)) {
                    throw new IllegalArgumentException("ONNX model " + modelName + " has no output named " + out
                            + "; its outputs are " + outputs.keySet());
                }
                LOG.debug("ONNX model {}: input {} {} as {} ({}), output {}", modelName, in.getName(),
                        Arrays.toString(dims), s, preprocessing, out);
                return new Loaded(env, session, in.getName(), out, s, preprocessing, dims, fixed);
            } catch (OrtException e) {
                throw new IllegalArgumentException("ONNX Runtime cannot describe model " + modelName + ": "
                        + e.getMessage(), e);
            }
        }

        private ImageShape imageShape(long[] dims, String modelName, String input) {
            String where = "ONNX model " + modelName + ": input " + input + " " + Arrays.toString(dims);
            if (dims.length == 2) {
                if (shape == null) {
                    throw new IllegalArgumentException(where + " takes flattened images: declare their shape with "
                            + "inputShape(new ImageShape(channels, height, width))");
                }
                if (dims[1] > 0 && dims[1] != shape.size()) {
                    throw new IllegalArgumentException(where + " takes " + dims[1] + " values per image but the "
                            + "declared shape " + shape + " has " + shape.size());
                }
                return shape;
            }
            if (dims.length != 4) {
                throw new IllegalArgumentException(where + " has rank " + dims.length
                        + "; image inputs of rank 4 (NCHW or NHWC) or 2 (flattened) are supported");
            }
            boolean nchw = preprocessing.layout() == Layout.NCHW;
            long c = nchw ? dims[1] : dims[3];
            long h = nchw ? dims[2] : dims[1];
            long w = nchw ? dims[3] : dims[2];
            if (c > 0 && h > 0 && w > 0) {
                ImageShape fromFile = new ImageShape((int) c, (int) h, (int) w);
                if (shape != null && !shape.equals(fromFile)) {
                    throw new IllegalArgumentException(where + " read as " + preprocessing.layout() + " takes images of "
                            + fromFile + " but " + shape + " was declared: fix the declared shape or the layout");
                }
                return fromFile;
            }
            if (shape == null) {
                throw new IllegalArgumentException(where + " has dynamic image dimensions: declare the shape with "
                        + "inputShape(new ImageShape(channels, height, width))");
            }
            return shape;
        }

        private int classes(Loaded l, String modelName) throws IllegalArgumentException {
            try {
                NodeInfo out = l.session.getOutputInfo().get(l.outputName);
                if (out.getInfo() instanceof TensorInfo ti) {
                    long[] d = ti.getShape();
                    long product = 1;
                    for (int i = 1; i < d.length; i++) {
                        product = d[i] > 0 ? product * d[i] : -1;
                        if (product < 0) {
                            break;
                        }
                    }
                    if (d.length >= 2 && product > 0) {
                        return checkClasses(Math.toIntExact(product), modelName);
                    }
                }
            } catch (OrtException e) {
                throw new IllegalArgumentException("ONNX Runtime cannot describe the outputs of " + modelName, e);
            }
            // dynamic class dimension: ask the model
            return checkClasses(probeRows(l, modelName)[0].length, modelName);
        }

        private static int checkClasses(int classes, String modelName) {
            if (classes < 2) {
                throw new IllegalArgumentException("ONNX model " + modelName + " answers " + classes
                        + " value per image; a classifier answers at least 2 class scores");
            }
            return classes;
        }

        private float[][] probeRows(Loaded l, String modelName) {
            int per = l.shape.size();
            float[] px = new float[3 * per];
            SplittableRandom rng = new SplittableRandom(1);
            for (int i = 0; i < per; i++) {
                px[per + i] = 0.5f;
                px[2 * per + i] = (float) rng.nextDouble();
            }
            ImageBatch probes = ImageBatch.of(l.shape, px);
            if (l.fixedBatch > 0 && l.fixedBatch < 3) {
                probes = probes.slice(0, l.fixedBatch);
            }
            return run(l.session, l.env, l.inputName, l.outputName, l.inputDims, l.preprocessing, l.shape, probes,
                    l.fixedBatch, modelName);
        }

        private OutputKind probe(Loaded l, String modelName) {
            for (float[] row : probeRows(l, modelName)) {
                double sum = 0;
                for (float v : row) {
                    if (!(v >= 0)) {
                        LOG.info("ONNX model {}: negative outputs on probe images, so it answers logits "
                                + "(declare outputKind(...) to override)", modelName);
                        return OutputKind.LOGITS;
                    }
                    sum += v;
                }
                if (Math.abs(sum - 1) > PROBE_TOLERANCE) {
                    LOG.info("ONNX model {}: outputs on probe images sum to {}, not 1, so it answers logits "
                            + "(declare outputKind(...) to override)", modelName, sum);
                    return OutputKind.LOGITS;
                }
            }
            LOG.info("ONNX model {}: outputs on probe images sum to 1, so it answers probabilities "
                    + "(declare outputKind(...) to override)", modelName);
            return OutputKind.PROBABILITIES;
        }
    }
}
