package org.studyloop.tutor.memory;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.studyloop.catalog.SkillId;
import org.studyloop.identity.UserId;

/**
 * The tutor's memory of a student across conversations (issue 8, "memory"): notes per skill in
 * {@code tutor.skill_notes} and a profile in {@code tutor.profiles}. Both hold authored feedback
 * and counters only, never the student's own words, so deleting a conversation removes the
 * transcript while the profile keeps what the ladder rule needs.
 */
@Repository
public class Memory {

    /** Notes read per turn: the most seen and recent first. */
    static final int NOTES_PER_TURN = 12;

    private final JdbcClient jdbc;

    Memory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<SkillNote> notes(UserId student, Collection<SkillId> skills) {
        if (skills.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select skill_id, kind, note, seen, last_at from tutor.skill_notes
                        where student_id = ? and skill_id = any(?::uuid[])
                        order by seen desc, last_at desc limit ?""")
                .params(student.value(), array(skills), NOTES_PER_TURN)
                .query((rs, row) -> new SkillNote(
                        new SkillId(rs.getObject("skill_id", UUID.class)),
                        SkillNote.Kind.valueOf(rs.getString("kind")),
                        rs.getString("note"),
                        rs.getInt("seen"),
                        rs.getTimestamp("last_at").toInstant()))
                .list();
    }

    public void note(UserId student, Collection<SkillId> skills, SkillNote.Kind kind, String note, Instant at) {
        var text = note.length() > 500 ? note.substring(0, 500) : note;
        for (var skill : skills) {
            jdbc.sql("""
                            insert into tutor.skill_notes as n (student_id, skill_id, kind, note, seen, last_at)
                            values (?, ?, ?, ?, 1, ?)
                            on conflict (student_id, skill_id, kind, note)
                            do update set seen = n.seen + 1, last_at = excluded.last_at""")
                    .params(student.value(), skill.value(), kind.name(), text, Timestamp.from(at))
                    .update();
        }
    }

    public Profile profile(UserId student) {
        return jdbc.sql("""
                        select turns, hints, solutions, checks_right, checks_wrong, question_sets, summary
                        from tutor.profiles where student_id = ?""")
                .param(student.value())
                .query((rs, row) -> new Profile(
                        rs.getInt("turns"),
                        rs.getInt("hints"),
                        rs.getInt("solutions"),
                        rs.getInt("checks_right"),
                        rs.getInt("checks_wrong"),
                        rs.getInt("question_sets"),
                        rs.getString("summary")))
                .optional()
                .orElse(Profile.NONE);
    }

    /** Counts a turn into the profile and rewrites its summary from the counters and the notes. */
    public void count(UserId student, Profile delta, Instant at) {
        var before = profile(student);
        var after = new Profile(
                before.turns() + delta.turns(),
                before.hints() + delta.hints(),
                before.solutions() + delta.solutions(),
                before.checksRight() + delta.checksRight(),
                before.checksWrong() + delta.checksWrong(),
                before.questionSets() + delta.questionSets(),
                "");
        var summary = summary(after, misconceptions(student));
        jdbc.sql("""
                        insert into tutor.profiles as p (student_id, turns, hints, solutions, checks_right, checks_wrong,
                            question_sets, summary, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (student_id) do update set turns = excluded.turns, hints = excluded.hints,
                            solutions = excluded.solutions, checks_right = excluded.checks_right,
                            checks_wrong = excluded.checks_wrong, question_sets = excluded.question_sets,
                            summary = excluded.summary, updated_at = excluded.updated_at""")
                .params(
                        student.value(),
                        after.turns(),
                        after.hints(),
                        after.solutions(),
                        after.checksRight(),
                        after.checksWrong(),
                        after.questionSets(),
                        summary,
                        Timestamp.from(at))
                .update();
    }

    /** Forgets everything the tutor remembers of the student: notes and profile. */
    public void forget(UserId student) {
        jdbc.sql("delete from tutor.skill_notes where student_id = ?")
                .param(student.value())
                .update();
        jdbc.sql("delete from tutor.profiles where student_id = ?")
                .param(student.value())
                .update();
    }

    private List<String> misconceptions(UserId student) {
        return jdbc.sql("""
                        select note from tutor.skill_notes where student_id = ? and kind = 'MISCONCEPTION'
                        order by seen desc, last_at desc limit 3""").param(student.value()).query(String.class).list();
    }

    static String summary(Profile p, List<String> misconceptions) {
        var text = new StringBuilder(String.format(
                Locale.ROOT,
                "%d tutor turns: %d hints, %d worked solutions, checks %d right and %d wrong, %d question sets.",
                p.turns(),
                p.hints(),
                p.solutions(),
                p.checksRight(),
                p.checksWrong(),
                p.questionSets()));
        if (p.hints() > 0 && p.solutions() * 3 >= p.hints()) {
            text.append(" Often needs the worked solution: start higher on the ladder.");
        }
        if (!misconceptions.isEmpty()) {
            text.append(" Misconceptions seen: ").append(String.join(" | ", misconceptions));
        }
        return text.toString();
    }

    private static String array(Collection<SkillId> skills) {
        return "{" + String.join(",", skills.stream().map(SkillId::toString).toList()) + "}";
    }
}
