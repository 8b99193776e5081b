package org.studyloop.tutor.web;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import org.studyloop.catalog.Catalog;
import org.studyloop.catalog.CourseId;
import org.studyloop.catalog.ItemId;
import org.studyloop.catalog.ItemSnapshot;
import org.studyloop.identity.Actor;
import org.studyloop.practice.Practice;
import org.studyloop.practice.PracticeProblems;
import org.studyloop.practice.SessionId;
import org.studyloop.shared.ProblemException;
import org.studyloop.tutor.ConversationId;
import org.studyloop.tutor.Tutor;
import org.studyloop.tutor.turn.ReplySink;

/**
 * The tutor page (docs/web.md, "The tutor"): the student's conversations, one conversation's turns
 * and a message box. A message is posted here, on the cookie session with its CSRF token, and the
 * reply streams back as the API's events; without a script the form post answers whole and the page
 * reloads. A question set's items are listed under the turn that offered them, with a button that
 * starts them as a quiz through the practice pages. While an exam runs the page says the tutor is
 * not available, as the API refuses.
 */
@Controller
class TutorPages {

    private final Tutor tutor;
    private final Catalog catalog;
    private final Practice practice;

    TutorPages(Tutor tutor, Catalog catalog, Practice practice) {
        this.tutor = tutor;
        this.catalog = catalog;
        this.practice = practice;
    }

    record CourseChoice(UUID courseId, String title) {}

    /** An item of a question set as the page lists it: its stem and choices, no key. */
    record SetItem(UUID itemId, String stem, List<String> choices) {}

    @GetMapping("/tutor")
    String list(Actor actor, Model model) {
        fill(actor, model);
        return "tutor/chat";
    }

    @GetMapping("/tutor/{conversationId}")
    String conversation(Actor actor, @PathVariable UUID conversationId, Model model) {
        var transcript = tutor.transcript(actor, new ConversationId(conversationId))
                .orElseThrow(() -> ProblemException.notFound("There is no conversation " + conversationId + "."));
        fill(actor, model);
        var conversation = transcript.conversation();
        model.addAttribute("conversation", TutorViews.conversation(conversation));
        model.addAttribute("turns", TutorViews.transcript(transcript).turns());
        model.addAttribute(
                "sets",
                transcript.turns().stream()
                        .map(t -> t.quizItemIds().stream()
                                .flatMap(id -> catalog.item(new ItemId(id)).stream())
                                .map(TutorPages::setItem)
                                .toList())
                        .toList());
        model.addAttribute(
                "hintsAvailable",
                conversation
                        .itemId()
                        .flatMap(i -> catalog.item(actor, i))
                        .map(i -> i.hints().size())
                        .orElse(0));
        return "tutor/chat";
    }

    private static SetItem setItem(ItemSnapshot item) {
        return new SetItem(
                item.itemId().value(),
                item.stem(),
                item.type().hasChoices()
                        ? item.choices().stream().map(c -> c.text()).toList()
                        : List.of());
    }

    private void fill(Actor actor, Model model) {
        model.addAttribute(
                "conversations",
                tutor.conversations(actor).stream()
                        .map(TutorViews::conversation)
                        .toList());
        model.addAttribute("courses", courses());
        model.addAttribute(
                "examRunning", practice.examInProgress(actor.userId()).isPresent());
        model.addAttribute("maxText", TutorController.MAX_TEXT);
    }

    private List<CourseChoice> courses() {
        return catalog.courses().stream()
                .flatMap(id -> catalog.course(id).stream())
                .map(c -> new CourseChoice(c.courseId().value(), c.title()))
                .toList();
    }

    /** Opens a conversation about a course, or an item of a practice session ("Ask the tutor"). */
    @PostMapping("/tutor/conversations")
    String start(
            Actor actor,
            @RequestParam(required = false) @Nullable UUID courseId,
            @RequestParam(required = false) @Nullable UUID itemId,
            @RequestParam(required = false) @Nullable UUID sessionId) {
        try {
            var id = tutor.start(
                    actor,
                    Optional.ofNullable(courseId).map(CourseId::new),
                    Optional.ofNullable(itemId).map(ItemId::new),
                    Optional.ofNullable(sessionId).map(SessionId::new));
            return "redirect:/tutor/" + id;
        } catch (ProblemException e) {
            return refusedDuringExam(e, "redirect:/tutor");
        }
    }

    /** A message from the page's script: the reply streams back as the API's events. */
    @PostMapping("/tutor/{conversationId}/stream")
    ResponseEntity<ResponseBodyEmitter> stream(
            Actor actor, @PathVariable UUID conversationId, @RequestParam String text) {
        return ResponseEntity.ok()
                .contentType(MediaType.TEXT_EVENT_STREAM)
                .body(ReplyStream.open(tutor, actor, new ConversationId(conversationId), checked(text)));
    }

    /** A message without a script: answered whole, shown on the reloaded page. */
    @PostMapping("/tutor/{conversationId}/messages")
    String message(Actor actor, @PathVariable UUID conversationId, @RequestParam String text) {
        try {
            tutor.ask(actor, new ConversationId(conversationId), checked(text), ReplySink.none());
        } catch (ProblemException e) {
            return refusedDuringExam(e, "redirect:/tutor/" + conversationId);
        }
        return "redirect:/tutor/" + conversationId;
    }

    private static String checked(String text) {
        if (text.isBlank() || text.length() > TutorController.MAX_TEXT) {
            throw ProblemException.invalid("text", "must be 1 to " + TutorController.MAX_TEXT + " characters");
        }
        return text;
    }

    @PostMapping("/tutor/{conversationId}/delete")
    String delete(Actor actor, @PathVariable UUID conversationId) {
        tutor.delete(actor, new ConversationId(conversationId));
        return "redirect:/tutor";
    }

    /** The page itself says the tutor waits for the exam to end; any other problem is the error page. */
    private static String refusedDuringExam(ProblemException e, String page) {
        if (e.type().equals(PracticeProblems.NOT_DURING_EXAM)) {
            return page;
        }
        throw e;
    }
}
