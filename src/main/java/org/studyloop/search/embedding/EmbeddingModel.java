package org.studyloop.search.embedding;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The in-process embedding models StudyLoop can run: the files of LangChain4j's quantised
 * in-process artifacts (model and tokenizer on the class path, nothing downloaded), each with how
 * its vectors are pooled and queried as its model card says, and the weight BM25 gets beside it
 * in the fusion. Both give 384 dimensions. Chosen by {@code STUDYLOOP_SEARCH_MODEL}; another model
 * means other vectors, so the index is rebuilt once when it changes.
 */
public enum EmbeddingModel {

    /**
     * BAAI's bge-small-en-v1.5 (Xiao et al., "C-Pack: Packaged Resources To Advance General
     * Chinese Embedding", 2023): 12 layers, the CLS position's state, queries with the model card's
     * instruction for short-query-to-passage retrieval. Ahead of MiniLM on public retrieval
     * benchmarks, behind it on our gold set, and 1.7 times as slow (bench/README.md, "Search").
     * BM25's weight was chosen on half of the gold set from {1, 0.7, 0.5, 0.3} and confirmed on
     * the other half.
     */
    BGE_SMALL_EN_V15_Q(
            "bge-small-en-v1.5-q", Pooling.CLS, "Represent this sentence for searching relevant passages: ", 512, 0.5),

    /**
     * sentence-transformers' all-MiniLM-L6-v2 (MiniLM: Wang et al., NeurIPS 2020; trained for
     * sentence embeddings as in Reimers and Gurevych, EMNLP 2019): 6 layers, so about 1.7 times
     * as fast; the mean of every position's state, no query instruction, texts cut at the 256 word
     * pieces it was trained on. The default: on our gold set's 207 student questions its fused
     * ranking beats bge-small's (paired randomization test, p = 0.011), and of the two only it
     * indexes 150 chunks/s on two cores. BM25's weight chosen the same way (bench/README.md,
     * "Search").
     */
    ALL_MINILM_L6_V2_Q("all-minilm-l6-v2-q", Pooling.MEAN, "", 256, 0.3);

    /** How a text's vector is read from the last layer. */
    public enum Pooling {
        /** The first position's state. */
        CLS,
        /** The mean over the positions (none is padding: one text per call). */
        MEAN
    }

    private final String fileName;
    private final Pooling pooling;
    private final String queryPrefix;
    private final int maxTokens;
    private final double keywordWeight;

    EmbeddingModel(String fileName, Pooling pooling, String queryPrefix, int maxTokens, double keywordWeight) {
        this.fileName = fileName;
        this.pooling = pooling;
        this.queryPrefix = queryPrefix;
        this.maxTokens = maxTokens;
        this.keywordWeight = keywordWeight;
    }

    /** The model by its file name ({@code bge-small-en-v1.5-q}, {@code all-minilm-l6-v2-q}). */
    public static EmbeddingModel named(String name) {
        return Arrays.stream(values())
                .filter(m -> m.fileName.equalsIgnoreCase(name.strip()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("studyloop.search.model: no embedding model \""
                        + name + "\"; one of "
                        + Arrays.stream(values()).map(m -> m.fileName).collect(Collectors.joining(", "))));
    }

    /** The model's and tokenizer's file names without their extensions, as the artifact ships them. */
    public String fileName() {
        return fileName;
    }

    public Pooling pooling() {
        return pooling;
    }

    public String queryPrefix() {
        return queryPrefix;
    }

    /** Positions a text is cut to, special tokens included. */
    public int maxTokens() {
        return maxTokens;
    }

    /** BM25's weight in the fusion, the vectors' being 1. */
    public double keywordWeight() {
        return keywordWeight;
    }
}
