package org.studyloop.catalog.template;

/** A template that cannot give an instance: an expression that does not parse, or no seed fits. */
public class TemplateException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TemplateException(String message) {
        super(message);
    }
}
