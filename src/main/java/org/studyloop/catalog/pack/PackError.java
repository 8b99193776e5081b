package org.studyloop.catalog.pack;

/**
 * One thing wrong with a pack, where an author can find it.
 *
 * @param file the path inside the pack ({@code items/algebra.yaml}), or {@code (pack)} for the
 *     archive as a whole
 * @param line the 1-based line, or 0 when the error concerns the whole file
 */
public record PackError(String file, int line, String message) implements Comparable<PackError> {

    public static final String WHOLE_PACK = "(pack)";

    @Override
    public int compareTo(PackError other) {
        var byFile = file.compareTo(other.file);
        return byFile != 0 ? byFile : Integer.compare(line, other.line);
    }

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + message;
    }
}
