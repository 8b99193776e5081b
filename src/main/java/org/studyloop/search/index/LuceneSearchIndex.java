package org.studyloop.search.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;
import org.studyloop.catalog.CourseId;
import org.studyloop.search.PassageQuery;
import org.studyloop.search.text.Analyzers;

/**
 * The embedded index: Lucene 10 in a folder of the data directory. BM25 (Lucene's default
 * similarity; Robertson and Zaragoza, "The Probabilistic Relevance Framework: BM25 and Beyond",
 * 2009) over per-language fields, and an HNSW graph (Malkov and Yashunin, IEEE TPAMI 42(4), 2020)
 * over the embeddings for nearest neighbours, both filtered by the same query. A change is visible
 * to searches once committed; the index is derived data, rebuilt from the catalog when missing.
 */
public final class LuceneSearchIndex implements SearchIndex {

    private static final String SCHEMA_KEY = "schema";

    /**
     * The fields' layout, part of the schema an index is kept under: bump it when {@link
     * LuceneDocuments} changes its fields (2: a chunk's id, kind and source also in doc values).
     */
    static final String LAYOUT = "lucene-2";

    static final double RAM_BUFFER_MB = 64;

    private final FSDirectory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final String schema;

    /**
     * Opens the index in the folder, starting empty when the folder holds none or an index of
     * another schema (another embedding model, other fields).
     */
    public LuceneSearchIndex(Path folder, String schema) {
        this.schema = schema + "/" + LAYOUT;
        try {
            Files.createDirectories(folder);
            directory = FSDirectory.open(folder);
            var mode = DirectoryReader.indexExists(directory)
                            && this.schema.equals(SegmentInfos.readLatestCommit(directory)
                                    .getUserData()
                                    .get(SCHEMA_KEY))
                    ? IndexWriterConfig.OpenMode.CREATE_OR_APPEND
                    : IndexWriterConfig.OpenMode.CREATE;
            writer = new IndexWriter(directory, config().setOpenMode(mode));
            if (mode == IndexWriterConfig.OpenMode.CREATE) {
                writer.setLiveCommitData(Map.of(SCHEMA_KEY, this.schema).entrySet());
                writer.commit();
            }
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index in " + folder, e);
        }
    }

    /**
     * A larger RAM buffer than Lucene's 16 MB, so a bulk (re)index flushes fewer, larger segments:
     * each segment is one more HNSW graph and one more postings walk per query. The graph keeps
     * float vectors: an int7 scalar-quantised graph (Lucene99HnswScalarQuantizedVectorsFormat)
     * lowered the fused nDCG@10 by 0.003 and its Recall@10 below the vectors' alone on the gold
     * set (bench/README.md, "Search"), for a search step that is not the slow one.
     */
    private static IndexWriterConfig config() {
        return new IndexWriterConfig(analyzer()).setRAMBufferSizeMB(RAM_BUFFER_MB);
    }

    private static Analyzer analyzer() {
        var fields = new HashMap<String, Analyzer>();
        for (var language : Analyzers.LANGUAGES) {
            fields.put(LuceneDocuments.body(language), Analyzers.of(language));
            fields.put(LuceneDocuments.title(language), Analyzers.of(language));
        }
        return new PerFieldAnalyzerWrapper(new StandardAnalyzer(), fields);
    }

    @Override
    public void replaceCourse(CourseId course, List<Chunk> chunks) {
        write(() -> {
            writer.deleteDocuments(new Term("course_id", course.value().toString()));
            writer.addDocuments(chunks.stream().map(LuceneDocuments::document).toList());
        });
    }

    @Override
    public void replaceSource(UUID sourceId, List<Chunk> chunks) {
        write(() -> {
            writer.deleteDocuments(new Term(LuceneDocuments.SOURCE_ID, sourceId.toString()));
            writer.addDocuments(chunks.stream().map(LuceneDocuments::document).toList());
        });
    }

    @Override
    public void deleteSource(UUID sourceId) {
        write(() -> writer.deleteDocuments(new Term(LuceneDocuments.SOURCE_ID, sourceId.toString())));
    }

    @Override
    public void commit(Map<String, String> fingerprints) {
        write(() -> {
            var data = new HashMap<>(fingerprints());
            data.putAll(fingerprints);
            data.put(SCHEMA_KEY, schema);
            writer.setLiveCommitData(data.entrySet());
            writer.commit();
            searchers.maybeRefreshBlocking();
        });
    }

    @Override
    public Map<String, String> fingerprints() {
        var data = new HashMap<String, String>();
        var live = writer.getLiveCommitData();
        if (live != null) {
            live.forEach(e -> data.put(e.getKey(), e.getValue()));
        }
        data.remove(SCHEMA_KEY);
        return data;
    }

