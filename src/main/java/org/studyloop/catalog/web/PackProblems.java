package org.studyloop.catalog.web;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.studyloop.catalog.pack.PackException;
import org.studyloop.shared.ProblemException;
import org.studyloop.shared.ProblemType;

/**
 * A pack (or an item) that cannot be imported, as a 400 problem whose {@code errors} are
 * {@code {file, line, message}} (API.md, "Catalog"), every one of them.
 */
final class PackProblems {

    static final ProblemType INVALID_PACK =
            new ProblemType("invalid-content-pack", HttpStatus.BAD_REQUEST, "The content pack has errors");

    private PackProblems() {}

    static ProblemException of(PackException exception) {
        var errors = exception.errors().stream()
                .map(e -> Map.<String, Object>of("file", e.file(), "line", e.line(), "message", e.message()))
                .toList();
        var detail = exception.errors().size() == 1
                ? exception.errors().getFirst().toString()
                : exception.errors().size() + " errors; each is listed in 'errors' with its file and line.";
        return new ProblemException(INVALID_PACK, detail, java.util.List.of(), Map.of("errors", errors));
    }
}
