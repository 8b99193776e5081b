package org.studyloop.practice.plain;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.annotation.Fallback;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.studyloop.catalog.ItemId;
import org.studyloop.catalog.SkillId;
import org.studyloop.identity.UserId;
import org.studyloop.practice.LearnerModel;
import org.studyloop.practice.SessionMode;
import org.studyloop.practice.bank.ItemBank;

/**
 * The learner model practice falls back on when no module implements {@link LearnerModel}
 * ({@link Fallback}): mastery of a skill is the Laplace-smoothed share of credit earned on it,
 * {@code (credit + 1) / (answers + 2)} (the rule of succession), items come unanswered first in
 * the course's prerequisite order, and a skill is due for review one, three or seven days after
 * its last answer as its mastery is below 0.5, below 0.8 or above. It learns nothing across
 * students; the mastery module replaces it.
 */
@Component
@Fallback
class PlainLearnerModel implements LearnerModel {

    private final JdbcClient jdbc;
    private final ItemBank bank;

    PlainLearnerModel(JdbcClient jdbc, ItemBank bank) {
        this.jdbc = jdbc;
        this.bank = bank;
    }

    @Override
    public List<MasteryChange> record(Evidence evidence) {
        var changes = new ArrayList<MasteryChange>();
        for (var skill : evidence.skills()) {
            var after = jdbc.sql("""
                            insert into practice.skill_tallies as t (student_id, skill_id, answers, credit, last_at)
                            values (?, ?, 1, ?, ?)
                            on conflict (student_id, skill_id) do update set answers = t.answers + 1,
                                credit = t.credit + excluded.credit, last_at = greatest(t.last_at, excluded.last_at)
                            returning answers, credit""")
                    .params(
                            evidence.student().value(),
                            skill.value(),
                            evidence.credit(),
                            Timestamp.from(evidence.answeredAt()))
                    .query((rs, row) -> new Tally(rs.getInt("answers"), rs.getDouble("credit")))
                    .single();
            var before = new Tally(after.answers() - 1, after.credit() - evidence.credit());
            changes.add(new MasteryChange(skill, before.mastery(), after.mastery()));
        }
        return changes;
    }

    private record Tally(int answers, double credit) {
        double mastery() {
            return Math.clamp((credit + 1) / (answers + 2), 0.0, 1.0);
        }

        double confidence() {
            return answers / (answers + 5.0);
        }
    }

    @Override
    public Optional<ItemId> next(Scope scope) {
        var candidates = bank.itemsOf(scope.skills());
        var templates = new ArrayList<ItemId>();
        for (var candidate : candidates) {
            var item = bank.item(candidate);
            if (item.isEmpty()) {
                continue;
            }
            if (item.get().isTemplate()) {
                templates.add(candidate);
            } else if (!scope.seen().contains(candidate)) {
                return Optional.of(candidate);
            }
        }
        if (!templates.isEmpty()) {
            return Optional.of(templates.get(scope.recent().size() % templates.size()));
        }
        if (scope.mode() == SessionMode.REVIEW || candidates.isEmpty()) {
            return Optional.empty();
        }
        // Every item is seen: the one whose last showing is longest ago comes back.
        return candidates.stream()
                .min(Comparator.comparingInt(c -> scope.recent().lastIndexOf(c)));
    }

    @Override
    public AdaptiveStep adaptiveTest(AdaptiveExam exam) {
        return PlainAdaptiveTest.step(exam, bank);
    }

    @Override
    public List<DueReview> dueReviews(UserId student, Instant now, int limit) {
        return jdbc
                .sql("""
                        select skill_id, last_at + case
                                when (credit + 1) / (answers + 2) < 0.5 then interval '1 day'
                                when (credit + 1) / (answers + 2) < 0.8 then interval '3 days'
                                else interval '7 days' end as due_at
                        from practice.skill_tallies where student_id = ?
                        order by due_at""")
                .param(student.value())
                .query((rs, row) -> new DueReview(
                        new SkillId(rs.getObject("skill_id", UUID.class)),
                        Optional.empty(),
                        rs.getTimestamp("due_at").toInstant()))
                .stream()
                .filter(due -> !due.dueAt().isAfter(now))
                .limit(limit)
                .toList();
    }

    @Override
    public List<SkillLevel> mastery(UserId student, Collection<SkillId> skills) {
        var levels = jdbc.sql("select skill_id, answers, credit from practice.skill_tallies where student_id = ?")
                .param(student.value())
                .query((rs, row) -> {
                    var tally = new Tally(rs.getInt("answers"), rs.getDouble("credit"));
                    return new SkillLevel(
                            new SkillId(rs.getObject("skill_id", UUID.class)),
                            tally.mastery(),
                            tally.confidence(),
                            tally.answers());
                })
                .list();
        if (skills.isEmpty()) {
            return levels;
        }
        var none = new Tally(0, 0);
        return skills.stream()
                .map(skill -> levels.stream()
                        .filter(l -> l.skillId().equals(skill))
                        .findFirst()
                        .orElse(new SkillLevel(skill, none.mastery(), 0, 0)))
                .toList();
    }
}
