package org.studyloop.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.studyloop.shared.ProblemException;
import org.studyloop.shared.ProblemType;

/**
 * The container's error page: errors that happen outside a controller (in a filter, in the
 * servlet container, in security) end here and get the same problem documents as the rest of the
 * API instead of Boot's default error JSON.
 */
@RestController
class ProblemErrorController implements ErrorController {

    /** A filter that answers with {@code sendError} may leave the problem to report here. */
    static final String PROBLEM_ATTRIBUTE = ProblemErrorController.class.getName() + ".problem";

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        var exception = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (request.getAttribute(PROBLEM_ATTRIBUTE) instanceof ProblemException reported) {
            exception = reported;
        }
        if (exception instanceof ProblemException problem) {
            return Problems.response(problem, request);
        }
        var code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (!(code instanceof Integer value)) {
            // Asked for directly, not reached through an error: there is nothing at this address.
            return Problems.response(Problems.of(ProblemType.NOT_FOUND, "There is nothing at this address.", request));
        }
        var status = HttpStatus.resolve(value);
        if (status == null) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        if (status.is5xxServerError() && exception instanceof Throwable throwable) {
            log.error("Unexpected error on {}", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), throwable);
        }
        var type = switch (status) {
            case NOT_FOUND -> ProblemType.NOT_FOUND;
            case BAD_REQUEST -> ProblemType.MALFORMED_REQUEST;
            case UNAUTHORIZED -> ProblemType.UNAUTHENTICATED;
            case FORBIDDEN -> ProblemType.FORBIDDEN;
            case METHOD_NOT_ALLOWED -> ProblemType.METHOD_NOT_ALLOWED;
            case CONTENT_TOO_LARGE -> ProblemType.PAYLOAD_TOO_LARGE;
            case TOO_MANY_REQUESTS -> ProblemType.TOO_MANY_REQUESTS;
            case SERVICE_UNAVAILABLE -> ProblemType.UNAVAILABLE;
            default ->
                status.is5xxServerError()
                        ? ProblemType.INTERNAL
                        : new ProblemType("http-" + status.value(), status, status.getReasonPhrase());
        };
        return Problems.response(Problems.of(type, type.title() + ".", request));
    }
}
