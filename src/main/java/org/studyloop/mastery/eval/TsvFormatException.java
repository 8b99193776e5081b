package org.studyloop.mastery.eval;

import java.nio.file.Path;

/** A line of an input file that cannot be read; the message names the file and the line. */
class TsvFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    TsvFormatException(Path file, long line, String problem) {
        super(file + " line " + line + ": " + problem);
    }
}
