package org.studyloop.search.embedding;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.util.List;
import java.util.Map;

/**
 * A BERT bi-encoder run by ONNX Runtime, pooled as its model was trained (CLS for bge, the mean for
 * MiniLM: {@link EmbeddingModel}), with the session
 * options that LangChain4j's {@code OnnxBertBiEncoder} leaves at their defaults: one intra-op
 * thread per call and no spinning, since the callers already run one call per core and ONNX
 * Runtime's default (a spinning pool of one thread per core in every call) oversubscribes two
 * cores; texts are truncated to the model's positions ({@link EmbeddingModel#maxTokens}) (none of the bundled
 * chunks is that long) instead of cut into windows, decoded and encoded again, and averaged.
 *
 * <p>The graph run is the exported one rewritten by {@link EncoderGraph}: biases where ONNX
 * Runtime fuses them, and the last layer for the pooled position alone.
 *
 * <p>One text per call: batching texts padded to the longest was slower per CPU-second on this
 * int8 model, and not neutral — its dynamic quantisation takes each activation's scale over the
 * whole batch, so a passage's vector would depend on its neighbours in the batch (bench/README.md,
 * "Search").
 */
final class BertEncoder implements AutoCloseable {

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final boolean typeIds;
    private final EmbeddingModel.Pooling pooling;

    BertEncoder(EmbeddingModel model) {
        this(model, true);
    }

    /** @param rewrite whether to run {@link EncoderGraph}'s cheaper graph (tests compare the two) */
    BertEncoder(EmbeddingModel embeddingModel, boolean rewrite) {
        var model = embeddingModel.fileName() + ".onnx";
        var tokenizerFile = embeddingModel.fileName() + "-tokenizer.json";
        pooling = embeddingModel.pooling();
        environment = OrtEnvironment.getEnvironment();
        try (var options = new OrtSession.SessionOptions();
                var modelStream = resource(model);
                var tokenizerStream = resource(tokenizerFile)) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            var bytes = modelStream.readAllBytes();
            session = environment.createSession(
                    rewrite
                            ? EncoderGraph.rewrite(bytes, pooling == EmbeddingModel.Pooling.CLS)
                                    .model()
                            : bytes,
                    options);
            typeIds = session.getInputNames().contains("token_type_ids");
            tokenizer = HuggingFaceTokenizer.newInstance(
                    tokenizerStream,
                    Map.of(
                            "padding",
                            "false",
                            "truncation",
                            "true",
                            "maxLength",
                            String.valueOf(embeddingModel.maxTokens())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the embedding model " + model, e);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load the embedding model " + model, e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        var stream = BertEncoder.class.getClassLoader().getResourceAsStream(name);
        if (stream == null) {
            throw new IOException(name + " is not on the class path");
        }
        return stream;
    }

    /** The texts' token ids, truncated, special tokens included. */
    Encoding[] tokenize(List<String> texts) {
        return tokenizer.batchEncode(texts);
    }

    /** The pooled vector (not normalised) of the encoded text. */
    float[] encode(Encoding encoding) {
        long[] shape = {1, encoding.getIds().length};
        try (var ids = OnnxTensor.createTensor(environment, LongBuffer.wrap(encoding.getIds()), shape);
                var mask = OnnxTensor.createTensor(environment, LongBuffer.wrap(encoding.getAttentionMask()), shape);
                var types = OnnxTensor.createTensor(environment, LongBuffer.wrap(encoding.getTypeIds()), shape)) {
            var inputs = typeIds
                    ? Map.of("input_ids", ids, "attention_mask", mask, "token_type_ids", types)
                    : Map.of("input_ids", ids, "attention_mask", mask);
            try (var result = session.run(inputs)) {
                var states = ((float[][][]) result.get(0).getValue())[0];
                return pooling == EmbeddingModel.Pooling.CLS ? states[0] : mean(states);
            }
        } catch (OrtException e) {
            throw new IllegalStateException("the embedding model failed", e);
        }
    }

    /** Every position's state counts: one text per call, so none is padding. */
    private static float[] mean(float[][] states) {
        var mean = new float[states[0].length];
        for (var state : states) {
            for (var d = 0; d < mean.length; d++) {
                mean[d] += state[d];
            }
        }
        for (var d = 0; d < mean.length; d++) {
            mean[d] /= states.length;
        }
        return mean;
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("cannot close the embedding model", e);
        }
        tokenizer.close();
    }
}
