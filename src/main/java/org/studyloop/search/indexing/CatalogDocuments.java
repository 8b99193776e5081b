package org.studyloop.search.indexing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.studyloop.catalog.Catalog;
import org.studyloop.catalog.CourseId;
import org.studyloop.catalog.LessonSnapshot;
import org.studyloop.catalog.PublishedItem;
import org.studyloop.search.PassageKind;
import org.studyloop.search.index.Chunk;
import org.studyloop.search.text.Chunker;
import org.studyloop.search.text.LatexWords;

/**
 * The catalog's content as chunks to index (vectors still to compute): each lesson in passages,
 * and per item its stem with choices, its worked solution and its hint ladder, as separate
 * sources, so a search can ask for one kind.
 */
@Component
public class CatalogDocuments {

    static final int TITLE_LENGTH = 90;

    private final Catalog catalog;

    CatalogDocuments(Catalog catalog) {
        this.catalog = catalog;
    }

    /** What is indexed of a course, and the digest that says whether the index holds it as it is. */
    public record CourseContent(List<Chunk> chunks, String fingerprint) {}

    @Transactional(readOnly = true)
    public CourseContent course(CourseId course) {
        var lessons = catalog.lessons(course);
        var items = catalog.publishedItems(course);
        var chunks = new ArrayList<Chunk>();
        lessons.forEach(l -> chunks.addAll(lesson(l)));
        var language = catalog.course(course).map(c -> c.language()).orElse("en");
        items.forEach(i -> chunks.addAll(item(i, language)));
        return new CourseContent(chunks, fingerprint(lessons, items));
    }

    @Transactional(readOnly = true)
    public String fingerprint(CourseId course) {
        return fingerprint(catalog.lessons(course), catalog.publishedItems(course));
    }

    static List<Chunk> lesson(LessonSnapshot lesson) {
        var pieces = Chunker.split(lesson.body());
        return IntStream.range(0, pieces.size())
                .mapToObj(i -> {
                    var piece = pieces.get(i);
                    var context = piece.heading().isEmpty() ? lesson.title() : lesson.title() + " — " + piece.heading();
                    return new Chunk(
                            "LESSON:" + lesson.lessonId() + "#" + i,
                            PassageKind.LESSON,
                            lesson.lessonId(),
                            lesson.key(),
                            lesson.courseId(),
                            lesson.courseKey(),
                            List.of(lesson.skillId()),
                            lesson.language(),
                            java.util.Optional.empty(),
                            lesson.title(),
                            piece.text(),
                            context + "\n" + LatexWords.spell(piece.text()),
                            context + "\n" + LatexWords.spell(piece.text()),
                            new float[0]);
                })
                .toList();
    }

    static List<Chunk> item(PublishedItem published, String language) {
        var item = published.item();
        var stem = item.stem().strip();
        var question =
                stem + item.choices().stream().map(c -> "\n- " + c.text()).collect(Collectors.joining());
        var chunks = new ArrayList<Chunk>();
        chunks.add(chunk(published, PassageKind.ITEM, 0, "Question", question, language));
        if (!item.solution().isBlank()) {
            var pieces = Chunker.split(item.solution());
            for (var i = 0; i < pieces.size(); i++) {
                chunks.add(chunk(
                        published,
                        PassageKind.SOLUTION,
                        i,
                        "Worked solution",
                        stem + "\n\n" + pieces.get(i).text(),
                        language));
            }
        }
        if (!item.hints().isEmpty()) {
            var ladder = IntStream.range(0, item.hints().size())
                    .mapToObj(i -> (i + 1) + ". " + item.hints().get(i))
                    .collect(Collectors.joining("\n"));
            chunks.add(chunk(published, PassageKind.HINT, 0, "Hints", stem + "\n\n" + ladder, language));
        }
        return chunks;
    }

    /**
     * A chunk of an item: its title is the label and the stem's first line, which the text starts
     * with too, so the model reads the label and the text only (a fifth fewer tokens on the
     * bundled content: bench/README.md, "Search").
     */
    private static Chunk chunk(
            PublishedItem published, PassageKind kind, int position, String label, String text, String language) {
        var item = published.item();
        var title = label + ": " + title(item.stem().strip());
        return new Chunk(
                kind + ":" + item.itemId() + "#" + position,
                kind,
                item.itemId().value(),
                published.key(),
                published.courseId(),
                published.courseKey(),
                item.skillIds(),
                item.language().isBlank() ? language : item.language(),
                published.classId(),
                title,
                text,
                LatexWords.spell(title + "\n" + text),
                LatexWords.spell(label + "\n" + text),
                new float[0]);
    }

    /** The stem's first line, shortened, as a result's title. */
    static String title(String stem) {
        var line = stem.lines().findFirst().orElse("").strip();
        if (line.length() <= TITLE_LENGTH) {
            return line;
        }
        var cut = line.lastIndexOf(' ', TITLE_LENGTH);
        return line.substring(0, cut > 40 ? cut : TITLE_LENGTH) + " …";
    }

    static String fingerprint(List<LessonSnapshot> lessons, List<PublishedItem> items) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            for (var lesson : lessons) {
                digest.update((lesson.lessonId() + "|" + lesson.title() + "|" + lesson.body() + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            for (var item : items) {
                digest.update((item.item().itemId() + "@" + item.item().version() + "/" + item.classId() + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
