package org.studyloop.classroom.classes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.HashSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.studyloop.identity.UserId;

/** The rules of a class and of its codes, without Spring or a database. */
class SchoolClassTests {

    private static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");
    private final UserId teacher = new UserId(UUID.randomUUID());
    private final UserId ada = new UserId(UUID.randomUUID());
    private final UserId ben = new UserId(UUID.randomUUID());

    private SchoolClass newClass() {
        return SchoolClass.create(UUID.randomUUID(), "  Algebra 1 ", null, teacher, "ABCDEFGH", NOW);
    }

    @Test
    void joinCodesHaveEightSymbolsOfTheUnambiguousAlphabet() {
        var seen = new HashSet<Character>();
        for (var i = 0; i < 2_000; i++) {
            var code = ReadableCodes.random(ReadableCodes.JOIN_CODE_LENGTH);
            assertThat(code).hasSize(8).matches(ReadableCodes.JOIN_CODE_PATTERN);
            assertThat(code).doesNotContain("0", "O", "1", "I", "L");
            code.chars().forEach(c -> seen.add((char) c));
        }
        // 16,000 draws from 31 symbols reach every one of them: the whole alphabet is in use.
        assertThat(seen).hasSize(31);
        assertThat(ReadableCodes.ALPHABET).hasSize(31).doesNotContain("0", "O", "1", "I", "L");
    }

    @Test
    void guardianCodesHaveTenSymbols() {
        assertThat(ReadableCodes.random(ReadableCodes.GUARDIAN_CODE_LENGTH))
                .hasSize(10)
                .matches(ReadableCodes.GUARDIAN_CODE_PATTERN);
    }

    @Test
    void typedCodesAreNormalisedAndChecked() {
        assertThat(ReadableCodes.normalise(" abcd2345 ")).isEqualTo("ABCD2345");
        assertThat(ReadableCodes.isWellFormed("ABCD2345", 8)).isTrue();
        assertThat(ReadableCodes.isWellFormed("ABCD234O", 8)).isFalse();
        assertThat(ReadableCodes.isWellFormed("ABCD234", 8)).isFalse();
        assertThat(ReadableCodes.isWellFormed("abcd2345", 8)).isFalse();
    }

    @Test
    void aNewClassHasItsTeacherATrimmedNameAndNoStudents() {
        var schoolClass = newClass();

        assertThat(schoolClass.name()).isEqualTo("Algebra 1");
        assertThat(schoolClass.isTaughtBy(teacher)).isTrue();
        assertThat(schoolClass.isTaughtBy(ada)).isFalse();
        assertThat(schoolClass.students()).isEmpty();
        assertThat(schoolClass.archived()).isFalse();
    }

    @Test
    void aNameHasOneToAHundredCharacters() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SchoolClass.create(UUID.randomUUID(), "   ", null, teacher, "ABCDEFGH", NOW));
        assertThatIllegalArgumentException()
                .isThrownBy(
                        () -> SchoolClass.create(UUID.randomUUID(), "x".repeat(101), null, teacher, "ABCDEFGH", NOW));
        assertThat(SchoolClass.create(UUID.randomUUID(), "x".repeat(100), null, teacher, "ABCDEFGH", NOW)
                        .name())
                .hasSize(100);
    }

    @Test
    void joiningTwiceIsOneMembership() {
        var schoolClass = newClass();

        assertThat(schoolClass.join(ada, NOW)).isTrue();
        assertThat(schoolClass.join(ada, NOW.plusSeconds(60))).isFalse();

        assertThat(schoolClass.students()).containsExactly(ada);
    }

    @Test
    void studentsAreListedInTheOrderTheyJoined() {
        var schoolClass = newClass();
        schoolClass.join(ben, NOW.plusSeconds(5));
        schoolClass.join(ada, NOW);

        assertThat(schoolClass.students()).containsExactly(ada, ben);
    }

    @Test
    void removingTakesOnlyThatStudentOut() {
        var schoolClass = newClass();
        schoolClass.join(ada, NOW);
        schoolClass.join(ben, NOW);

        assertThat(schoolClass.removeStudent(ada)).isTrue();
        assertThat(schoolClass.removeStudent(ada)).isFalse();

        assertThat(schoolClass.hasStudent(ada)).isFalse();
        assertThat(schoolClass.students()).containsExactly(ben);
    }

    @Test
    void rotationReplacesTheCodeWithAnotherWellFormedOne() {
        var schoolClass = newClass();

        schoolClass.rotateJoinCode("HJKMNPQR");

        assertThat(schoolClass.joinCode()).isEqualTo("HJKMNPQR");
        assertThatIllegalArgumentException().isThrownBy(() -> schoolClass.rotateJoinCode("HJKMNPQR"));
        assertThatIllegalArgumentException().isThrownBy(() -> schoolClass.rotateJoinCode("HJKMNPQ0"));
        assertThat(schoolClass.joinCode()).isEqualTo("HJKMNPQR");
    }

    @Test
    void aClassCannotStartWithAMalformedCode() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SchoolClass.create(UUID.randomUUID(), "Algebra", null, teacher, "ABC", NOW));
    }
}
