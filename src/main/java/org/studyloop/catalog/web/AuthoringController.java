package org.studyloop.catalog.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.studyloop.catalog.CourseId;
import org.studyloop.catalog.ItemId;
import org.studyloop.catalog.ItemType;
import org.studyloop.catalog.SkillId;
import org.studyloop.catalog.pack.PackException;
import org.studyloop.catalog.pack.PackWriter;
import org.studyloop.catalog.store.Authoring;
import org.studyloop.catalog.store.ItemStore;
import org.studyloop.catalog.store.PackExport;
import org.studyloop.classroom.ClassId;
import org.studyloop.identity.Actor;
import org.studyloop.shared.ProblemException;
import tools.jackson.databind.JsonNode;

/**
 * Authoring, for AUTHOR and ADMIN, and for a TEACHER on items private to a class they teach (403 for
 * everyone else; 404 for a private item the caller may not see): items in the pack format of
 * docs/content-packs.md as JSON, their life cycle (draft, published, retired) and a course's pack.
 */
@RestController
@RequestMapping("/api/v1/authoring")
@Tag(name = "Authoring")
class AuthoringController {

    private final Authoring authoring;
    private final PackExport export;

    AuthoringController(Authoring authoring, PackExport export) {
        this.authoring = authoring;
        this.export = export;
    }

    /**
     * A new item of a course; {@code item} has the fields of an item in {@code items/*.yaml}. With
     * {@code classId} the item is private to that class (a teacher must give a class they teach).
     */
    record NewItem(
            @NotNull UUID courseId,
            @Nullable UUID classId,
            @NotNull JsonNode item) {}

    @GetMapping("/items")
    List<ItemViewResponses.ItemSummary> items(
            Actor actor,
            @RequestParam(required = false) @Nullable UUID courseId,
            @RequestParam(required = false) @Nullable UUID skillId,
            @RequestParam(required = false) @Nullable ItemType type,
            @RequestParam(required = false) ItemStore.@Nullable Status status) {
        return authoring
                .list(
                        actor,
                        courseId == null ? null : new CourseId(courseId),
                        skillId == null ? null : new SkillId(skillId),
                        type,
                        status)
                .stream()
                .map(ItemViewResponses.ItemSummary::of)
                .toList();
    }

    @GetMapping("/items/{itemId}")
    ItemViewResponses.AuthoringItem item(Actor actor, @PathVariable UUID itemId) {
        return ItemViewResponses.AuthoringItem.of(authoring.view(actor, new ItemId(itemId)));
    }

    @PostMapping("/items")
    ResponseEntity<ItemViewResponses.AuthoringItem> create(Actor actor, @Valid @RequestBody NewItem request) {
        Authoring.requireAuthorOrTeacher(actor);
        try {
            var created = authoring.create(
                    actor,
                    new CourseId(request.courseId()),
                    request.classId() == null ? null : new ClassId(request.classId()),
                    request.item().toString());
            return ResponseEntity.created(URI.create("/api/v1/authoring/items/" + created.itemId()))
                    .body(ItemViewResponses.AuthoringItem.of(created));
        } catch (PackException e) {
            throw PackProblems.of(e);
        }
    }

    /** Edits a draft in place; a published item gets version n + 1. */
    @PutMapping("/items/{itemId}")
    ItemViewResponses.AuthoringItem edit(Actor actor, @PathVariable UUID itemId, @RequestBody JsonNode item) {
        Authoring.requireAuthorOrTeacher(actor);
        try {
            return ItemViewResponses.AuthoringItem.of(authoring.edit(actor, new ItemId(itemId), item.toString()));
        } catch (PackException e) {
            throw PackProblems.of(e);
        }
    }

    @PostMapping("/items/{itemId}/publish")
    ItemViewResponses.AuthoringItem publish(Actor actor, @PathVariable UUID itemId) {
        return ItemViewResponses.AuthoringItem.of(authoring.publish(actor, new ItemId(itemId)));
    }

    @PostMapping("/items/{itemId}/retire")
    ItemViewResponses.AuthoringItem retire(Actor actor, @PathVariable UUID itemId) {
        return ItemViewResponses.AuthoringItem.of(authoring.retire(actor, new ItemId(itemId)));
    }

    @GetMapping("/courses/{courseId}/pack")
    ResponseEntity<byte[]> pack(Actor actor, @PathVariable UUID courseId) {
        Authoring.requireAuthor(actor);
        var pack = export.pack(new CourseId(courseId))
                .orElseThrow(() -> ProblemException.notFound("There is no such course."));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(pack.course().key() + ".zip")
                                .build()
                                .toString())
                .body(PackWriter.zip(PackWriter.files(pack)));
    }
}
