package org.studyloop.search.index;

import java.util.UUID;
import org.studyloop.search.PassageKind;

/**
 * A chunk a retriever found: which chunk, of which source, and its rank-giving score (BM25, or the
 * vector similarity). Enough to keep one chunk per source and to fuse the rankings; the chunks
 * themselves are read afterwards, for the few a search returns ({@link SearchIndex#chunks}).
 */
public record Hit(String chunkId, PassageKind kind, UUID sourceId, float score) {}
