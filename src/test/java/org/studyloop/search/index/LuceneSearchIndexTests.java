package org.studyloop.search.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;
import org.studyloop.catalog.CourseId;
import org.studyloop.catalog.SkillId;
import org.studyloop.classroom.ClassId;
import org.studyloop.search.PassageKind;
import org.studyloop.search.PassageQuery;

class LuceneSearchIndexTests {

    private final CourseId course = new CourseId(UUID.randomUUID());
    private final CourseId otherCourse = new CourseId(UUID.randomUUID());
    private final ClassId privateClass = new ClassId(UUID.randomUUID());

    private Chunk chunk(CourseId in, PassageKind kind, String text, Optional<ClassId> classId, float... vector) {
        var source = UUID.randomUUID();
        var full = new float[4];
        System.arraycopy(vector, 0, full, 0, vector.length);
        return new Chunk(
                kind + ":" + source + "#0",
                kind,
                source,
                "key-" + text.split(" ")[0],
                in,
                "course",
                List.of(new SkillId(UUID.randomUUID())),
                "en",
                classId,
                text,
                text,
                text,
                text,
                full);
    }

    private static PassageQuery query(
            String text, Optional<CourseId> course, Set<PassageKind> kinds, Set<ClassId> classes) {
        return new PassageQuery(
                text,
                course,
                kinds,
                Optional.empty(),
                Optional.empty(),
                classes,
                false,
                10,
                PassageQuery.Retriever.HYBRID);
    }

    @Test
    void filtersByCourseKindAndClass(@TempDir Path folder) {
        try (var index = new LuceneSearchIndex(folder, "s1")) {
            index.replaceCourse(
                    course,
                    List.of(
                            chunk(course, PassageKind.LESSON, "quadratic equations factorise", Optional.empty(), 1, 0),
                            chunk(
                                    course,
                                    PassageKind.SOLUTION,
                                    "quadratic solution steps",
                                    Optional.empty(),
                                    0.9f,
                                    0.1f),
                            chunk(
                                    course,
                                    PassageKind.ITEM,
                                    "quadratic private question",
                                    Optional.of(privateClass),
                                    0.8f,
                                    0.2f)));
            index.replaceCourse(
                    otherCourse,
                    List.of(chunk(otherCourse, PassageKind.LESSON, "quadratic elsewhere", Optional.empty(), 1, 0)));
            index.commit(Map.of());

            assertThat(index.keyword(query("quadratic", Optional.empty(), Set.of(), Set.of()), "quadratic", 10))
                    .hasSize(3);
            assertThat(index.keyword(query("quadratic", Optional.of(course), Set.of(), Set.of()), "quadratic", 10))
                    .hasSize(2);
            assertThat(index.keyword(
                            query("quadratic", Optional.of(course), Set.of(), Set.of(privateClass)), "quadratic", 10))
                    .hasSize(3);
            assertThat(index.keyword(
                            query("quadratic", Optional.empty(), Set.of(PassageKind.SOLUTION), Set.of()),
                            "quadratic",
                            10))
                    .extracting(Hit::kind)
                    .containsExactly(PassageKind.SOLUTION);
            var nearest =
                    index.nearest(query("q", Optional.of(course), Set.of(), Set.of()), new float[] {1, 0, 0, 0}, 10);
            assertThat(nearest).hasSize(2);
            var first = nearest.getFirst().chunkId();
            assertThat(index.chunks(List.of(first, "LESSON:gone#0")))
                    .as("fetched whole after the search; an id the index does not hold is left out")
                    .containsOnlyKeys(first)
                    .extractingByKey(first)
                    .extracting(Chunk::text, Chunk::courseId, Chunk::kind)
                    .containsExactly("quadratic equations factorise", course, PassageKind.LESSON);
        }
    }

    @Test
    void givesBackTheVectorsOfPassagesItHolds(@TempDir Path folder) {
        try (var index = new LuceneSearchIndex(folder, "s1")) {
            var held = chunk(course, PassageKind.LESSON, "chain rule", Optional.empty(), 0, 1);
            var replaced = chunk(course, PassageKind.LESSON, "product rule", Optional.empty(), 1);
            index.replaceCourse(course, List.of(held, replaced));
            index.commit(Map.of());
            index.replaceSource(replaced.sourceId(), List.of());
            index.commit(Map.of());

            var vectors = index.vectors(Set.of(held.embeddingKey(), replaced.embeddingKey(), "unknown"));

            assertThat(vectors).containsOnlyKeys(held.embeddingKey());
            assertThat(vectors.get(held.embeddingKey())).containsExactly(0, 1, 0, 0);
        }
    }

