package org.studyloop.search.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.HtmlUtils;
import org.studyloop.catalog.Catalog;
import org.studyloop.catalog.CourseId;
import org.studyloop.identity.Actor;
import org.studyloop.identity.Role;
import org.studyloop.practice.PracticeProblems;
import org.studyloop.search.Passage;
import org.studyloop.search.PassageKind;
import org.studyloop.search.Search;
import org.studyloop.shared.ProblemException;

/**
 * The search page (docs/search.md): one box over the lessons and questions a person may see — and
 * for teachers, authors and administrators the worked solutions and hints too — with a course and
 * a kind to narrow it. A lesson opens at its page; a question opens a tutor conversation about it
 * (for authors and administrators, its editor).
 * A query it cannot take (too long, an unknown kind) is said on the page, next to the field.
 */
@Controller
class SearchPage {

    static final int RESULTS = 20;

    private final Search search;
    private final Catalog catalog;

    SearchPage(Search search, Catalog catalog) {
        this.search = search;
        this.catalog = catalog;
    }

    record CourseChoice(UUID courseId, String title) {}

    /**
     * @param lesson whether it opens a lesson's page (else a question's tutor conversation or editor)
     * @param snippet the snippet's pieces, each set as text and typeset by the page's maths script
     */
    record Result(
            String kind, boolean lesson, UUID id, String title, List<Piece> snippet, UUID courseId, String course) {}

    /** A piece of a snippet: plain, or a matched word. */
    record Piece(String text, boolean marked) {}

    private static final Pattern MARK = Pattern.compile("<mark>(.*?)</mark>");

    /** The API's snippet (HTML-escaped, matched words in {@code <mark>}) as text pieces. */
    static List<Piece> pieces(String snippet) {
        var pieces = new ArrayList<Piece>();
        var matcher = MARK.matcher(snippet);
        var last = 0;
        while (matcher.find()) {
            if (matcher.start() > last) {
                pieces.add(new Piece(HtmlUtils.htmlUnescape(snippet.substring(last, matcher.start())), false));
            }
            pieces.add(new Piece(HtmlUtils.htmlUnescape(matcher.group(1)), true));
            last = matcher.end();
        }
        if (last < snippet.length()) {
            pieces.add(new Piece(HtmlUtils.htmlUnescape(snippet.substring(last)), false));
        }
        return pieces;
    }

    @GetMapping("/search")
    String page(
            Actor actor,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable UUID course,
            @RequestParam(required = false) @Nullable String kind,
            Model model) {
        var courses = courses();
        var text = q == null ? "" : q.strip();
        model.addAttribute("q", text);
        model.addAttribute("course", course);
        model.addAttribute("kind", kind == null ? "" : kind);
        model.addAttribute("courses", courses);
        model.addAttribute("kinds", kinds(actor));
        model.addAttribute("editor", actor.has(Role.AUTHOR) || actor.isAdmin());
        model.addAttribute("maxQuery", SearchController.MAX_QUERY);
        model.addAttribute("results", List.of());
        model.addAttribute("searched", false);
        var kinds = kinds(actor);
        var chosenKind = Optional.ofNullable(kind).filter(k -> !k.isBlank()).map(PassageKind::parse);
        if (chosenKind.isPresent()
                && (chosenKind.get().isEmpty()
                        || !kinds.contains(chosenKind.get().get().name().toLowerCase(Locale.ROOT)))) {
            return problem(model, "kind", "search.error.kind");
        }
        if (text.length() > SearchController.MAX_QUERY) {
            return problem(model, "q", "search.error.long");
        }
        if (text.isEmpty()) {
            return "search/search";
        }
        try {
            var titles = new HashMap<UUID, String>();
            courses.forEach(c -> titles.put(c.courseId(), c.title()));
            var passages = search.search(
                    actor, text, Optional.ofNullable(course).map(CourseId::new), chosenKind.flatMap(k -> k), RESULTS);
            model.addAttribute(
                    "results", passages.stream().map(p -> result(p, titles)).toList());
            model.addAttribute("searched", true);
        } catch (ProblemException refused) {
            if (!refused.type().equals(PracticeProblems.NOT_DURING_EXAM)) {
                throw refused;
            }
            model.addAttribute("refused", true);
        }
        return "search/search";
    }

    private static String problem(Model model, String field, String message) {
        model.addAttribute("errorField", field);
        model.addAttribute("error", message);
        return "search/search";
    }

    private static Result result(Passage p, Map<UUID, String> titles) {
        return new Result(
                p.kind().name(),
                p.kind() == PassageKind.LESSON,
                p.sourceId(),
                p.title(),
                pieces(p.snippet()),
                p.courseId().value(),
                titles.getOrDefault(p.courseId().value(), p.courseKey()));
    }

    /** The kinds the person may ask for: solutions and hints only for staff (see {@link Search#search}). */
    private static List<String> kinds(Actor actor) {
        var staff = actor.has(Role.TEACHER) || actor.has(Role.AUTHOR) || actor.isAdmin();
        return Arrays.stream(PassageKind.values())
                .filter(k -> staff || !k.revealsAnswers())
                .map(k -> k.name().toLowerCase(Locale.ROOT))
                .toList();
    }

    private List<CourseChoice> courses() {
        return catalog.courses().stream()
                .flatMap(id -> catalog.course(id).stream())
                .map(c -> new CourseChoice(c.courseId().value(), c.title()))
                .sorted(Comparator.comparing(CourseChoice::title))
                .toList();
    }
}
