package org.studyloop.search.indexing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.studyloop.catalog.Catalog;
import org.studyloop.catalog.CoursePublished;
import org.studyloop.catalog.ItemPublished;
import org.studyloop.catalog.ItemRetired;
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
    private final Catalog catalog;
    private final CatalogDocuments documents;
    private final SearchIndex index;

    CatalogChanges(Indexer indexer, Catalog catalog, CatalogDocuments documents, SearchIndex index) {
        this.indexer = indexer;
        this.catalog = catalog;
        this.documents = documents;
        this.index = index;
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

    @EventListener(ApplicationReadyEvent.class)
    void reconcile() {
        var indexed = index.fingerprints();
        var stale = 0;
        for (var course : catalog.courses()) {
            if (!documents.fingerprint(course).equals(indexed.get(course.value().toString()))) {
                indexer.enqueue(new Indexer.Work.Course(course));
                stale++;
            }
        }
        log.info("Search index: {} chunks; {} courses to (re)index", index.size(), stale);
    }
}
