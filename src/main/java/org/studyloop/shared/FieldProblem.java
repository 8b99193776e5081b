package org.studyloop.shared;

/**
 * One invalid field of a request, as listed in the {@code errors} member of a validation problem.
 *
 * @param field the field's path in the request body or its parameter name ({@code email},
 *     {@code choices[2].text})
 * @param message what is wrong with it, phrased for the person who filled it in
 */
public record FieldProblem(String field, String message) {}
