package org.studyloop.practice.session;

import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.studyloop.catalog.ItemId;
import org.studyloop.identity.Actor;
import org.studyloop.practice.SessionId;
import org.studyloop.shared.ProblemException;

/** API.md's {@code POST …/hints}: the next rung of an open item's hint ladder, counted against its credit. */
@Service
public class Hints {

    /** A hint shown: its level (1 for the first), its text, and how many are left. */
    public record Hint(int level, String hint, int remaining) {}

    private final Sessions sessions;
    private final Serving serving;
    private final Clock clock;

    Hints(Sessions sessions, Serving serving, Clock clock) {
        this.sessions = sessions;
        this.serving = serving;
        this.clock = clock;
    }

    @Transactional
    public Hint next(Actor actor, SessionId sessionId, ItemId itemId) {
        var session = sessions.lock(sessionId)
                .filter(s -> actor.is(s.student()))
                .orElseThrow(() -> ProblemException.notFound("There is no session " + sessionId + "."));
        session.requireOpen(clock.instant());
        List<String> ladder = List.of();
        if (!session.mode().isExam()) {
            session.requireOpenItem(itemId);
            ladder = serving.item(itemId).hints();
        }
        var level = session.takeHint(itemId, ladder.size());
        sessions.save(session);
        return new Hint(level, ladder.get(level - 1), ladder.size() - level);
    }
}
