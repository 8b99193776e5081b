package org.studyloop.search.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.studyloop.catalog.CourseId;
import org.studyloop.catalog.LessonSnapshot;
import org.studyloop.catalog.SkillId;
import org.studyloop.search.PassageQuery;
import org.studyloop.search.embedding.Embedder;
import org.studyloop.search.embedding.EmbeddingModel;
import org.studyloop.search.index.Chunk;
import org.studyloop.search.index.Hit;
import org.studyloop.search.index.LuceneSearchIndex;

/**
 * Indexing and search with every outbound connection refused: the JVM's proxy selector, which
 * URL connections, the HTTP client and plain sockets all consult, sends any non-loopback
 * destination to a closed port and records it. The embedding model, its tokenizer and Lucene
 * must work from the class path and the index folder alone.
 */
class OfflineIndexingTests {

    private final List<URI> attempts = new CopyOnWriteArrayList<>();
    private ProxySelector previous;

    @BeforeEach
    void forbidTheNetwork() {
        previous = ProxySelector.getDefault();
        var nowhere = new InetSocketAddress("127.0.0.1", 9);
        ProxySelector.setDefault(new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                var host = uri.getHost();
                if (host == null || host.equals("localhost") || host.startsWith("127.") || host.equals("::1")) {
                    return List.of(Proxy.NO_PROXY);
                }
                attempts.add(uri);
                var type = uri.getScheme().startsWith("http") ? Proxy.Type.HTTP : Proxy.Type.SOCKS;
                return List.of(new Proxy(type, nowhere));
            }

            @Override
            public void connectFailed(URI uri, SocketAddress address, IOException e) {
                attempts.add(uri);
            }
        });
    }

    @AfterEach
    void restore() {
        ProxySelector.setDefault(previous);
    }

    @ParameterizedTest
    @EnumSource(EmbeddingModel.class)
    void indexingAndSearchingTheBundledLessonsNeedNoNetwork(EmbeddingModel model, @TempDir Path folder)
            throws IOException {
        var course = new CourseId(UUID.randomUUID());
        var chunks = new ArrayList<Chunk>();
        for (var resource : new PathMatchingResourcePatternResolver()
                .getResources("classpath:content/alevel-differentiation/lessons/*.md")) {
            var text = resource.getContentAsString(StandardCharsets.UTF_8);
            var key = resource.getFilename().replace(".md", "");
            var title = text.lines()
                    .filter(l -> l.startsWith("title:"))
                    .findFirst()
                    .orElse("title: " + key)
                    .substring(6)
                    .strip();
            var body = text.substring(text.indexOf("---", 3) + 3);
            chunks.addAll(CatalogDocuments.lesson(new LessonSnapshot(
                    UUID.randomUUID(),
                    course,
                    "alevel-differentiation",
                    key,
                    new SkillId(UUID.randomUUID()),
                    title,
                    body,
                    "en")));
        }
        try (var embedder = new Embedder(model);
                var index = new LuceneSearchIndex(folder.resolve("lucene"), "test")) {
            var vectors = embedder.passages(chunks.stream().map(Chunk::embedded).toList());
            var embedded = new ArrayList<Chunk>();
            for (var i = 0; i < chunks.size(); i++) {
                embedded.add(chunks.get(i).withVector(vectors.get(i)));
            }
            index.replaceCourse(course, embedded);
            index.commit(java.util.Map.of(course.value().toString(), "v1"));

            var query = PassageQuery.of("how do I differentiate a function inside another function", 5);
            var byWords = index.keyword(query, "chain rule", 5);
            var byMeaning = index.nearest(query, embedder.query(query.text()), 10);
            var found = index.chunks(Stream.concat(byWords.stream(), byMeaning.stream())
                    .map(Hit::chunkId)
                    .toList());
            assertThat(found.get(byWords.getFirst().chunkId()).sourceKey()).isEqualTo("chain-rule");
            assertThat(byMeaning)
                    .extracting(h -> found.get(h.chunkId()).sourceKey())
                    .contains("chain-rule");
            assertThat(index.size()).isEqualTo(chunks.size());
        }
        assertThat(attempts).as("outbound connections attempted").isEmpty();
    }
}
