package org.studyloop.search.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.studyloop.HttpTest;
import org.studyloop.catalog.Catalog;
import org.studyloop.search.PassageQuery;
import org.studyloop.search.Search;
import org.studyloop.search.index.SearchIndex;

/**
 * The index is derived data: emptied (as a deleted folder opens, see LuceneSearchIndexTests), the
 * start-up reconciliation finds every course stale and rebuilds it from the catalog.
 */
@HttpTest
class IndexRebuildTests {

    @Autowired
    Indexer indexer;

    @Autowired
    CatalogChanges changes;

    @Autowired
    SearchIndex index;

    @Autowired
    Search search;

    @Autowired
    Catalog catalog;

    /**
     * An item updated alone (an author's edit, a retirement) must leave its course's fingerprint
     * saying what the index now holds; before, the course stayed stale after every item edit and
     * the next start rebuilt all of it.
     */
    @Test
    void anItemLevelUpdateBringsItsCoursesFingerprintUpToDate() throws InterruptedException {
        changes.reconcile();
        assertThat(indexer.awaitIdle(Duration.ofMinutes(10))).isTrue();
        var course = catalog.courses().getFirst();
        var item = catalog.publishedItems(course).getFirst().item().itemId();
        // The index's digest of the course is behind the catalog's, as after an item edit of old.
        index.commit(Map.of(course.value().toString(), "before-the-edit"));
        assertThat(indexer.staleCourses()).contains(course);

        indexer.apply(List.of(new Indexer.Work.Item(item)), done -> {});

        assertThat(indexer.staleCourses()).doesNotContain(course);
        assertThat(index.courseOf(item.value())).contains(course);
    }

    @Test
    void aCourseIndexedAgainUnchangedKeepsItsVectors() throws InterruptedException {
        changes.reconcile();
        assertThat(indexer.awaitIdle(Duration.ofMinutes(10))).isTrue();
        var course = catalog.courses().getFirst();
        var size = index.size();
        var embedded = indexer.chunksEmbedded();
        // The index's digest no longer matches, as after an edit: the course is indexed again.
        index.commit(Map.of(course.value().toString(), "before-the-edit"));

        indexer.apply(List.of(new Indexer.Work.Course(course)), done -> {});

        assertThat(indexer.chunksEmbedded())
                .as("nothing went through the model")
                .isEqualTo(embedded);
        assertThat(index.size()).isEqualTo(size);
        assertThat(indexer.staleCourses()).isEmpty();
    }

    /**
     * Work for content the index already holds as it is — at the first start the import's events
     * and the start-up reconciliation name the same courses and items — rewrites nothing.
     */
    @Test
    void workForContentAlreadyHeldRewritesNothing() throws InterruptedException {
        changes.reconcile();
        assertThat(indexer.awaitIdle(Duration.ofMinutes(10))).isTrue();
        var course = catalog.courses().getFirst();
        var item = catalog.publishedItems(course).getFirst().item().itemId();
        var indexed = indexer.chunksIndexed();

        indexer.apply(List.of(new Indexer.Work.Course(course), new Indexer.Work.Item(item)), done -> {});
        indexer.apply(List.of(new Indexer.Work.Item(item)), done -> {});

        assertThat(indexer.chunksIndexed()).isEqualTo(indexed);
        assertThat(indexer.staleCourses()).isEmpty();
    }

    @Test
    void anEmptiedIndexIsRebuiltAtTheNextReconciliation() throws InterruptedException {
        // Other tests of this shared context edit courses: bring every course up to date first.
        changes.reconcile();
        assertThat(indexer.awaitIdle(Duration.ofMinutes(10))).isTrue();
        var before = index.size();
        assertThat(before).isPositive();
        assertThat(indexer.staleCourses()).isEmpty();

        index.clear();
        assertThat(index.size()).isZero();
        assertThat(search.passages(PassageQuery.of("chain rule", 3))).isEmpty();

        changes.reconcile();
        assertThat(indexer.awaitIdle(Duration.ofMinutes(10))).isTrue();
        assertThat(index.size()).isEqualTo(before);
        assertThat(indexer.staleCourses()).isEmpty();
        assertThat(search.passages(PassageQuery.of("chain rule", 3)).getFirst().sourceKey())
                .isEqualTo("chain-rule");
    }
}
