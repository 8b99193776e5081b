package org.studyloop.practice.session;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.studyloop.catalog.ItemId;
import org.studyloop.catalog.ItemSnapshot;
import org.studyloop.catalog.Verdict;
import org.studyloop.practice.LearnerModel;
import org.studyloop.practice.bank.ItemBank;
import org.studyloop.shared.ProblemException;

/**
 * Which item a session shows next: the next unanswered planned item of a quiz or an exam, or the
 * learner model's choice for an adaptive or review session — a template's fresh instance when the
 * model names a template.
 */
@Component
class Serving {

    private final ItemBank bank;
    private final LearnerModel model;
    private final Attempts attempts;

    Serving(ItemBank bank, LearnerModel model, Attempts attempts) {
        this.bank = bank;
        this.model = model;
        this.attempts = attempts;
    }

    ItemSnapshot item(ItemId id) {
        return bank.item(id).orElseThrow(() -> ProblemException.notFound("There is no item " + id + "."));
    }

    /** Chooses the session's next item and makes it current; empty when the session has no more. */
    Optional<ItemSnapshot> next(PracticeSession session, @Nullable ItemId after, Instant now) {
        Optional<ItemSnapshot> next;
        if (session.isPlanned()) {
            next = session.nextPlanned(after).flatMap(bank::item);
        } else if (session.adaptive().isPresent()) {
            next = adaptive(session, session.adaptive().get());
        } else {
            var scope = new LearnerModel.Scope(
                    session.student(),
                    session.mode(),
                    session.courseId(),
                    session.skills(),
                    session.seen(),
                    session.answered(),
                    now);
            next = model.next(scope).flatMap(bank::item).map(this::concrete);
        }
        session.serve(next.map(ItemSnapshot::itemId).orElse(null));
        return next;
    }

    /**
     * An adaptive exam's next item: the learner model's choice from the graded answers so far (this
     * transaction's attempt included), which also gives the ability estimate the session keeps.
     */
    private Optional<ItemSnapshot> adaptive(PracticeSession session, AdaptivePlan plan) {
        var responses = attempts.ofSession(session.id()).stream()
                .filter(a -> !a.outcome().equals(Verdict.Outcome.PENDING.name()))
                .map(a -> new LearnerModel.Response(a.itemId(), a.outcome().equals(Verdict.Outcome.CORRECT.name())))
                .toList();
        var step = model.adaptiveTest(new LearnerModel.AdaptiveExam(
                session.student(),
                plan.areas(),
                responses,
                session.seen(),
                plan.targetStandardError(),
                plan.maxItems()));
        session.estimated(step.ability(), step.standardError());
        return step.next().flatMap(bank::item).map(this::concrete);
    }

    /** The item itself, or a fresh instance when it is a template. */
    ItemSnapshot concrete(ItemSnapshot item) {
        return item.isTemplate()
                ? bank.instance(item.itemId(), ThreadLocalRandom.current().nextLong())
                : item;
    }
}