    @Override
    public void clear() {
        write(() -> {
            writer.deleteAll();
            writer.setLiveCommitData(Map.of(SCHEMA_KEY, schema).entrySet());
            writer.commit();
            searchers.maybeRefreshBlocking();
        });
    }

    @Override
    public List<Hit> keyword(PassageQuery query, String text, int n) {
        var words = new BooleanQuery.Builder();
        for (var language : Analyzers.LANGUAGES) {
            var builder = new QueryBuilder(Analyzers.of(language));
            var body = builder.createBooleanQuery(LuceneDocuments.body(language), text);
            var title = builder.createBooleanQuery(LuceneDocuments.title(language), text);
            if (body != null) {
                words.add(body, BooleanClause.Occur.SHOULD);
            }
            if (title != null) {
                words.add(new BoostQuery(title, 1.5f), BooleanClause.Occur.SHOULD);
            }
        }
        var matching = words.build();
        if (matching.clauses().isEmpty()) {
            return List.of();
        }
        return search(
                everyonesIndex -> LuceneDocuments.filter(query, everyonesIndex)
                        .<Query>map(filter -> new BooleanQuery.Builder()
                                .add(matching, BooleanClause.Occur.MUST)
                                .add(filter, BooleanClause.Occur.FILTER)
                                .build())
                        .orElse(matching),
                n);
    }

    @Override
    public List<Hit> nearest(PassageQuery query, float[] vector, int n) {
        return search(
                everyonesIndex -> new KnnFloatVectorQuery(
                        LuceneDocuments.VECTOR,
                        vector,
                        n,
                        LuceneDocuments.filter(query, everyonesIndex).orElse(null)),
                n);
    }

    /** Searches with the query made for this index (whether it holds class-private chunks). */
    private List<Hit> search(Function<Boolean, Query> query, int n) {
        try {
            var searcher = searchers.acquire();
            try {
                // Counting hits exactly only as far as the top n lets BM25 skip blocks that cannot
                // enter it (block-max MaxScore) instead of counting the first 1,000 matches.
                var made = query.apply(LuceneDocuments.everyonesIndex(searcher));
                return LuceneDocuments.hits(
                        searcher, searcher.search(made, new TopScoreDocCollectorManager(n, null, n)));
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the search index", e);
        }
    }

    @Override
    public Map<String, Chunk> chunks(Collection<String> chunkIds) {
        if (chunkIds.isEmpty()) {
            return Map.of();
        }
        var terms = chunkIds.stream().distinct().map(BytesRef::new).toList();
        try {
            var searcher = searchers.acquire();
            try {
                var top = searcher.search(new TermInSetQuery(LuceneDocuments.ID, terms), terms.size());
                var stored = searcher.storedFields();
                var chunks = new HashMap<String, Chunk>();
                for (var scored : top.scoreDocs) {
                    var chunk = LuceneDocuments.chunk(stored.document(scored.doc));
                    chunks.put(chunk.id(), chunk);
                }
                return chunks;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the search index", e);
        }
    }

    @Override
    public Map<String, float[]> vectors(Collection<String> embeddingKeys) {
        try {
            var searcher = searchers.acquire();
            try {
                var leaves = searcher.getIndexReader().leaves();
                var found = new HashMap<String, float[]>();
                for (var key : embeddingKeys) {
                    var top = searcher.search(LuceneDocuments.term(LuceneDocuments.EMBEDDING_KEY, key), 1);
                    if (top.scoreDocs.length == 0) {
                        continue;
                    }
                    var leaf = leaves.get(ReaderUtil.subIndex(top.scoreDocs[0].doc, leaves));
                    var doc = top.scoreDocs[0].doc - leaf.docBase;
                    var values = leaf.reader().getFloatVectorValues(LuceneDocuments.VECTOR);
                    if (values != null) {
                        var iterator = values.iterator();
                        if (iterator.advance(doc) == doc) {
                            found.put(key, values.vectorValue(iterator.index()).clone());
                        }
                    }
                }
                return found;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the search index", e);
        }
    }

    @Override
    public Optional<CourseId> courseOf(UUID sourceId) {
        try {
            var searcher = searchers.acquire();
            try {
                var top = searcher.search(LuceneDocuments.term(LuceneDocuments.SOURCE_ID, sourceId.toString()), 1);
                if (top.scoreDocs.length == 0) {
                    return Optional.empty();
                }
                var course =
                        searcher.storedFields().document(top.scoreDocs[0].doc).get("course_id");
                return Optional.of(new CourseId(UUID.fromString(course)));
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the search index", e);
        }
    }

    @Override
    public long size() {
        return writer.getDocStats().numDocs;
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the search index", e);
        }
    }

    private interface Write {
        void run() throws IOException;
    }

    private void write(Write write) {
        try {
            write.run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the search index", e);
        }
    }
}
