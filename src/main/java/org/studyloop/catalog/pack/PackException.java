package org.studyloop.catalog.pack;

import java.util.List;

/** A pack that cannot be imported, with every error found (not only the first). */
public class PackException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<PackError> errors;

    public PackException(List<PackError> errors) {
        super(errors.size() + " error(s) in the content pack");
        this.errors = errors.stream().sorted().toList();
    }

    public static PackException of(String file, int line, String message) {
        return new PackException(List.of(new PackError(file, line, message)));
    }

    public List<PackError> errors() {
        return errors;
    }
}
