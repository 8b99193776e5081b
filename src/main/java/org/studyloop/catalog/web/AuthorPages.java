package org.studyloop.catalog.web;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.studyloop.catalog.Catalog;
import org.studyloop.catalog.CourseId;
import org.studyloop.catalog.ItemId;
import org.studyloop.catalog.pack.PackError;
import org.studyloop.catalog.pack.PackException;
import org.studyloop.catalog.pack.PackParser;
import org.studyloop.catalog.pack.PackWriter;
import org.studyloop.catalog.store.Authoring;
import org.studyloop.identity.Actor;
import org.studyloop.shared.ProblemException;

/**
 * The author's item editor: an item written as in a content pack ({@code items/*.yaml}, see
 * docs/content-packs.md), a live preview as it is typed (the same parser as a pack import, so the
 * preview lists the errors an import would), saved as a draft and then published, through the
 * same {@link Authoring} as the API. For authors and administrators; a teacher's class-private items
 * go through the API for now.
 */
@Controller
class AuthorPages {

    private static final int MAX_TEXT = 100_000;

    static final String EXAMPLE = """
            key: my-first-item
            type: SINGLE_CHOICE
            skills: [solve-linear-one-variable]
            stem: Solve $2x + 3 = 11$.
            choices:
            - id: a
              text: $x = 4$
            - id: b
              text: $x = 7$
              feedback: Subtract 3 **before** dividing by 2.
            answer: a
            hints:
            - Subtract 3 from both sides.
            - $2x = 8$
            solution: $2x = 11 - 3 = 8$, so $x = 4$.
            """;

    record CourseChoice(UUID courseId, String title) {}

    private final Authoring authoring;
    private final Catalog catalog;

    AuthorPages(Authoring authoring, Catalog catalog) {
        this.authoring = authoring;
        this.catalog = catalog;
    }

    @GetMapping("/author/items/new")
    String editor(Actor actor, Model model) {
        Authoring.requireAuthor(actor);
        return form(model, EXAMPLE, null, List.of());
    }

    @PostMapping("/author/items/preview")
    String preview(Actor actor, @RequestParam(defaultValue = "") String item, Model model) {
        Authoring.requireAuthor(actor);
        try {
            model.addAttribute("preview", PackParser.item("item", limited(item)));
            model.addAttribute("errors", List.of());
        } catch (PackException invalid) {
            model.addAttribute("errors", invalid.errors());
        }
        return "catalog/author-preview :: preview";
    }

    @PostMapping("/author/items")
    String create(Actor actor, @RequestParam UUID courseId, @RequestParam(defaultValue = "") String item, Model model) {
        Authoring.requireAuthor(actor);
        try {
            var created = authoring.create(actor, new CourseId(courseId), null, limited(item));
            model.addAttribute("saved", created);
            return "catalog/author-saved";
        } catch (PackException invalid) {
            return form(model, item, courseId, invalid.errors());
        } catch (ProblemException refused) {
            return form(model, item, courseId, List.of(new PackError("item", 0, refused.detail())));
        }
    }

    /** A stored item loaded back into the editor as its pack YAML; saving it is an edit (see {@link Authoring#edit}). */
    @GetMapping("/author/items/{itemId}/edit")
    String edit(Actor actor, @PathVariable UUID itemId, Model model) {
        Authoring.requireAuthor(actor);
        var stored = authoring.view(actor, new ItemId(itemId));
        model.addAttribute("editing", stored);
        return form(model, PackWriter.item(stored.body()), stored.courseId().value(), List.of());
    }

    @PostMapping("/author/items/{itemId}")
    String update(Actor actor, @PathVariable UUID itemId, @RequestParam(defaultValue = "") String item, Model model) {
        Authoring.requireAuthor(actor);
        var id = new ItemId(itemId);
        try {
            model.addAttribute("saved", authoring.edit(actor, id, limited(item)));
            return "catalog/author-saved";
        } catch (PackException invalid) {
            return editForm(model, actor, id, item, invalid.errors());
        } catch (ProblemException refused) {
            if (refused.type().status().value() == 404
                    || refused.type().status().value() == 403) {
                throw refused;
            }
            return editForm(model, actor, id, item, List.of(new PackError("item", 0, refused.detail())));
        }
    }

    private String editForm(Model model, Actor actor, ItemId id, String item, List<PackError> errors) {
        var stored = authoring.view(actor, id);
        model.addAttribute("editing", stored);
        return form(model, item, stored.courseId().value(), errors);
    }

    @PostMapping("/author/items/{itemId}/publish")
    String publish(Actor actor, @PathVariable UUID itemId) {
        authoring.publish(actor, new ItemId(itemId));
        return "redirect:/author/items/new?published";
    }

    private String form(Model model, String item, @Nullable UUID courseId, List<PackError> errors) {
        model.addAttribute("item", item);
        model.addAttribute("courseId", courseId);
        model.addAttribute("errors", errors);
        model.addAttribute(
                "courses",
                catalog.courses().stream()
                        .flatMap(id -> catalog.course(id).stream())
                        .map(c -> new CourseChoice(c.courseId().value(), c.title()))
                        .toList());
        return "catalog/author-item";
    }

    private static String limited(String item) {
        if (item.length() > MAX_TEXT) {
            throw ProblemException.invalid("item", "is too long");
        }
        return item;
    }
}
