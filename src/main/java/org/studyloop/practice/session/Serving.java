package org.studyloop.practice.session;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.studyloop.catalog.ItemId;
import org.studyloop.catalog.ItemSnapshot;
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

    Serving(ItemBank bank, LearnerModel model) {
        this.bank = bank;
        this.model = model;
    }

    ItemSnapshot item(ItemId id) {
        return bank.item(id).orElseThrow(() -> ProblemException.notFound("There is no item " + id + "."));
    }

    /** Chooses the session's next item and makes it current; empty when the session has no more. */
    Optional<ItemSnapshot> next(PracticeSession session, @Nullable ItemId after, Instant now) {
        Optional<ItemSnapshot> next;
        if (session.isPlanned()) {
            next = session.nextPlanned(after).flatMap(bank::item);
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

    /** The item itself, or a fresh instance when it is a template. */
    ItemSnapshot concrete(ItemSnapshot item) {
        return item.isTemplate()
                ? bank.instance(item.itemId(), ThreadLocalRandom.current().nextLong())
                : item;
    }
}
