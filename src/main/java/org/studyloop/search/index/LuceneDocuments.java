package org.studyloop.search.index;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;
import org.studyloop.catalog.CourseId;
import org.studyloop.catalog.SkillId;
import org.studyloop.classroom.ClassId;
import org.studyloop.search.PassageKind;
import org.studyloop.search.PassageQuery;
import org.studyloop.search.text.Analyzers;

/**
 * How a chunk is a Lucene document: its fields, the filters a query puts on them, and how hits
 * and chunks are read back.
 */
final class LuceneDocuments {

    /** The class of public passages (OpenSearch's documents use the same marker). */
    static final String PUBLIC = "public";

    static final String ID = "id";
    static final String KIND = "kind";
    static final String SOURCE_ID = "source_id";
    static final String VECTOR = "vector";
    static final String CLASS_ID = "class_id";
    static final String EMBEDDING_KEY = "embedding_key";

    private LuceneDocuments() {}

    static String body(String language) {
        return "body_" + language;
    }

    static String title(String language) {
        return "title_" + language;
    }

    /**
     * The hits' identities from doc values: reading a candidate's stored fields means
     * decompressing its block, and at 100,000 chunks that was a fifth of a query's time and most
     * of its garbage (bench/README.md, "Search"); only the fused few are read whole ({@link
     * #chunks}).
     */
    static List<Hit> hits(IndexSearcher searcher, TopDocs top) throws IOException {
        var leaves = searcher.getIndexReader().leaves();
        var byDoc = top.scoreDocs.clone();
        // Doc values are read forwards: in doc order, leaf by leaf, then back to rank order.
        Arrays.sort(byDoc, Comparator.comparingInt(d -> d.doc));
        var found = new HashMap<Integer, Hit>();
        SortedDocValues ids = null;
        SortedDocValues kinds = null;
        SortedDocValues sources = null;
        var leaf = -1;
        for (var scored : byDoc) {
            var at = ReaderUtil.subIndex(scored.doc, leaves);
            if (at != leaf) {
                leaf = at;
                var reader = leaves.get(at).reader();
                ids = DocValues.getSorted(reader, ID);
                kinds = DocValues.getSorted(reader, KIND);
                sources = DocValues.getSorted(reader, SOURCE_ID);
            }
            var doc = scored.doc - leaves.get(at).docBase;
            found.put(
                    scored.doc,
                    new Hit(
                            value(ids, doc),
                            PassageKind.valueOf(value(kinds, doc)),
                            UUID.fromString(value(sources, doc)),
                            scored.score));
        }
        return Arrays.stream(top.scoreDocs).map(d -> found.get(d.doc)).toList();
    }

    private static String value(SortedDocValues values, int doc) throws IOException {
        if (!values.advanceExact(doc)) {
            throw new IllegalStateException("a chunk without an id, kind or source: the index is not this schema's");
        }
        return values.lookupOrd(values.ordValue()).utf8ToString();
    }

    /**
     * The query's filters: course, kinds, skill, language, and which class-private items it may
     * see; empty when nothing is filtered out. Visibility is left out when the index holds no
     * class-private chunk ({@code everyonesIndex}): a filter that every document passes still
     * costs BM25 an intersection per block and the graph search a bit set of the whole index, a
     * fifth of a search at 100,000 chunks (bench/README.md, "Search").
     */
    static Optional<Query> filter(PassageQuery query, boolean everyonesIndex) {
        var filter = new BooleanQuery.Builder();
        var any = false;
        if (query.courseId().isPresent()) {
            filter.add(term("course_id", query.courseId().get().value().toString()), BooleanClause.Occur.FILTER);
            any = true;
        }
        if (!query.kinds().isEmpty()) {
            var kinds = new BooleanQuery.Builder();
            query.kinds().forEach(k -> kinds.add(term(KIND, k.name()), BooleanClause.Occur.SHOULD));
            filter.add(kinds.build(), BooleanClause.Occur.FILTER);
            any = true;
        }
        if (query.skillId().isPresent()) {
            filter.add(term("skill_id", query.skillId().get().value().toString()), BooleanClause.Occur.FILTER);
            any = true;
        }
        if (query.language().isPresent()) {
            filter.add(term("language", query.language().get()), BooleanClause.Occur.FILTER);
            any = true;
        }
        if (!query.allClasses() && !everyonesIndex) {
            var visible = new BooleanQuery.Builder().add(term(CLASS_ID, PUBLIC), BooleanClause.Occur.SHOULD);
            query.classes().forEach(c -> visible.add(term(CLASS_ID, c.value().toString()), BooleanClause.Occur.SHOULD));
            filter.add(visible.build(), BooleanClause.Occur.FILTER);
            any = true;
        }
        return any ? Optional.of(filter.build()) : Optional.empty();
    }

    /** Whether every chunk of the index, deleted ones included, is public. */
    static boolean everyonesIndex(IndexSearcher searcher) throws IOException {
        var reader = searcher.getIndexReader();
        return reader.docFreq(new Term(CLASS_ID, PUBLIC)) == reader.maxDoc();
    }

    static Query term(String field, String value) {
        return new TermQuery(new Term(field, value));
    }

    static Document document(Chunk chunk) {
        var doc = new Document();
        // Indexed, stored, and in doc values: a search reads its candidates' identities there.
        identity(doc, ID, chunk.id());
        identity(doc, KIND, chunk.kind().name());
        identity(doc, SOURCE_ID, chunk.sourceId().toString());
        doc.add(new StoredField("source_key", chunk.sourceKey()));
        doc.add(new StringField("course_id", chunk.courseId().value().toString(), Field.Store.YES));
        doc.add(new StoredField("course_key", chunk.courseKey()));
        chunk.skillIds()
                .forEach(s -> doc.add(new StringField("skill_id", s.value().toString(), Field.Store.YES)));
        var language = Analyzers.supported(chunk.language());
        doc.add(new StringField("language", chunk.language(), Field.Store.YES));
        doc.add(new StringField(
                CLASS_ID, chunk.classId().map(c -> c.value().toString()).orElse(PUBLIC), Field.Store.YES));
        doc.add(new StoredField("title", chunk.title()));
        doc.add(new StoredField("text", chunk.text()));
        doc.add(new TextField(title(language), chunk.title(), Field.Store.NO));
        doc.add(new TextField(body(language), chunk.indexed(), Field.Store.NO));
        doc.add(new KnnFloatVectorField(VECTOR, chunk.vector(), VectorSimilarityFunction.DOT_PRODUCT));
        doc.add(new StringField(EMBEDDING_KEY, chunk.embeddingKey(), Field.Store.NO));
        return doc;
    }

    private static void identity(Document doc, String field, String value) {
        doc.add(new StringField(field, value, Field.Store.YES));
        doc.add(new SortedDocValuesField(field, new BytesRef(value)));
    }

    static Chunk chunk(Document doc) {
        var classId = doc.get("class_id");
        return new Chunk(
                doc.get("id"),
                PassageKind.valueOf(doc.get("kind")),
                UUID.fromString(doc.get("source_id")),
                doc.get("source_key"),
                new CourseId(UUID.fromString(doc.get("course_id"))),
                doc.get("course_key"),
                Arrays.stream(doc.getValues("skill_id"))
                        .map(s -> new SkillId(UUID.fromString(s)))
                        .toList(),
                doc.get("language"),
                PUBLIC.equals(classId) ? Optional.empty() : Optional.of(new ClassId(UUID.fromString(classId))),
                doc.get("title"),
                doc.get("text"),
                "",
                "",
                new float[0]);
    }
}
