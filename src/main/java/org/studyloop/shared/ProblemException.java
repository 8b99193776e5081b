package org.studyloop.shared;

import java.util.List;
import java.util.Map;

/**
 * Raised by any module to answer a request with an RFC 9457 problem of a known {@link ProblemType}.
 * The detail is shown to the client, so it must never carry internals (class names, SQL, paths).
 */
public class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ProblemType type;
    private final transient List<FieldProblem> errors;
    private final transient Map<String, Object> properties;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of(), Map.of());
    }

    public ProblemException(
            ProblemType type, String detail, List<FieldProblem> errors, Map<String, Object> properties) {
        super(detail);
        this.type = type;
        this.errors = List.copyOf(errors);
        this.properties = Map.copyOf(properties);
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(
                ProblemType.VALIDATION, field + ": " + message, List.of(new FieldProblem(field, message)), Map.of());
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(ProblemType.NOT_FOUND, detail);
    }

    public ProblemType type() {
        return type;
    }

    public String detail() {
        var message = getMessage();
        return message == null ? type.title() : message;
    }

    public List<FieldProblem> errors() {
        return errors;
    }

    /** Extension members of the problem (RFC 9457 §3.2), such as {@code retryAfterSeconds}. */
    public Map<String, Object> properties() {
        return properties;
    }
}
