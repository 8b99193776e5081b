package org.studyloop.catalog.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.studyloop.catalog.store.LessonAttachments;
import org.studyloop.identity.Actor;
import org.studyloop.shared.ProblemException;

/** The PDF a lesson attaches, for any signed-in reader of the catalog. */
@RestController
@Tag(name = "Catalog")
class LessonAttachmentController {

    private final LessonAttachments attachments;

    LessonAttachmentController(LessonAttachments attachments) {
        this.attachments = attachments;
    }

    @GetMapping("/api/v1/lessons/{lessonId}/attachment")
    ResponseEntity<byte[]> attachment(Actor actor, @PathVariable UUID lessonId) {
        var attachment = attachments
                .of(lessonId)
                .orElseThrow(() -> ProblemException.notFound("This lesson has no attached PDF."));
        var name = attachment.path().substring(attachment.path().lastIndexOf('/') + 1);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(name).build().toString())
                .body(attachment.content());
    }
}
