package org.studyloop.platform.web;

import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.studyloop.shared.FieldProblem;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Turns a body Jackson could not read into words for the client: where the JSON is broken, or
 * which field has a value of the wrong type. Jackson's own messages name Java classes, so they
 * never reach the client.
 */
final class JsonReadProblems {

    private JsonReadProblems() {}

    record Reading(String detail, List<FieldProblem> errors) {}

    static Reading explain(HttpMessageNotReadableException exception) {
        var cause = exception.getMostSpecificCause();
        if (cause instanceof StreamReadException parse) {
            var location = parse.getLocation();
            var where = location == null
                    ? ""
                    : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
            return new Reading("The request body is not well-formed JSON" + where + ".", List.of());
        }
        if (cause instanceof MismatchedInputException mismatch
                && !mismatch.getPath().isEmpty()) {
            var field = path(mismatch);
            return new Reading(
                    "The field '" + field + "' has a value of the wrong type.",
                    List.of(new FieldProblem(field, expectation(mismatch.getTargetType()))));
        }
        if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
            var field = path(jackson);
            return new Reading(
                    "The field '" + field + "' could not be read.",
                    List.of(new FieldProblem(field, "could not be read")));
        }
        if (exception.getMessage() != null && exception.getMessage().startsWith("Required request body is missing")) {
            return new Reading("The request body is missing.", List.of());
        }
        return new Reading("The request body could not be read as JSON.", List.of());
    }

    static String path(JacksonException exception) {
        var path = new StringBuilder();
        for (var reference : exception.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    static String expectation(@Nullable Class<?> target) {
        if (target == null) {
            return "has the wrong type";
        }
        if (target.isEnum()) {
            return "must be one of: "
                    + Arrays.stream(target.getEnumConstants())
                            .map(Object::toString)
                            .collect(Collectors.joining(", "));
        }
        if (Number.class.isAssignableFrom(target) || (target.isPrimitive() && target != boolean.class)) {
            return "must be a number";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "must be true or false";
        }
        if (target == String.class) {
            return "must be a string";
        }
        if (target == UUID.class) {
            return "must be a UUID";
        }
        if (Temporal.class.isAssignableFrom(target)) {
            return "must be an ISO-8601 date or time";
        }
        if (Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "must be an array";
        }
        if (Map.class.isAssignableFrom(target) || target.isRecord()) {
            return "must be an object";
        }
        return "has the wrong type";
    }
}
