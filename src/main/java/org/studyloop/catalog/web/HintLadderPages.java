package org.studyloop.catalog.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.studyloop.catalog.ItemId;
import org.studyloop.catalog.pack.PackException;
import org.studyloop.catalog.pack.PackWriter;
import org.studyloop.catalog.store.Authoring;
import org.studyloop.catalog.store.ItemStore;
import org.studyloop.identity.Actor;
import org.studyloop.shared.ProblemException;

/**
 * The hint-ladder editor: an item's hints, in order, added, removed, moved and rewritten with a
 * live Markdown and KaTeX preview, then saved as the item with only its hints changed, through
 * {@link Authoring#edit} like any edit (a draft in place, a published item as its next version).
 * Adding, removing and moving are plain form posts that give the page back, so the editor works
 * by keyboard and without a script; nothing is stored until "save".
 */
@Controller
class HintLadderPages {

    static final int MAX_HINTS = 20;
    static final int MAX_HINT = 2_000;

    /** A problem with one field: {@code hints[2]}, {@code hints}, or {@code item} for the item as a whole. */
    record HintProblem(String field, int hint, String message, boolean key) {}

    private final Authoring authoring;

    HintLadderPages(Authoring authoring) {
        this.authoring = authoring;
    }

    @GetMapping("/author/items/{itemId}/hints")
    String ladder(Actor actor, @PathVariable UUID itemId, Model model) {
        Authoring.requireAuthor(actor);
        var stored = authoring.view(actor, new ItemId(itemId));
        return page(model, stored, hints(stored.body().get("hints")), List.of());
    }

    @PostMapping("/author/items/{itemId}/hints")
    String change(
            Actor actor,
            @PathVariable UUID itemId,
            @RequestParam(defaultValue = "save") String action,
            HttpServletRequest request,
            Model model) {
        Authoring.requireAuthor(actor);
        var id = new ItemId(itemId);
        var stored = authoring.view(actor, id);
        var hints = new ArrayList<>(submitted(request));
        var at = action.contains("-") ? index(action.substring(action.indexOf('-') + 1), hints.size()) : -1;
        switch (action.contains("-") ? action.substring(0, action.indexOf('-')) : action) {
            case "add" -> {
                if (hints.size() < MAX_HINTS) {
                    hints.add("");
                }
            }
            case "remove" -> hints.remove(at);
            case "up" -> hints.add(Math.max(at - 1, 0), hints.remove(at));
            case "down" -> hints.add(Math.min(at + 1, hints.size()), hints.remove(at));
            case "save" -> {
                var problems = check(hints);
                if (!problems.isEmpty()) {
                    return page(model, stored, hints, problems);
                }
                var body = new LinkedHashMap<>(stored.body());
                body.put("hints", hints.stream().map(String::strip).toList());
                try {
                    var saved = authoring.edit(actor, id, PackWriter.item(body));
                    return "redirect:/author/items/" + itemId + "/hints?saved=" + saved.version();
                } catch (PackException invalid) {
                    return page(
                            model,
                            stored,
                            hints,
                            invalid.errors().stream()
                                    .map(e -> new HintProblem("item", 0, e.message(), false))
                                    .toList());
                } catch (ProblemException refused) {
                    var status = refused.type().status().value();
                    if (status == 403 || status == 404) {
                        throw refused;
                    }
                    return page(model, stored, hints, List.of(new HintProblem("item", 0, refused.detail(), false)));
                }
            }
            default -> throw ProblemException.invalid("action", "is not one of add, remove, up, down, save");
        }
        return page(model, stored, hints, List.of());
    }

    /** The ladder typeset as a student would see it, for the live preview. */
    @PostMapping("/author/hints/preview")
    String preview(Actor actor, HttpServletRequest request, Model model) {
        Authoring.requireAuthor(actor);
        model.addAttribute("hints", submitted(request));
        return "catalog/author-hints :: preview";
    }

    private static List<HintProblem> check(List<String> hints) {
        var problems = new ArrayList<HintProblem>();
        if (hints.isEmpty()) {
            problems.add(new HintProblem("hints", 0, "hints.none", true));
        }
        for (int i = 0; i < hints.size(); i++) {
            if (hints.get(i).isBlank()) {
                problems.add(new HintProblem("hints[" + i + "]", i + 1, "hints.blank", true));
            } else if (hints.get(i).length() > MAX_HINT) {
                problems.add(new HintProblem("hints[" + i + "]", i + 1, "hints.tooLong", true));
            }
        }
        return problems;
    }

    private static List<String> submitted(HttpServletRequest request) {
        // Read as the browser sent them: a List<String> parameter of one value would be split at commas.
        var values = request.getParameterValues("hint");
        var hints = values == null ? List.<String>of() : Arrays.asList(values);
        if (hints.size() > MAX_HINTS) {
            throw ProblemException.invalid("hints", "at most " + MAX_HINTS + " hints");
        }
        return hints;
    }

    private static int index(String text, int size) {
        try {
            var index = Integer.parseInt(text);
            if (index >= 0 && index < size) {
                return index;
            }
        } catch (NumberFormatException e) {
            // answered below, as any other index out of range
        }
        throw ProblemException.invalid("action", "names no hint");
    }

    private static List<String> hints(@Nullable Object value) {
        return value instanceof List<?> list
                ? list.stream().map(String::valueOf).toList()
                : List.of();
    }

    private static String page(Model model, ItemStore.Stored stored, List<String> hints, List<HintProblem> problems) {
        model.addAttribute("item", stored);
        model.addAttribute("hints", hints);
        model.addAttribute("problems", problems);
        model.addAttribute("maxHints", MAX_HINTS);
        return "catalog/author-hints";
    }
}
