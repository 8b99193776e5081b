package org.studyloop.shared;

import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * A kind of error, with a stable {@code type} URI as RFC 9457 §3.1.1 asks: clients branch on the
 * URI, never on the human-readable title or detail. Modules declare their own kinds next to the
 * code that raises them; the common ones live here.
 *
 * @param slug the last path segment of the type URI; never changes once released
 * @param status the HTTP status this kind of problem answers with
 * @param title a short, human-readable summary that does not change between occurrences
 */
public record ProblemType(String slug, HttpStatus status, String title) {

    public static final String BASE_URI = "https://studyloop.org/problems/";

    public static final ProblemType VALIDATION =
            new ProblemType("validation", HttpStatus.BAD_REQUEST, "The request has invalid fields");
    public static final ProblemType MALFORMED_REQUEST =
            new ProblemType("malformed-request", HttpStatus.BAD_REQUEST, "The request could not be read");
    public static final ProblemType NOT_FOUND =
            new ProblemType("not-found", HttpStatus.NOT_FOUND, "The resource was not found");
    public static final ProblemType METHOD_NOT_ALLOWED =
            new ProblemType("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED, "The method is not allowed here");
    public static final ProblemType UNSUPPORTED_MEDIA_TYPE = new ProblemType(
            "unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "The request body has an unsupported type");
    public static final ProblemType NOT_ACCEPTABLE =
            new ProblemType("not-acceptable", HttpStatus.NOT_ACCEPTABLE, "No acceptable representation");
    public static final ProblemType PAYLOAD_TOO_LARGE =
            new ProblemType("payload-too-large", HttpStatus.CONTENT_TOO_LARGE, "The request body is too large");
    public static final ProblemType UNAUTHENTICATED =
            new ProblemType("unauthenticated", HttpStatus.UNAUTHORIZED, "Authentication is required");
    public static final ProblemType FORBIDDEN =
            new ProblemType("forbidden", HttpStatus.FORBIDDEN, "This action is not allowed");
    public static final ProblemType CONFLICT =
            new ProblemType("conflict", HttpStatus.CONFLICT, "The request conflicts with the current state");
    public static final ProblemType TOO_MANY_REQUESTS =
            new ProblemType("too-many-requests", HttpStatus.TOO_MANY_REQUESTS, "Too many requests");
    public static final ProblemType INTERNAL =
            new ProblemType("internal", HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side");
    public static final ProblemType UNAVAILABLE =
            new ProblemType("unavailable", HttpStatus.SERVICE_UNAVAILABLE, "The service is temporarily unavailable");

    public URI uri() {
        return URI.create(BASE_URI + slug);
    }
}
