package org.studyloop.search.embedding;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.util.List;
import java.util.concurrent.Executors;
import org.springframework.stereotype.Component;

/**
 * Passages and queries as unit vectors, from BAAI's bge-small-en-v1.5 (Xiao et al., "C-Pack:
 * Packaged Resources To Advance General Chinese Embedding", 2023), 384 dimensions, quantised to
 * int8 and run in-process by ONNX Runtime through LangChain4j. The model is inside a Maven
 * artifact: nothing is downloaded at run time. As the model card asks for retrieval, queries get
 * the instruction prefix and passages none.
 */
@Component
public class Embedder implements AutoCloseable {

    /** The model card's query instruction for short-query-to-passage retrieval. */
    static final String QUERY_PREFIX = "Represent this sentence for searching relevant passages: ";

    public static final String MODEL = "bge-small-en-v1.5-q";
    public static final int DIMENSIONS = 384;

    private final java.util.concurrent.ExecutorService threads;
    private final EmbeddingModel model;
    private final Cache<String, float[]> queries =
            Caffeine.newBuilder().maximumSize(10_000).build();

    public Embedder() {
        // The model and the tokenizer's native library come from jars on the class path; DJL must
        // never look for a newer one on the internet.
        System.setProperty("ai.djl.offline", "true");
        // One thread per core: ONNX Runtime's own intra-op threads would oversubscribe two cores.
        threads = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()), r -> {
            var thread = new Thread(r, "embedder");
            thread.setDaemon(true);
            return thread;
        });
        model = new BgeSmallEnV15QuantizedEmbeddingModel(threads);
    }

    /** The passages' vectors, in order, each of unit length. */
    public List<float[]> passages(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        var segments = texts.stream().map(TextSegment::from).toList();
        return model.embedAll(segments).content().stream()
                .map(e -> unit(e.vector()))
                .toList();
    }

    /** The query's vector, of unit length; repeated queries come from a cache. */
    public float[] query(String text) {
        return queries.get(
                text.strip(), q -> unit(model.embed(QUERY_PREFIX + q).content().vector()));
    }

    /** The query's vector computed afresh, for latency measurements. */
    public float[] queryUncached(String text) {
        return unit(model.embed(QUERY_PREFIX + text.strip()).content().vector());
    }

    /** Forgets the cached query vectors. */
    public void forgetQueries() {
        queries.invalidateAll();
    }

    static float[] unit(float[] vector) {
        var norm = 0.0;
        for (var v : vector) {
            norm += v * v;
        }
        var scale = (float) (1 / Math.sqrt(norm == 0 ? 1 : norm));
        var out = new float[vector.length];
        for (var i = 0; i < vector.length; i++) {
            out[i] = vector[i] * scale;
        }
        return out;
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
