package org.studyloop.search.index;

/** A chunk a retriever found, with its rank-giving score (BM25, or the vector similarity). */
public record Hit(Chunk chunk, float score) {}
