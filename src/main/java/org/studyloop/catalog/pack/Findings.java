package org.studyloop.catalog.pack;

import java.util.ArrayList;
import java.util.List;

/** What checking a pack found: every error, so an author fixes them all in one round, and warnings. */
public final class Findings {

    private final List<PackError> errors = new ArrayList<>();
    private final List<PackError> warnings = new ArrayList<>();

    public void error(String file, int line, String message) {
        errors.add(new PackError(file, line, message));
    }

    public void warning(String file, int line, String message) {
        warnings.add(new PackError(file, line, message));
    }

    public int errorCount() {
        return errors.size();
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public List<PackError> errors() {
        return errors.stream().sorted().toList();
    }

    public List<PackError> warnings() {
        return warnings.stream().sorted().toList();
    }
}
