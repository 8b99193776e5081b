package org.studyloop.catalog.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.studyloop.catalog.pack.PackError;
import org.studyloop.catalog.pack.PackException;
import org.studyloop.catalog.pack.PackReader;
import org.studyloop.catalog.store.Authoring;
import org.studyloop.catalog.store.ContentImport;
import org.studyloop.identity.Actor;
import org.studyloop.shared.ProblemException;
import org.studyloop.shared.ProblemType;

/**
 * {@code POST /api/v1/content-packs?dryRun=}: a zipped pack as a multipart {@code file} or as the
 * body itself ({@code application/zip}). Anything that is not a safe, valid pack is a 400 with
 * every error as {@code {file, line, message}}.
 */
@RestController
@Tag(name = "Authoring")
class ContentPacksController {

    private static final long MAX_ARCHIVE = 50L * 1024 * 1024;

    private final ContentImport imports;

    ContentPacksController(ContentImport imports) {
        this.imports = imports;
    }

    record ImportResponse(int courses, int skills, int items, List<PackError> warnings) {}

    @PostMapping("/api/v1/content-packs")
    ImportResponse upload(
            Actor actor,
            @RequestParam(defaultValue = "false") boolean dryRun,
            @RequestParam(required = false) @Nullable MultipartFile file,
            HttpServletRequest request) {
        Authoring.requireAuthor(actor);
        try {
            var archive =
                    file != null ? file.getBytes() : request.getInputStream().readNBytes((int) MAX_ARCHIVE + 1);
            if (archive.length > MAX_ARCHIVE) {
                throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "A content pack may be at most 50 MB.");
            }
            var summary = imports.importPack(PackReader.readZip(archive), dryRun);
            return new ImportResponse(summary.courses(), summary.skills(), summary.items(), summary.warnings());
        } catch (PackException e) {
            throw PackProblems.of(e);
        } catch (IOException e) {
            throw new ProblemException(
                    ProblemType.PAYLOAD_TOO_LARGE, "The upload could not be read in full: it may be too large.");
        }
    }
}
