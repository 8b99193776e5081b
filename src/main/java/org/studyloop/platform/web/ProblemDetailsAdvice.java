package org.studyloop.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.studyloop.shared.FieldProblem;
import org.studyloop.shared.ProblemException;
import org.studyloop.shared.ProblemType;

/**
 * Answers every error raised while handling a request with an RFC 9457 problem of a stable type.
 * Spring's own web exceptions keep their status and headers (such as {@code Allow} on 405) but get
 * our type URIs and wording; anything unexpected is logged with the request id and answered as a
 * plain 500 that names nothing internal.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> problem(ProblemException exception, HttpServletRequest request) {
        return Problems.response(exception, request);
    }

    /** No or bad credentials: 401 with the challenge of RFC 6750 §3. */
    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException exception, HttpServletRequest request) {
        var headers = new HttpHeaders();
        var invalidToken = exception instanceof InvalidBearerTokenException;
        headers.set(
                HttpHeaders.WWW_AUTHENTICATE,
                invalidToken ? "Bearer error=\"invalid_token\"" : "Bearer realm=\"studyloop\"");
        var detail = invalidToken
                ? "The access token is invalid or has expired; refresh it or sign in again."
                : "Sign in, then send the access token as 'Authorization: Bearer <token>'.";
        return Problems.response(Problems.of(ProblemType.UNAUTHENTICATED, detail, request), headers);
    }

    /** Signed in but not allowed, or a cookie-borne write without its CSRF token. */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException exception, HttpServletRequest request) {
        var detail = exception instanceof CsrfException
                ? "Send the CSRF token of your session in the X-CSRF-TOKEN header."
                : "Your account may not do this.";
        return Problems.response(Problems.of(ProblemType.FORBIDDEN, detail, request));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(
            ConstraintViolationException exception, HttpServletRequest request) {
        var errors = exception.getConstraintViolations().stream()
                .map(v -> new FieldProblem(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return Problems.response(
                Problems.withErrors(Problems.of(ProblemType.VALIDATION, summary(errors), request), errors));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception exception, HttpServletRequest request) {
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), exception);
        return Problems.response(Problems.of(
                ProblemType.INTERNAL,
                "Something went wrong on our side. If it persists, report the request id.",
                request));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleExceptionInternal(
            Exception exception,
            @Nullable Object body,
            HttpHeaders headers,
            HttpStatusCode statusCode,
            WebRequest webRequest) {
        var request = webRequest instanceof ServletWebRequest servlet ? servlet.getRequest() : null;
        var problem = translate(exception, statusCode, request);
        var response = Problems.response(problem, headers);
        return ResponseEntity.status(response.getStatusCode())
                .headers(response.getHeaders())
                .body(response.getBody());
    }

    private ProblemDetail translate(Exception exception, HttpStatusCode status, @Nullable HttpServletRequest request) {
        return switch (exception) {
            case MethodArgumentNotValidException invalid -> validation(invalid, request);
            case BindException invalid -> validation(invalid, request);
            case HandlerMethodValidationException invalid -> {
                var errors = new ArrayList<FieldProblem>();
                invalid.getParameterValidationResults()
                        .forEach(result -> result.getResolvableErrors()
                                .forEach(error -> errors.add(new FieldProblem(
                                        parameterName(
                                                result.getMethodParameter().getParameterName()),
                                        String.valueOf(error.getDefaultMessage())))));
                yield Problems.withErrors(Problems.of(ProblemType.VALIDATION, summary(errors), request), errors);
            }
            case HttpMessageNotReadableException unreadable
            when tooLarge(unreadable) ->
                Problems.of(ProblemType.PAYLOAD_TOO_LARGE, "The request body is larger than allowed.", request);
            case HttpMessageNotReadableException unreadable -> {
                var reading = JsonReadProblems.explain(unreadable);
                var type = reading.errors().isEmpty() ? ProblemType.MALFORMED_REQUEST : ProblemType.VALIDATION;
                yield Problems.withErrors(Problems.of(type, reading.detail(), request), reading.errors());
            }
            case MissingServletRequestParameterException missing -> {
                var errors = List.of(new FieldProblem(missing.getParameterName(), "is required"));
                yield Problems.withErrors(Problems.of(ProblemType.VALIDATION, summary(errors), request), errors);
            }
            case MethodArgumentTypeMismatchException mismatch -> {
                var errors = List.of(
                        new FieldProblem(mismatch.getName(), JsonReadProblems.expectation(mismatch.getRequiredType())));
                yield Problems.withErrors(Problems.of(ProblemType.VALIDATION, summary(errors), request), errors);
            }
            case NoResourceFoundException notFound ->
                Problems.of(ProblemType.NOT_FOUND, "There is nothing at this address.", request);
            case HttpRequestMethodNotSupportedException method ->
                Problems.of(
                        ProblemType.METHOD_NOT_ALLOWED,
                        "The method " + method.getMethod() + " is not allowed here.",
                        request);
            case HttpMediaTypeNotSupportedException media ->
                Problems.of(
                        ProblemType.UNSUPPORTED_MEDIA_TYPE,
                        "Send the body as one of: " + media.getSupportedMediaTypes() + ".",
                        request);
            case HttpMediaTypeNotAcceptableException media ->
                Problems.of(
                        ProblemType.NOT_ACCEPTABLE, "Accept one of: " + media.getSupportedMediaTypes() + ".", request);
            case MaxUploadSizeExceededException tooLarge ->
                Problems.of(ProblemType.PAYLOAD_TOO_LARGE, "The upload is larger than allowed.", request);
            default -> {
                var type = new ProblemType(
                        slugFor(status), org.springframework.http.HttpStatus.valueOf(status.value()), titleFor(status));
                yield Problems.of(type, type.title() + ".", request);
            }
        };
    }

    private static ProblemDetail validation(BindException invalid, @Nullable HttpServletRequest request) {
        var errors = new ArrayList<FieldProblem>();
        for (var error : invalid.getBindingResult().getAllErrors()) {
            var field = error instanceof FieldError fieldError ? fieldError.getField() : error.getObjectName();
            errors.add(new FieldProblem(field, String.valueOf(error.getDefaultMessage())));
        }
        return Problems.withErrors(Problems.of(ProblemType.VALIDATION, summary(errors), request), errors);
    }

    private static boolean tooLarge(Throwable exception) {
        for (var cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyLimitFilter.BodyTooLargeException) {
                return true;
            }
        }
        return false;
    }

    private static String summary(List<FieldProblem> errors) {
        if (errors.isEmpty()) {
            return "The request is invalid.";
        }
        var fields = errors.stream().map(FieldProblem::field).distinct().toList();
        return (fields.size() == 1 ? "The field " : "The fields ") + String.join(", ", fields)
                + (fields.size() == 1 ? " is" : " are") + " invalid.";
    }

    private static String parameterName(@Nullable String name) {
        return name == null ? "parameter" : name;
    }

    private static String lastNode(String propertyPath) {
        // A method-validation path reads "register.request.email"; the client knows only "email".
        var parts = propertyPath.split("\\.");
        return parts.length > 2 ? String.join(".", List.of(parts).subList(2, parts.length)) : parts[parts.length - 1];
    }

    private static String slugFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> ProblemType.MALFORMED_REQUEST.slug();
            case 404 -> ProblemType.NOT_FOUND.slug();
            case 413 -> ProblemType.PAYLOAD_TOO_LARGE.slug();
            case 503 -> ProblemType.UNAVAILABLE.slug();
            default -> status.is5xxServerError() ? ProblemType.INTERNAL.slug() : "http-" + status.value();
        };
    }

    private static String titleFor(HttpStatusCode status) {
        var known = org.springframework.http.HttpStatus.resolve(status.value());
        return known == null ? "Error" : known.getReasonPhrase();
    }
}
