package org.studyloop.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.studyloop.shared.FieldProblem;
import org.studyloop.shared.ProblemException;
import org.studyloop.shared.ProblemType;

/** Builds the RFC 9457 documents every error answers with, in one shape for the whole API. */
final class Problems {

    private Problems() {}

    static ProblemDetail of(ProblemType type, @Nullable String detail, @Nullable HttpServletRequest request) {
        var problem = ProblemDetail.forStatusAndDetail(type.status(), detail == null ? type.title() : detail);
        problem.setType(type.uri());
        problem.setTitle(type.title());
        if (request != null) {
            var path = (String) request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI);
            problem.setInstance(URI.create(path != null ? path : request.getRequestURI()));
        }
        var requestId = MDC.get(RequestIdFilter.MDC_KEY);
        if (requestId != null) {
            problem.setProperty("requestId", requestId);
        }
        return problem;
    }

    static ProblemDetail withErrors(ProblemDetail problem, List<FieldProblem> errors) {
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }

    /** A module's problem; a {@code retryAfterSeconds} member also becomes RFC 9110's header. */
    static ResponseEntity<ProblemDetail> response(ProblemException exception, HttpServletRequest request) {
        var problem = withErrors(of(exception.type(), exception.detail(), request), exception.errors());
        exception.properties().forEach(problem::setProperty);
        var headers = new HttpHeaders();
        if (exception.properties().get("retryAfterSeconds") instanceof Number seconds) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds.longValue()));
        }
        return response(problem, headers);
    }

    static ResponseEntity<ProblemDetail> response(ProblemDetail problem) {
        return response(problem, new HttpHeaders());
    }

    static ResponseEntity<ProblemDetail> response(ProblemDetail problem, HttpHeaders headers) {
        return ResponseEntity.status(problem.getStatus())
                .headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
