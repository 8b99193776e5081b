package org.studyloop.classroom.classes;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.relational.core.sql.LockMode;
import org.springframework.data.relational.repository.Lock;
import org.springframework.data.repository.ListCrudRepository;

/**
 * The classes, as Spring Data JDBC aggregates of {@code classroom.classes}. Changes go through the
 * locking finders: Spring Data JDBC saves a collection by deleting and re-inserting its rows, so
 * two joins working on copies loaded at the same time would each drop the other's student. The
 * {@code FOR UPDATE} lock makes them take turns; the {@code @Version} column catches any writer
 * that did not lock.
 */
interface SchoolClasses extends ListCrudRepository<SchoolClass, UUID> {

    @Lock(LockMode.PESSIMISTIC_WRITE)
    Optional<SchoolClass> findLockedById(UUID id);

    /**
     * Waits for a concurrent rotation of the same class and then finds nothing if the code was
     * replaced: under Read Committed, PostgreSQL re-checks a waiting {@code FOR UPDATE}'s condition
     * against the row's newest version (PostgreSQL documentation, §13.2.1).
     */
    @Lock(LockMode.PESSIMISTIC_WRITE)
    Optional<SchoolClass> findLockedByJoinCodeAndArchivedAtIsNull(String joinCode);

    boolean existsByJoinCode(String joinCode);
}
