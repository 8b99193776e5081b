package org.studyloop.search.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.studyloop.HttpTest;
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

    @Test
    void anEmptiedIndexIsRebuiltAtTheNextReconciliation() throws InterruptedException {
        // Other tests of this shared context edit courses, and an item-level update leaves its
        // course's fingerprint behind: bring every course up to date first.
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
