package org.studyloop.search.indexing;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.studyloop.search.embedding.Embedder;
import org.studyloop.search.index.Chunk;
import org.studyloop.search.index.SearchIndex;

/** The vectors of chunks to index: the index's own where the embedded text is unchanged, else the model's. */
public final class ChunkVectors {

    /**
     * Chunks per call of the embedder (which runs one text per core at a time): enough to keep
     * both cores busy, few enough for a progress bar.
     */
    static final int EMBEDDING_BATCH = 256;

    private final Embedder embedder;
    private final SearchIndex index;
    private final AtomicLong embedded = new AtomicLong();
    private final BooleanSupplier stopping;

    /** @param stopping true once the application is shutting down: no further batch is started */
    public ChunkVectors(Embedder embedder, SearchIndex index, BooleanSupplier stopping) {
        this.embedder = embedder;
        this.index = index;
        this.stopping = stopping;
    }

    /** Chunks that went through the embedding model so far. */
    long embedded() {
        return embedded.get();
    }

    /**
     * The chunks with their vectors: the index's own for passages whose embedded text is
     * unchanged (a course republished for one edited lesson embeds that lesson again, not the
     * course), the model's for the rest, in batches, each distinct text once (hints such as "Check
     * the sign." recur across items; the bundled courses repeat 22 of 1,309 passages' texts).
     */
    public List<Chunk> of(List<Chunk> chunks, int before, IntConsumer progress) {
        var keys = chunks.stream().map(Chunk::embeddingKey).toList();
        var vectors = new HashMap<>(index.vectors(Set.copyOf(keys)));
        var missing = new LinkedHashMap<String, String>();
        for (var i = 0; i < chunks.size(); i++) {
            if (!vectors.containsKey(keys.get(i))) {
                missing.putIfAbsent(keys.get(i), chunks.get(i).embedded());
            }
        }
        var texts = List.copyOf(missing.entrySet());
        var reused = chunks.size() - texts.size();
        for (var from = 0; from < texts.size(); from += EMBEDDING_BATCH) {
            if (stopping.getAsBoolean()) {
                // Derived data: what is not indexed now, the next start's reconciliation indexes.
                throw new CancellationException("The application is stopping");
            }
            var batch = texts.subList(from, Math.min(texts.size(), from + EMBEDDING_BATCH));
            var computed =
                    embedder.passages(batch.stream().map(Map.Entry::getValue).toList());
            for (var i = 0; i < batch.size(); i++) {
                vectors.put(batch.get(i).getKey(), computed.get(i));
            }
            embedded.addAndGet(batch.size());
            progress.accept(before + reused + from + batch.size());
        }
        return IntStream.range(0, chunks.size())
                .mapToObj(i -> chunks.get(i).withVector(vectors.get(keys.get(i))))
                .toList();
    }
}
