package org.studyloop.catalog.web;

import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.studyloop.catalog.pack.PackError;
import org.studyloop.catalog.pack.PackException;
import org.studyloop.catalog.pack.PackReader;
import org.studyloop.catalog.store.Authoring;
import org.studyloop.catalog.store.ContentImport;
import org.studyloop.identity.Actor;

/**
 * The pack import page: a zipped content pack uploaded and imported exactly as {@code POST
 * /api/v1/content-packs} does (the same {@link PackReader} and {@link ContentImport}, so all or
 * nothing), optionally as a dry run; then what was imported, or every error with its file and line.
 */
@Controller
class PackImportPage {

    private final ContentImport imports;

    PackImportPage(ContentImport imports) {
        this.imports = imports;
    }

    @GetMapping("/author/packs")
    String form(Actor actor, Model model) {
        Authoring.requireAuthor(actor);
        return page(model, null, List.of(), false, null);
    }

    @PostMapping("/author/packs")
    String upload(
            Actor actor,
            @RequestParam(required = false) @Nullable MultipartFile file,
            @RequestParam(defaultValue = "false") boolean dryRun,
            Model model) {
        Authoring.requireAuthor(actor);
        if (file == null || file.isEmpty()) {
            return page(model, null, List.of(), dryRun, "packs.noFile");
        }
        try {
            var summary = imports.importPack(PackReader.readZip(file.getBytes()), dryRun);
            return page(model, summary, List.of(), dryRun, null);
        } catch (PackException invalid) {
            return page(model, null, invalid.errors(), dryRun, null);
        } catch (IOException unreadable) {
            return page(model, null, List.of(), dryRun, "packs.unreadable");
        }
    }

    private static String page(
            Model model,
            ContentImport.@Nullable Summary summary,
            List<PackError> errors,
            boolean dryRun,
            @Nullable String problem) {
        model.addAttribute("summary", summary);
        model.addAttribute("errors", errors);
        model.addAttribute("dryRun", dryRun);
        model.addAttribute("problem", problem);
        return "catalog/author-packs";
    }
}
