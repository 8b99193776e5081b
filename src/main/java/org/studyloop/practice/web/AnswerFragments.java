package org.studyloop.practice.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.studyloop.catalog.Catalog;
import org.studyloop.catalog.ItemId;
import org.studyloop.catalog.SkillId;
import org.studyloop.identity.Actor;
import org.studyloop.practice.SessionId;
import org.studyloop.practice.session.AnswerResult;
import org.studyloop.practice.session.Answers;
import org.studyloop.practice.session.Hints;
import org.studyloop.shared.ProblemException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The practice page's htmx calls: an answer gives back the feedback, the solution and the mastery
 * change with the next item in the same fragment; a hint gives back the next rung of the ladder.
 * The idempotency key comes from the page's script, one per answer, so an answer retried or sent
 * again from the offline queue is recorded once ({@link Answers#submit}).
 */
@Controller
class AnswerFragments {

    private static final int MAX_RESPONSE = 20_000;

    private final Answers answers;
    private final Hints hints;
    private final Catalog catalog;
    private final JsonMapper json;

    AnswerFragments(Answers answers, Hints hints, Catalog catalog, JsonMapper json) {
        this.answers = answers;
        this.hints = hints;
        this.catalog = catalog;
        this.json = json;
    }

    /** A mastery change with the skill's name, percentages whole. */
    record Change(String skill, long before, long after) {}

    @PostMapping("/practice/sessions/{sessionId}/answers")
    String answer(
            Actor actor,
            @PathVariable UUID sessionId,
            @RequestParam UUID itemId,
            @RequestParam String type,
            @RequestParam(name = "response", required = false) @Nullable List<String> response,
            @RequestParam(defaultValue = "") String idempotencyKey,
            @RequestParam(required = false) @Nullable Long elapsedMs,
            HttpServletResponse http,
            Model model) {
        var key = idempotencyKey.isBlank() ? UUID.randomUUID().toString() : idempotencyKey;
        if (key.length() > 100 || !key.matches("[\\x21-\\x7E]+")) {
            throw ProblemException.invalid("idempotencyKey", "must be printable ASCII without spaces");
        }
        var elapsed = elapsedMs == null ? null : Math.max(0, Math.min(elapsedMs, 86_400_000L));
        var body = answers.submit(
                actor,
                new SessionId(sessionId),
                new Answers.Submission(new ItemId(itemId), response(type, response), key, elapsed));
        var result = json.readValue(body, AnswerResult.class);
        if (result.remainingSeconds() != null) {
            // An exam shows no grade until it ends: back to its page, on the next open item.
            http.setHeader("HX-Redirect", "/practice/sessions/" + sessionId);
        }
        model.addAttribute("sessionId", sessionId);
        model.addAttribute("result", result);
        model.addAttribute("changes", changes(result));
        model.addAttribute("item", result.recorded() ? result.nextItem() : null);
        model.addAttribute("answered", result.answers());
        return "practice/fragments :: answered";
    }

    @PostMapping("/practice/sessions/{sessionId}/hints")
    String hint(Actor actor, @PathVariable UUID sessionId, @RequestParam UUID itemId, Model model) {
        model.addAttribute("hint", hints.next(actor, new SessionId(sessionId), new ItemId(itemId)));
        return "practice/fragments :: hint";
    }

    /** The response as grading reads it: the choice ids for a multiple choice, else one text. */
    private static Object response(String type, @Nullable List<String> values) {
        var given = values == null ? List.<String>of() : values;
        if (given.stream().mapToInt(String::length).sum() > MAX_RESPONSE) {
            throw ProblemException.invalid("response", "is too long");
        }
        return switch (type) {
            case "MULTIPLE_CHOICE" -> given;
            case "ORDERING" ->
                given.isEmpty()
                        ? List.of()
                        : Arrays.stream(given.getFirst().split("[,\\s]+"))
                                .filter(s -> !s.isBlank())
                                .toList();
            default -> given.isEmpty() ? "" : given.getFirst().strip();
        };
    }

    private List<Change> changes(AnswerResult result) {
        var names = new HashMap<SkillId, String>();
        if (!result.masteryChanges().isEmpty()) {
            skillNames(names);
        }
        return result.masteryChanges().stream()
                .map(c -> new Change(
                        names.getOrDefault(new SkillId(c.skillId()), "?"),
                        Math.round(100 * c.before()),
                        Math.round(100 * c.after())))
                .toList();
    }

    private void skillNames(Map<SkillId, String> names) {
        catalog.courses().stream()
                .flatMap(id -> catalog.course(id).stream())
                .flatMap(course -> course.skills().stream())
                .forEach(skill -> names.put(skill.skillId(), skill.name()));
    }
}
