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
        environment = OrtEnvironment.getEnvironment();
        try (var options = new OrtSession.SessionOptions();
                var modelStream = resource(model);
                var tokenizerStream = resource(tokenizerFile)) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            session = environment.createSession(modelStream.readAllBytes(), options);
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

    /** The CLS vector (not normalised) of the encoded text. */
    float[] encode(Encoding encoding) {
        return encode(List.of(encoding))[0];
    }

    private float[][] encode(List<Encoding> batch) {
        var rows = batch.size();
        var width = batch.stream().mapToInt(e -> e.getIds().length).max().orElse(0);
        var ids = new long[rows * width];
        var mask = new long[rows * width];
        var types = new long[rows * width];
        for (var r = 0; r < rows; r++) {
            var encoding = batch.get(r);
            System.arraycopy(encoding.getIds(), 0, ids, r * width, encoding.getIds().length);
            System.arraycopy(encoding.getAttentionMask(), 0, mask, r * width, encoding.getAttentionMask().length);
            System.arraycopy(encoding.getTypeIds(), 0, types, r * width, encoding.getTypeIds().length);
        }
        long[] shape = {rows, width};
        try (var idTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
                var maskTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
                var typeTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(types), shape)) {
            var inputs = typeIds
                    ? Map.of("input_ids", idTensor, "attention_mask", maskTensor, "token_type_ids", typeTensor)
                    : Map.of("input_ids", idTensor, "attention_mask", maskTensor);
            try (var result = session.run(inputs)) {
                var hidden = (float[][][]) result.get(0).getValue();
                var out = new float[rows][];
                for (var r = 0; r < rows; r++) {
                    out[r] = hidden[r][0];
                }
                return out;
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
