package org.studyloop.search.embedding;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Passages and queries as unit vectors of 384 dimensions, from the configured {@link
 * EmbeddingModel} (by default sentence-transformers' all-MiniLM-L6-v2), quantised to int8, run
 * in-process by ONNX Runtime ({@link BertEncoder}) from the files of LangChain4j's in-process
 * artifacts: nothing is downloaded at run time. As the model card asks for retrieval, queries get the model's
 * instruction prefix, if it has one, and passages none.
 */
public class Embedder implements AutoCloseable {

    public static final int DIMENSIONS = 384;

    private final EmbeddingModel model;
    private final ExecutorService threads;
    private final BertEncoder encoder;
    private final Cache<String, float[]> queries =
            Caffeine.newBuilder().maximumSize(10_000).build();

    public Embedder(EmbeddingModel model) {
        this.model = model;
        // The tokenizer's native library comes from a jar on the class path; DJL must never look
        // for a newer one on the internet.
        System.setProperty("ai.djl.offline", "true");
        // One call of the network per core, each on one thread (BertEncoder's session options).
        threads = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()), r -> {
            var thread = new Thread(r, "embedder");
            thread.setDaemon(true);
            return thread;
        });
        encoder = new BertEncoder(model);
    }

    public EmbeddingModel model() {
        return model;
    }

    /** The passages' vectors, in order, each of unit length. */
    public List<float[]> passages(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        var calls = Arrays.stream(encoder.tokenize(texts))
                .map(encoding -> CompletableFuture.supplyAsync(() -> unit(encoder.encode(encoding)), threads))
                .toList();
        return calls.stream().map(CompletableFuture::join).toList();
    }

    /** The query's vector, of unit length; repeated queries come from a cache. */
    public float[] query(String text) {
        return queries.get(text.strip(), this::embedQuery);
    }

    /** The query's vector computed afresh, for latency measurements. */
    public float[] queryUncached(String text) {
        return embedQuery(text.strip());
    }

    private float[] embedQuery(String text) {
        return unit(encoder.encode(encoder.tokenize(List.of(model.queryPrefix() + text))[0]));
    }

    /** Forgets the cached query vectors. */
    public void forgetQueries() {
        queries.invalidateAll();
    }

    /** The vector scaled to unit length (a new array). */
    public static float[] unit(float[] vector) {
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
        encoder.close();
    }
}
