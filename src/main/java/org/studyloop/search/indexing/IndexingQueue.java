package org.studyloop.search.indexing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The indexer's work: de-duplicated while it waits (ten events about one course make one
 * re-index), and counted until it is applied, so that callers can wait for the index to settle and
 * the indexer can tell whether anything arrived while it was indexing.
 */
final class IndexingQueue {

    private final LinkedBlockingQueue<Indexer.Work> queue = new LinkedBlockingQueue<>();
    private final Set<Indexer.Work> waiting = ConcurrentHashMap.newKeySet();
    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled when {@link #outstanding} falls to zero. */
    private final Condition settled = lock.newCondition();
    /** Work added and not yet applied. */
    private int outstanding;
    /** Work ever added: tells whether anything arrived while a batch was being indexed. */
    private long added;

    void add(Indexer.Work work) {
        if (waiting.add(work)) {
            lock.lock();
            try {
                outstanding++;
                added++;
            } finally {
                lock.unlock();
            }
            queue.add(work);
        }
    }

    /**
     * Up to {@code max} pieces of work, waiting at most {@code wait} for the first; empty when
     * none came. Work taken may be added again: it then waits for the next batch.
     */
    List<Indexer.Work> take(int max, Duration wait) throws InterruptedException {
        var first = queue.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        if (first == null) {
            return List.of();
        }
        var batch = new ArrayList<Indexer.Work>();
        batch.add(first);
        queue.drainTo(batch, max - 1);
        batch.forEach(waiting::remove);
        return batch;
    }

    /** The taken work is applied (or given up): it no longer counts as outstanding. */
    void applied(int works) {
        lock.lock();
        try {
            outstanding -= works;
            if (outstanding == 0) {
                settled.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Blocks until nothing is waiting or being indexed, or the timeout passes; true when idle. */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        var nanos = timeout.toNanos();
        lock.lock();
        try {
            while (outstanding > 0) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = settled.awaitNanos(nanos);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    int waiting() {
        return queue.size();
    }

    /** A mark to compare with at {@link #whileClosed}: how much work was ever added, or -1 while some waits. */
    long mark() {
        lock.lock();
        try {
            return queue.isEmpty() ? added : -1;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs the action while no work can be added, telling it whether the queue stayed quiet —
     * empty at the mark, and nothing added since.
     */
    void whileClosed(long mark, Consumer<Boolean> action) {
        lock.lock();
        try {
            action.accept(mark >= 0 && added == mark);
        } finally {
            lock.unlock();
        }
    }
}
