package org.studyloop.tutor.turn;

import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;
import org.studyloop.catalog.SkillId;
import org.studyloop.tutor.memory.Memory;
import org.studyloop.tutor.memory.Profile;
import org.studyloop.tutor.memory.SkillNote;

/**
 * What a turn teaches the tutor about the student (docs/tutor.md, "Memory"): the profile's
 * counters; on the item's skills, the misconception behind a wrong check or the last wrong answer in
 * practice, the rung after which a check was right, and how far up the ladder the student needed
 * to go — which starts the next ladder on these skills higher.
 */
@Component
class TurnMemory {

    private final Memory memory;

    TurnMemory(Memory memory) {
        this.memory = memory;
    }

    void remember(TurnContext ctx, Reply reply, List<SkillId> skills, Instant now) {
        var student = ctx.student();
        var hint = reply.hintLevel() > ctx.conversation().hintLevel() && !reply.solutionShown() ? 1 : 0;
        var solution = reply.solutionShown() && !ctx.conversation().solutionShown() ? 1 : 0;
        var right = reply.checked().filter("CORRECT"::equals).isPresent() ? 1 : 0;
        var wrong = reply.checked()
                        .filter(o -> o.equals("INCORRECT") || o.equals("PARTIAL"))
                        .isPresent()
                ? 1
                : 0;
        memory.count(
                student,
                new Profile(1, hint, solution, right, wrong, reply.intent() == Intent.PRACTICE_SET ? 1 : 0, ""),
                now);
        if (skills.isEmpty()) {
            return;
        }
        var item = ctx.item().orElseThrow();
        if (solution == 1 && !ctx.answered()) {
            memory.note(student, skills, SkillNote.Kind.LADDER, "needed the worked solution", now);
        } else if (hint == 1 && reply.hintLevel() == ctx.ladder()) {
            memory.note(student, skills, SkillNote.Kind.LADDER, "needed the last hint", now);
        }
        if (wrong == 1) {
            ctx.diagnosis()
                    .proposed()
                    .flatMap(p -> ProposedAnswers.feedback(item, p))
                    .ifPresent(f -> memory.note(student, skills, SkillNote.Kind.MISCONCEPTION, f, now));
        }
        if (ctx.recent().isEmpty()) {
            // The misconception behind the last wrong answer in practice, remembered once per conversation.
            ctx.lastAttempt()
                    .filter(a -> a.outcome().equals("INCORRECT") || a.outcome().equals("PARTIAL"))
                    .flatMap(a -> ProposedAnswers.feedback(item, a.response()))
                    .ifPresent(f -> memory.note(student, skills, SkillNote.Kind.MISCONCEPTION, f, now));
        }
        if (right == 1 && ctx.conversation().hintLevel() > 0) {
            memory.note(
                    student,
                    skills,
                    SkillNote.Kind.HELPED,
                    HintLadder.rung(item, ctx.conversation().hintLevel()),
                    now);
        }
    }
}
