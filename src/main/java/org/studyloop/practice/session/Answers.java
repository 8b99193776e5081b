package org.studyloop.practice.session;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.studyloop.catalog.Grading;
import org.studyloop.catalog.ItemId;
import org.studyloop.catalog.ItemSnapshot;
import org.studyloop.catalog.Response;
import org.studyloop.catalog.Verdict;
import org.studyloop.identity.Actor;
import org.studyloop.practice.AnswerRecorded;
import org.studyloop.practice.LearnerModel;
import org.studyloop.practice.SessionId;
import org.studyloop.shared.ProblemException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The answer loop of DESIGN.md: claim the idempotency key, grade, record the attempt, let the
 * learner model learn and choose the next item, count the dashboard's totals and publish {@link
 * AnswerRecorded} — one transaction, so the answer is acknowledged only once all of it commits.
 */
@Service
public class Answers {

    /** A submitted answer. {@code response} is a text or a list of choice ids (API.md). */
    public record Submission(
            ItemId itemId,
            @Nullable Object response,
            String idempotencyKey,
            @Nullable Long elapsedMs) {}

    private final Sessions sessions;
    private final Attempts attempts;
    private final Receipts receipts;
    private final LearnerTotalsStore totals;
    private final Serving serving;
    private final LearnerModel model;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Clock clock;

    Answers(
            Sessions sessions,
            Attempts attempts,
            Receipts receipts,
            LearnerTotalsStore totals,
            Serving serving,
            LearnerModel model,
            ApplicationEventPublisher events,
            JsonMapper json,
            Clock clock) {
        this.sessions = sessions;
        this.attempts = attempts;
        this.receipts = receipts;
        this.totals = totals;
        this.serving = serving;
        this.model = model;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    /** Records an answer and gives the JSON body of its {@link AnswerResult}, the same for a retry. */
    @Transactional
    public String submit(Actor actor, SessionId sessionId, Submission submission) {
        var now = clock.instant();
        var responseJson = json.writeValueAsString(submission.response());
        var hash = Hashes.sha256(sessionId + "|" + submission.itemId() + "|" + responseJson);
        var earlier = receipts.claim(actor.userId(), submission.idempotencyKey(), sessionId, hash, now);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        var session = sessions.lock(sessionId)
                .filter(s -> actor.is(s.student()))
                .orElseThrow(() -> ProblemException.notFound("There is no session " + sessionId + "."));
        session.requireOpen(now);
        session.requireOpenItem(submission.itemId());
        var item = serving.item(submission.itemId());
        var verdict = Grading.grade(item, Response.of(submission.response()));
        var hintsUsed = session.hintsUsed(item.itemId());
        var exam = session.mode().isExam();
        AnswerResult result;
        if (verdict.outcome() == Verdict.Outcome.UNREADABLE) {
            result = new AnswerResult(
                    false,
                    0.0,
                    0.0,
                    verdict.outcome().name(),
                    verdict.feedback(),
                    null,
                    List.of(),
                    StudentItem.of(item),
                    false,
                    hintsUsed,
                    session.answers(),
                    remaining(session));
        } else {
            var credit = verdict.score() * hintFactor(hintsUsed, item.hints().size());
            var elapsed = submission.elapsedMs();
            attempts.add(new Attempts.Attempt(
                    Hashes.newId(),
                    now,
                    sessionId,
                    session.student(),
                    item.itemId(),
                    item.version(),
                    item.skillIds(),
                    verdict.outcome().name(),
                    verdict.score(),
                    credit,
                    hintsUsed,
                    elapsed == null ? null : Math.toIntExact(elapsed),
                    responseJson));
            var changes = verdict.outcome() == Verdict.Outcome.PENDING
                    ? List.<LearnerModel.MasteryChange>of()
                    : model.record(new LearnerModel.Evidence(
                            session.student(),
                            item.itemId(),
                            familyOf(item),
                            item.skillIds(),
                            Optional.ofNullable(item.difficulty()),
                            verdict.correct(),
                            credit,
                            hintsUsed,
                            item.hints().size(),
                            Duration.ofMillis(elapsed == null ? 0 : elapsed),
                            now,
                            session.mode()));
            var firstOfSession = session.answers() == 0;
            session.recordAnswer(item.itemId(), credit);
            totals.countAnswer(session.student(), verdict.correct(), credit, now);
            if (firstOfSession) {
                totals.countSession(session.student());
            }
            var next = serving.next(session, item.itemId(), now);
            sessions.save(session);
            events.publishEvent(new AnswerRecorded(
                    session.student(),
                    sessionId,
                    session.mode(),
                    item.itemId(),
                    item.version(),
                    item.skillIds(),
                    verdict.correct(),
                    verdict.score(),
                    credit,
                    hintsUsed,
                    elapsed == null ? 0 : elapsed,
                    now));
            result =
                    exam ? examResult(session, next, hintsUsed) : result(verdict, credit, item, changes, next, session);
        }
        var body = json.writeValueAsString(result);
        receipts.complete(actor.userId(), submission.idempotencyKey(), body);
        return body;
    }

    private AnswerResult result(
            Verdict verdict,
            double credit,
            ItemSnapshot item,
            List<LearnerModel.MasteryChange> changes,
            Optional<ItemSnapshot> next,
            PracticeSession session) {
        return new AnswerResult(
                verdict.correct(),
                verdict.score(),
                credit,
                verdict.outcome().name(),
                verdict.outcome() == Verdict.Outcome.PENDING
                        ? "Your essay is saved; it is scored separately."
                        : verdict.feedback(),
                item.solution().isBlank() ? null : item.solution(),
                changes.stream()
                        .map(c -> new AnswerResult.MasteryChangeView(c.skillId().value(), c.before(), c.after()))
                        .toList(),
                next.map(StudentItem::of).orElse(null),
                true,
                session.hintsUsed(item.itemId()),
                session.answers(),
                null);
    }

    /** During an exam: recorded, and nothing about the grade until it ends. */
    private AnswerResult examResult(PracticeSession session, Optional<ItemSnapshot> next, int hintsUsed) {
        return new AnswerResult(
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                next.map(StudentItem::of).orElse(null),
                true,
                hintsUsed,
                session.answers(),
                remaining(session));
    }

    private @Nullable Long remaining(PracticeSession session) {
        return session.deadline()
                .map(d -> Math.max(0, Duration.between(clock.instant(), d).toSeconds()))
                .orElse(null);
    }

    /**
     * The item an answer is evidence about, its family: for a template's instance, the template.
     * Instances are clones of one item family, calibrated as one item — "item cloning" (Glas & van der Linden,
     * Applied Psychological Measurement 27(4), 2003, treat a family's clones as draws around one
     * family difficulty) — so that the template's difficulty is learned from all its instances,
     * and the next-item choice, which picks among templates, sees it. The attempt keeps the
     * instance itself.
     */
    static ItemId familyOf(ItemSnapshot item) {
        return item.templateId() != null ? item.templateId() : item.itemId();
    }

    /**
     * Each hint shown lowers the credit of a right answer by an equal step: with {@code n} hints
     * in the ladder and {@code h} used, {@code 1 - h/(n+1)}, so a right answer after every hint
     * still earns {@code 1/(n+1)} — more than a wrong one, less than one without help.
     */
    static double hintFactor(int used, int ladder) {
        return used == 0 ? 1 : 1 - (double) used / (ladder + 1);
    }
}
