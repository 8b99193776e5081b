package org.studyloop.classroom.classes;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;
import org.studyloop.classroom.ClassId;
import org.studyloop.identity.UserId;

/**
 * A class: the aggregate that guards who is in it. A teacher hands out its join code; students
 * join with it and leave; the teacher removes students and rotates the code when it leaked. The
 * memberships are part of the aggregate, so every change to them is one save of the class; the
 * service loads the class with a row lock, so that concurrent joins queue instead of overwriting
 * each other's membership set.
 */
@Table(schema = "classroom", name = "classes")
public class SchoolClass {

    static final int MAX_NAME_LENGTH = 100;

    @Id
    private final UUID id;

    private final String name;
    private final @Nullable UUID courseId;
    private final UUID teacherId;
    private String joinCode;
    private final Instant createdAt;
    private final @Nullable Instant archivedAt;

    @Version
    private @Nullable Long version;

    @MappedCollection(idColumn = "class_id")
    private final Set<Membership> memberships;

    @PersistenceCreator
    SchoolClass(
            UUID id,
            String name,
            @Nullable UUID courseId,
            UUID teacherId,
            String joinCode,
            Instant createdAt,
            @Nullable Instant archivedAt,
            @Nullable Long version,
            Set<Membership> memberships) {
        this.id = id;
        this.name = name;
        this.courseId = courseId;
        this.teacherId = teacherId;
        this.joinCode = joinCode;
        this.createdAt = createdAt;
        this.archivedAt = archivedAt;
        this.version = version;
        this.memberships = new HashSet<>(memberships);
    }

    static SchoolClass create(
            UUID id, String name, @Nullable UUID courseId, UserId teacher, String joinCode, Instant now) {
        var stripped = name.strip();
        if (stripped.isEmpty() || stripped.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("A class name has 1 to " + MAX_NAME_LENGTH + " characters");
        }
        requireJoinCode(joinCode);
        return new SchoolClass(id, stripped, courseId, teacher.value(), joinCode, now, null, null, Set.of());
    }

    /**
     * Adds the student. Joining twice is not an error (a student who taps "join" again, or whose
     * request is retried, is simply in the class): the answer says whether anything changed.
     */
    boolean join(UserId student, Instant now) {
        if (hasStudent(student)) {
            return false;
        }
        return memberships.add(new Membership(student.value(), now));
    }

    /** Takes the student out; false when they were not in the class. */
    boolean removeStudent(UserId student) {
        return memberships.removeIf(m -> m.studentId().equals(student.value()));
    }

    /** Replaces the join code; the old one stops working when the class is saved. */
    void rotateJoinCode(String newCode) {
        requireJoinCode(newCode);
        if (newCode.equals(joinCode)) {
            throw new IllegalArgumentException("A new join code must differ from the old one");
        }
        joinCode = newCode;
    }

    private static void requireJoinCode(String code) {
        if (!ReadableCodes.isWellFormed(code, ReadableCodes.JOIN_CODE_LENGTH)) {
            throw new IllegalArgumentException("Not a join code");
        }
    }

    public boolean hasStudent(UserId student) {
        return memberships.stream().anyMatch(m -> m.studentId().equals(student.value()));
    }

    public boolean isTaughtBy(UserId user) {
        return teacherId.equals(user.value());
    }

    /** The students in the order they joined. */
    public List<UserId> students() {
        return memberships.stream()
                .sorted(Comparator.comparing(Membership::joinedAt).thenComparing(Membership::studentId))
                .map(m -> new UserId(m.studentId()))
                .toList();
    }

    public ClassId classId() {
        return new ClassId(id);
    }

    public String name() {
        return name;
    }

    public Optional<UUID> courseId() {
        return Optional.ofNullable(courseId);
    }

    public UserId teacher() {
        return new UserId(teacherId);
    }

    public String joinCode() {
        return joinCode;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public boolean archived() {
        return archivedAt != null;
    }
}