    @Test
    void fingerprintsSurviveAReopenAndADeletedFolderStartsEmpty(@TempDir Path parent) {
        var folder = parent.resolve("lucene");
        try (var index = new LuceneSearchIndex(folder, "s1")) {
            index.replaceCourse(
                    course, List.of(chunk(course, PassageKind.LESSON, "derivative rules", Optional.empty(), 1)));
            index.commit(Map.of(course.value().toString(), "abc"));
        }
        try (var index = new LuceneSearchIndex(folder, "s1")) {
            assertThat(index.size()).isEqualTo(1);
            assertThat(index.fingerprints()).containsEntry(course.value().toString(), "abc");
        }
        try (var index = new LuceneSearchIndex(folder, "s2")) {
            assertThat(index.size()).as("another schema is rebuilt, not read").isZero();
            assertThat(index.fingerprints()).isEmpty();
        }
        FileSystemUtils.deleteRecursively(folder.toFile());
        try (var index = new LuceneSearchIndex(folder, "s2")) {
            assertThat(index.size()).isZero();
            assertThat(index.fingerprints())
                    .as("every course will be reindexed")
                    .isEmpty();
        }
    }

    @Test
    void anIndexOfTheSameSchemaInAnOlderLayoutIsRebuiltNotMixedWith(@TempDir Path folder) throws IOException {
        // The first layout: identities indexed and stored, no doc values, schema without a layout.
        try (var directory = FSDirectory.open(folder);
                var writer = new IndexWriter(directory, new IndexWriterConfig())) {
            var doc = new Document();
            doc.add(new StringField("id", "LESSON:old#0", Field.Store.YES));
            doc.add(new StringField("source_id", UUID.randomUUID().toString(), Field.Store.YES));
            writer.addDocument(doc);
            writer.setLiveCommitData(
                    Map.of("schema", "s1", course.value().toString(), "abc").entrySet());
            writer.commit();
        }

        try (var index = new LuceneSearchIndex(folder, "s1")) {
            assertThat(index.size()).isZero();
            assertThat(index.fingerprints())
                    .as("every course will be reindexed")
                    .isEmpty();
            index.replaceCourse(
                    course, List.of(chunk(course, PassageKind.LESSON, "derivative rules", Optional.empty(), 1)));
            index.commit(Map.of());
            assertThat(index.keyword(PassageQuery.of("derivative", 5), "derivative", 5))
                    .extracting(Hit::kind)
                    .containsExactly(PassageKind.LESSON);
        }
    }

    @Test
    void anIndexOfPublicChunksOnlyStillFiltersAndHidesAClassPrivateOneOnceItArrives(@TempDir Path folder) {
        try (var index = new LuceneSearchIndex(folder, "s1")) {
            index.replaceCourse(
                    course,
                    List.of(
                            chunk(course, PassageKind.LESSON, "quadratic equations", Optional.empty(), 1, 0),
                            chunk(course, PassageKind.HINT, "quadratic hint", Optional.empty(), 0, 1)));
            index.commit(Map.of());
            var outsider = query("quadratic", Optional.empty(), Set.of(PassageKind.LESSON), Set.of());
            assertThat(index.keyword(outsider, "quadratic", 10))
                    .extracting(Hit::kind)
                    .containsExactly(PassageKind.LESSON);
            assertThat(index.nearest(query("q", Optional.empty(), Set.of(), Set.of()), new float[] {1, 0, 0, 0}, 10))
                    .hasSize(2);

            index.replaceSource(
                    UUID.randomUUID(),
                    List.of(chunk(course, PassageKind.LESSON, "quadratic private", Optional.of(privateClass), 1, 0)));
            index.commit(Map.of());
            assertThat(index.keyword(outsider, "quadratic", 10)).hasSize(1);
            assertThat(index.nearest(query("q", Optional.empty(), Set.of(), Set.of()), new float[] {1, 0, 0, 0}, 10))
                    .as("the private chunk is hidden again, from the graph search too")
                    .hasSize(2);
        }
    }
}
