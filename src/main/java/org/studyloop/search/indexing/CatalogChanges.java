package org.studyloop.search.indexing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.studyloop.catalog.CoursePublished;
import org.studyloop.catalog.ItemPublished;
import org.studyloop.catalog.ItemRetired;
import org.studyloop.search.embedding.Embedder;
import org.studyloop.search.index.SearchIndex;

/**
 * What sets the indexer to work: the catalog's events after their commit, and at start-up every
 * course whose fingerprint in the index differs from the catalog's — all of them when the index
 * folder was deleted, none when nothing changed.
 */
@Component
class CatalogChanges {

    private static final Logger log = LoggerFactory.getLogger(CatalogChanges.class);

    private final Indexer indexer;
    private final SearchIndex index;
    private final Environment environment;
    private final Embedder embedder;

    CatalogChanges(Indexer indexer, SearchIndex index, Environment environment, Embedder embedder) {
        this.indexer = indexer;
        this.index = index;
        this.environment = environment;
        this.embedder = embedder;
    }

    @ApplicationModuleListener
    void on(ItemPublished event) {
        indexer.enqueue(new Indexer.Work.Item(event.itemId()));
    }

    @ApplicationModuleListener
    void on(ItemRetired event) {
        indexer.enqueue(new Indexer.Work.Item(event.itemId()));
    }

    @ApplicationModuleListener
    void on(CoursePublished event) {
        indexer.enqueue(new Indexer.Work.Course(event.courseId()));
    }

    /** At start-up of the application; a command (reindex, search-eval) brings the index up itself. */
    @EventListener(ApplicationReadyEvent.class)
    void reconcile() {
        if (environment.getProperty("studyloop.command") != null) {
            return;
        }
        var stale = indexer.staleCourses();
        stale.forEach(course -> indexer.enqueue(new Indexer.Work.Course(course)));
        log.info(
                "Search index: {} chunks embedded by {}; {} courses to (re)index",
                index.size(),
                embedder.model().fileName(),
                stale.size());
    }
}
