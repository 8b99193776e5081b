package org.studyloop.search.eval;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Questions with graded relevant documents (src/test/resources/search-gold/README.md): each
 * document is {@code kind:key} of its course, with grade 2 (answers the question) or 1 (useful).
 */
public record GoldSet(List<Question> questions) {

    public record Question(String id, String text, String courseKey, Map<String, Integer> relevant) {}

    public static GoldSet read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return parse(reader);
        }
    }

    @SuppressWarnings("unchecked")
    static GoldSet parse(Reader reader) {
        List<Map<String, Object>> entries = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        return new GoldSet(entries.stream()
                .map(e -> {
                    var relevant = new LinkedHashMap<String, Integer>();
                    for (var target : (List<Map<String, Object>>) e.get("relevant")) {
                        relevant.put(
                                document(
                                        target.get("kind").toString(),
                                        target.get("key").toString()),
                                ((Number) target.get("grade")).intValue());
                    }
                    return new Question(
                            e.get("id").toString(),
                            e.get("question").toString(),
                            e.get("course").toString(),
                            relevant);
                })
                .toList());
    }

    /** The id a result and a gold target share. */
    public static String document(String kind, String key) {
        return kind.toLowerCase(Locale.ROOT) + ":" + key;
    }
}
