package org.studyloop.search.indexing;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.studyloop.catalog.Catalog;
import org.studyloop.catalog.CourseId;
import org.studyloop.catalog.ItemId;
import org.studyloop.search.embedding.Embedder;
import org.studyloop.search.index.SearchIndex;

/**
 * Keeps the index in step with the catalog, off the request threads: work arrives from catalog
 * events and the start-up reconciliation, is de-duplicated, and one worker embeds the chunks in
 * batches and commits after each batch. A crash between an event and the commit loses nothing
 * for good: the next start compares the catalog with the fingerprints committed in the index.
 */
@Component
public class Indexer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Indexer.class);
    /** What to bring up to date. */
    sealed interface Work {
        record Course(CourseId courseId) implements Work {}

        record Item(ItemId itemId) implements Work {}
    }

    private final Catalog catalog;
    private final CatalogDocuments documents;
    private final ChunkVectors vectors;
    private final SearchIndex index;
    private final IndexingQueue queue = new IndexingQueue();
    private final AtomicLong chunksIndexed = new AtomicLong();
    private volatile boolean running;
    private volatile boolean stopping;
    private volatile Thread worker;

    Indexer(Catalog catalog, CatalogDocuments documents, Embedder embedder, SearchIndex index) {
        this.catalog = catalog;
        this.documents = documents;
        this.vectors = new ChunkVectors(embedder, index, () -> stopping);
        this.index = index;
    }

    void enqueue(Work work) {
        queue.add(work);
    }

    /** Blocks until nothing is queued or being indexed, or the timeout passes; true when idle. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        return queue.awaitIdle(timeout);
    }

    public long chunksIndexed() {
        return chunksIndexed.get();
    }

    /** Chunks that went through the embedding model (the others kept their indexed vectors). */
    long chunksEmbedded() {
        return vectors.embedded();
    }

    public int queued() {
        return queue.waiting();
    }

    private void work() {
        while (running) {
            try {
                var batch = queue.take(256, Duration.ofMillis(500));
                if (batch.isEmpty()) {
                    continue;
                }
                try {
                    apply(batch, n -> {});
                } finally {
                    queue.applied(batch.size());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (CancellationException stopping) {
                log.info("Indexing stopped with the application; the next start completes it");
                return;
            } catch (RuntimeException e) {
                // The catalog or the index failed for this batch; the next start's reconciliation
                // brings the courses back in step.
                log.error("Indexing a batch failed", e);
            }
        }
    }

    /** The courses whose content differs from what the index holds (all of them in a new index). */
    List<CourseId> staleCourses() {
        var indexed = index.fingerprints();
        return catalog.courses().stream()
                .filter(c ->
                        !documents.fingerprint(c).equals(indexed.get(c.value().toString())))
                .toList();
    }

    /**
     * Brings every stale course up to date now, on the caller's thread (commands use it, since
     * they cannot wait for the worker); gives the number of courses reindexed.
     */
    public int catchUp(IntConsumer progress) {
        var stale = staleCourses();
        if (!stale.isEmpty()) {
            apply(stale.stream().<Work>map(Work.Course::new).toList(), progress);
        }
        return stale.size();
    }

    /** Indexes the work now, on the caller's thread, reporting the chunks done so far. */
    synchronized void apply(List<Work> batch, IntConsumer progress) {
        var started = System.nanoTime();
        var courses = new LinkedHashSet<CourseId>();
        var items = new LinkedHashSet<ItemId>();
        for (var work : batch) {
            switch (work) {
                case Work.Course c -> courses.add(c.courseId());
                case Work.Item i -> items.add(i.itemId());
            }
        }
        // An item of a course the index has never held (the bundled courses' first import) is
        // indexed with its whole course, once, rather than item by item.
        var indexed = index.fingerprints();
        for (var item : List.copyOf(items)) {
            catalog.publishedItem(item)
                    .filter(p -> !indexed.containsKey(p.courseId().value().toString()))
                    .ifPresent(p -> courses.add(p.courseId()));
        }
        // The courses of the items to update alone, and their digests read now, before the items:
        // the index will hold at least what these digests describe (see commitFingerprints).
        var mark = queue.mark();
        var itemCourses = new HashMap<String, String>();
        for (var item : items) {
            catalog.publishedItem(item)
                    .map(p -> p.courseId())
                    .or(() -> index.courseOf(item.value()))
                    .filter(c -> !courses.contains(c))
                    .ifPresent(c -> itemCourses.computeIfAbsent(c.value().toString(), k -> documents.fingerprint(c)));
        }
        var fingerprints = new HashMap<String, String>();
        var done = 0;
        var coursesDone = 0;
        for (var course : courses) {
            var content = documents.course(course);
            // Already held as it is (work queued twice, as at the first start, when the import's
            // events and the start-up reconciliation name the same courses): the committed digest
            // says the index holds exactly this content.
            if (content.fingerprint().equals(indexed.get(course.value().toString()))) {
                continue;
            }
            index.replaceCourse(course, vectors.of(content.chunks(), done, progress));
            done += content.chunks().size();
            coursesDone++;
            fingerprints.put(course.value().toString(), content.fingerprint());
        }
        var itemsDone = 0;
        for (var item : items) {
            var published = catalog.publishedItem(item);
            if (published.isPresent() && courses.contains(published.get().courseId())) {
                continue;
            }
            var course = published.map(p -> p.courseId().value().toString());
            if (course.isPresent()
                    && itemCourses.containsKey(course.get())
                    && itemCourses.get(course.get()).equals(indexed.get(course.get()))) {
                continue;
            }
            if (published.isEmpty()) {
                // Retired, or never public: removed; counted only when the index held it.
                var held = index.courseOf(item.value()).isPresent();
                index.deleteSource(item.value());
                itemsDone += held ? 1 : 0;
            } else {
                itemsDone++;
                var language = published.get().item().language();
                var chunks = CatalogDocuments.item(published.get(), language.isBlank() ? "en" : language);
                index.replaceSource(item.value(), vectors.of(chunks, done, progress));
                done += chunks.size();
            }
        }
        commitFingerprints(fingerprints, itemCourses, mark);
        chunksIndexed.addAndGet(done);
        if (coursesDone == 0 && itemsDone == 0) {
            log.debug("Search index already up to date for {} courses and {} items", courses.size(), items.size());
            return;
        }
        var seconds = (System.nanoTime() - started) / 1e9;
        log.info(
                "Indexed {} chunks ({} courses, {} items) in {} s, {} chunks/s",
                done,
                coursesDone,
                itemsDone,
                String.format(Locale.ROOT, "%.1f", seconds),
                String.format(Locale.ROOT, "%.0f", done / Math.max(seconds, 1e-9)));
    }

    /**
     * Commits with the digests of the courses indexed whole, and of the courses whose items alone
     * were updated — the latter only when no work arrived since their digests were read: such
     * work may be a change of the same course, which a crash before its turn would lose behind a
     * digest that claims it. The queue is closed until the commit is done, so
     * work that arrives later comes from an event whose listener has not returned, which Spring
     * Modulith republishes after a crash. Without the item-level digests, every item edit left its
     * course stale and the next start rebuilt the whole course.
     */
    private void commitFingerprints(Map<String, String> courses, Map<String, String> itemCourses, long mark) {
        queue.whileClosed(mark, quiet -> {
            var all = new HashMap<>(courses);
            if (quiet) {
                itemCourses.forEach(all::putIfAbsent);
            }
            index.commit(all);
        });
    }

    @Override
    public void start() {
        running = true;
        stopping = false;
        worker = Thread.ofPlatform().name("search-indexer").daemon().start(this::work);
    }

    @Override
    public void stop() {
        running = false;
        stopping = true;
        var thread = worker;
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
