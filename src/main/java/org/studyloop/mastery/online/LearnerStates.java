package org.studyloop.mastery.online;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.studyloop.identity.UserId;

/**
 * The students' states in memory, in front of {@link LearnerStore}: the next-item choice reads a
 * student's mastery of every skill in scope on each answer, and the update needs the state before
 * it, so both come from here instead of a query.
 *
 * <p>The cache holds committed states only. What an answer's transaction writes is kept aside for
 * that transaction (its next-item choice must see the answer just recorded) and enters the cache
 * when the transaction commits; a rollback leaves the cache as it was. A state cached here may be
 * older than the database when another instance wrote since: the write's version check notices,
 * and the answer is computed again from the locked row ({@link LearnerStore}).
 */
@Component
public class LearnerStates {

    private final LearnerStore store;
    private final Cache<UserId, LearnerSnapshot> cache;

    LearnerStates(LearnerStore store, MasteryProperties properties) {
        this.store = store;
        this.cache = Caffeine.newBuilder()
                .maximumSize(properties.cachedLearners())
                .expireAfterAccess(Duration.ofMinutes(30))
                .build();
    }

    /** The student's state as this transaction sees it. */
    public LearnerSnapshot get(UserId student) {
        var overlay = overlay(false);
        if (overlay != null) {
            var written = overlay.written.get(student);
            if (written != null) {
                return written;
            }
        }
        return cache.get(student, id -> store.load(id, false));
    }

    /** The student's state as committed, their row locked until this transaction ends. */
    public LearnerSnapshot lockAndLoad(UserId student) {
        return store.load(student, true);
    }

    /** Keeps what this transaction wrote; the cache takes it when the transaction commits. */
    public void wrote(LearnerSnapshot snapshot) {
        var overlay = overlay(true);
        if (overlay == null) {
            publish(snapshot);
        } else {
            overlay.written.put(snapshot.student(), snapshot);
        }
    }

    /** Runs an action once this transaction commits, or now without one. */
    public void afterCommit(Runnable action) {
        var overlay = overlay(true);
        if (overlay == null) {
            action.run();
        } else {
            overlay.afterCommit.add(action);
        }
    }

    /** Forgets a student's cached state (after a batch change to it). */
    public void forget(UserId student) {
        cache.invalidate(student);
    }

    private void publish(LearnerSnapshot snapshot) {
        cache.asMap()
                .merge(
                        snapshot.student(),
                        snapshot,
                        (old, fresh) ->
                                fresh.learner().answers() >= old.learner().answers() ? fresh : old);
    }

    private @Nullable Overlay overlay(boolean create) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        var bound = (Overlay) TransactionSynchronizationManager.getResource(this);
        if (bound == null && create) {
            bound = new Overlay();
            TransactionSynchronizationManager.bindResource(this, bound);
            TransactionSynchronizationManager.registerSynchronization(bound);
        }
        return bound;
    }

    /** One transaction's writes and after-commit actions. */
    private final class Overlay implements TransactionSynchronization {
        final Map<UserId, LearnerSnapshot> written = new HashMap<>();
        final List<Runnable> afterCommit = new ArrayList<>();

        @Override
        public void afterCommit() {
            written.values().forEach(LearnerStates.this::publish);
            afterCommit.forEach(Runnable::run);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(LearnerStates.this);
        }
    }
}
