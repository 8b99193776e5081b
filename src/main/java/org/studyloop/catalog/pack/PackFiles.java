package org.studyloop.catalog.pack;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The files of a pack, by their path inside it ({@code items/algebra.yaml}), in path order. */
public record PackFiles(Map<String, byte[]> files) {

    public PackFiles {
        files = new TreeMap<>(files);
    }

    public boolean has(String path) {
        return files.containsKey(path);
    }

    public String text(String path) {
        return new String(files.get(path), StandardCharsets.UTF_8);
    }

    /** The paths directly in a folder with one of the given endings, in path order. */
    public List<String> in(String folder, String... endings) {
        return files.keySet().stream()
                .filter(p -> p.startsWith(folder + "/") && p.indexOf('/', folder.length() + 1) < 0)
                .filter(p -> List.of(endings).stream().anyMatch(p::endsWith))
                .toList();
    }
}
