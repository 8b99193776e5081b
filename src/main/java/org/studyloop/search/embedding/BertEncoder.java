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
 * A BERT bi-encoder run by ONNX Runtime, CLS-pooled (as bge models are trained), with the session
 * options that LangChain4j's {@code OnnxBertBiEncoder} leaves at their defaults: one intra-op
 * thread per call and no spinning, since the callers already run one call per core and ONNX
 * Runtime's default (a spinning pool of one thread per core in every call) oversubscribes two
 * cores; texts are truncated to the model's {@value #MAX_TOKENS} positions (none of the bundled
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

    /** bge-small-en-v1.5's position embeddings: 512, special tokens included. */
    static final int MAX_TOKENS = 512;

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final boolean typeIds;

    BertEncoder(String model, String tokenizerFile) {
        this(model, tokenizerFile, true);
    }

    /** @param rewrite whether to run {@link EncoderGraph}'s cheaper graph (tests compare the two) */
    BertEncoder(String model, String tokenizerFile, boolean rewrite) {
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
                    rewrite ? EncoderGraph.rewrite(bytes).model() : bytes, options);
            typeIds = session.getInputNames().contains("token_type_ids");
            tokenizer = HuggingFaceTokenizer.newInstance(
                    tokenizerStream,
                    Map.of("padding", "false", "truncation", "true", "maxLength", String.valueOf(MAX_TOKENS)));
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

    /** The CLS vector (not normalised) of the encoded text: the first position's hidden state. */
    float[] encode(Encoding encoding) {
        long[] shape = {1, encoding.getIds().length};
        try (var ids = OnnxTensor.createTensor(environment, LongBuffer.wrap(encoding.getIds()), shape);
                var mask = OnnxTensor.createTensor(environment, LongBuffer.wrap(encoding.getAttentionMask()), shape);
                var types = OnnxTensor.createTensor(environment, LongBuffer.wrap(encoding.getTypeIds()), shape)) {
            var inputs = typeIds
                    ? Map.of("input_ids", ids, "attention_mask", mask, "token_type_ids", types)
                    : Map.of("input_ids", ids, "attention_mask", mask);
            try (var result = session.run(inputs)) {
                return ((float[][][]) result.get(0).getValue())[0][0];
            }
        } catch (OrtException e) {
            throw new IllegalStateException("the embedding model failed", e);
        }
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
