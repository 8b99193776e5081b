package org.studyloop.search.index;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.studyloop.catalog.CourseId;
import org.studyloop.search.PassageQuery;

/**
 * Where chunks are stored and retrieved: Lucene in the data folder by default, OpenSearch at
 * scale (DESIGN.md, "Scale path"). Both retrievers are ranked lists the caller fuses.
 */
public interface SearchIndex extends AutoCloseable {

    /** Replaces every chunk of the course by these. */
    void replaceCourse(CourseId course, List<Chunk> chunks);

    /** Replaces every chunk of one source (a lesson or an item) by these. */
    void replaceSource(UUID sourceId, List<Chunk> chunks);

    void deleteSource(UUID sourceId);

    /** Makes the changes durable, with the fingerprints of what is indexed (course id → digest). */
    void commit(Map<String, String> fingerprints);

    /** The fingerprints of the last commit; empty for a new index. */
    Map<String, String> fingerprints();

    /** BM25 over the analysed text, best first, within the query's filters. */
    List<Hit> keyword(PassageQuery query, String text, int n);

    /** Nearest chunks to the vector (unit length), best first, within the query's filters. */
    List<Hit> nearest(PassageQuery query, float[] vector, int n);

    /**
     * The chunks with these ids, by id; one the index no longer holds (removed since it was
     * found) is missing. Searches query, then fetch: each retriever names its candidates (50 of
     * them) and only the few that survive fusion are read whole.
     */
    Map<String, Chunk> chunks(Collection<String> chunkIds);

    /**
     * The course whose chunks of this source the index holds, if it holds any; empty when the
     * index cannot tell cheaply (the indexer then leaves the course's fingerprint as it was).
     */
    default Optional<CourseId> courseOf(UUID sourceId) {
        return Optional.empty();
    }

    /**
     * The vectors the index holds for these embedding inputs ({@link Chunk#embeddingKey()}), by
     * key; the ones it cannot find cheaply are missing, and the indexer embeds them.
     */
    default Map<String, float[]> vectors(Collection<String> embeddingKeys) {
        return Map.of();
    }

    long size();

    /** Removes everything (the reindex command starts from nothing). */
    void clear();

    @Override
    void close();
}
