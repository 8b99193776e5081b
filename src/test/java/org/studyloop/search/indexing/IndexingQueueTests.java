package org.studyloop.search.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.studyloop.catalog.CourseId;
import org.studyloop.catalog.ItemId;

/** The indexer's queue: de-duplication, waiting for it to settle, and telling whether work arrived. */
class IndexingQueueTests {

    final IndexingQueue queue = new IndexingQueue();
    final Indexer.Work course = new Indexer.Work.Course(new CourseId(UUID.randomUUID()));
    final Indexer.Work item = new Indexer.Work.Item(new ItemId(UUID.randomUUID()));

    @Test
    void workThatIsAlreadyWaitingIsTakenOnce() throws InterruptedException {
        queue.add(course);
        queue.add(item);
        queue.add(course);

        assertThat(queue.waiting()).isEqualTo(2);
        assertThat(queue.take(256, Duration.ZERO)).containsExactly(course, item);
        assertThat(queue.take(256, Duration.ofMillis(10))).isEmpty();
    }

    @Test
    void workTakenCanBeAddedAgainForTheNextBatch() throws InterruptedException {
        queue.add(course);
        var first = queue.take(256, Duration.ZERO);
        queue.add(course);

        assertThat(first).containsExactly(course);
        assertThat(queue.take(256, Duration.ZERO)).containsExactly(course);
    }

    @Test
    void itIsIdleOnlyWhenEverythingAddedIsApplied() throws InterruptedException {
        assertThat(queue.awaitIdle(Duration.ZERO)).isTrue();
        queue.add(course);
        queue.add(item);
        var batch = queue.take(1, Duration.ZERO);

        assertThat(batch).hasSize(1);
        assertThat(queue.awaitIdle(Duration.ofMillis(10))).isFalse();
        queue.applied(batch.size());
        assertThat(queue.awaitIdle(Duration.ofMillis(10)))
                .as("the second piece still waits")
                .isFalse();
        queue.applied(queue.take(1, Duration.ZERO).size());
        assertThat(queue.awaitIdle(Duration.ZERO)).isTrue();
    }

    @Test
    void theQueueIsQuietOnlyWhenNothingWaitedAtTheMarkAndNothingCameSince() throws InterruptedException {
        queue.add(course);
        assertThat(queue.mark()).as("work waits: its course may be any").isEqualTo(-1);
        queue.take(256, Duration.ZERO);

        var quiet = new AtomicBoolean();
        var mark = queue.mark();
        queue.whileClosed(mark, quiet::set);
        assertThat(quiet).isTrue();

        queue.add(item);
        queue.take(256, Duration.ZERO);
        queue.whileClosed(mark, quiet::set);
        assertThat(quiet).as("an item arrived and was taken since the mark").isFalse();
        queue.whileClosed(-1, quiet::set);
        assertThat(quiet).isFalse();
    }
}
