package org.studyloop.tutor.turn;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.studyloop.catalog.Catalog;
import org.studyloop.catalog.CourseId;
import org.studyloop.catalog.CourseOutline;
import org.studyloop.catalog.ItemSnapshot;
import org.studyloop.catalog.PublishedItem;
import org.studyloop.practice.LearnerModel;
import org.studyloop.practice.Practice;
import org.studyloop.search.PassageKind;
import org.studyloop.search.PassageQuery;
import org.studyloop.search.Search;
import org.studyloop.tutor.conversation.Conversation;
import org.studyloop.tutor.conversation.Conversations;
import org.studyloop.tutor.memory.Memory;

/**
 * The retrieve step of a turn: passages from search for the question (lessons only — solutions
 * and hints are the ladder's to give), the lessons of the item's skills straight from the catalog
 * (so that grounding does not wait for the search index), the item, its skills, the student's last
 * attempt and mastery, the tutor's memory and the conversation's recent turns.
 */
@Component
public class Grounding {

    static final int SOURCES = 3;
    static final int RECENT_TURNS = 6;
    static final String WRITING_COURSE = "ielts-writing-task2";

    private static final Logger log = LoggerFactory.getLogger(Grounding.class);

    private final Catalog catalog;
    private final Search search;
    private final Practice practice;
    private final LearnerModel learners;
    private final Memory memory;
    private final Conversations conversations;

    Grounding(
            Catalog catalog,
            Search search,
            Practice practice,
            LearnerModel learners,
            Memory memory,
            Conversations conversations) {
        this.catalog = catalog;
        this.search = search;
        this.practice = practice;
        this.learners = learners;
        this.memory = memory;
        this.conversations = conversations;
    }

    /**
     * @param passages whether the reply will quote or pass on lesson passages: explanations and essay
     *     guidance always, everything else only when a language model answers (the fallback engine
     *     answers hints and checks from the item's own material)
     */
    public TurnContext gather(Conversation conversation, String message, Diagnosis diagnosis, boolean passages) {
        var student = conversation.student();
        var item = conversation.itemId().flatMap(catalog::item);
        var courseId = conversation.courseId().or(() -> item.flatMap(this::courseOf));
        var course = courseId.flatMap(catalog::course);
        var skills = item.map(i -> skillsOf(i, course)).orElse(List.of());
        var skillIds = skills.stream().map(CourseOutline.Skill::skillId).toList();
        var lastAttempt = conversation.itemId().flatMap(id -> practice.lastAttempt(student, id));
        var levels = skillIds.isEmpty() ? List.<LearnerModel.SkillLevel>of() : learners.mastery(student, skillIds);
        var mastery = levels.stream()
                .filter(l -> l.answers() > 0)
                .mapToDouble(LearnerModel.SkillLevel::mastery)
                .min();
        var query = message + " "
                + String.join(
                        " ", skills.stream().map(CourseOutline.Skill::name).toList());
        List<Source> sources = switch (diagnosis.intent()) {
            case PRACTICE_SET -> List.of();
            case ESSAY -> writingLessons(query);
            case EXPLAIN -> lessons(query, courseId, skills);
            default -> passages ? lessons(query, courseId, skills) : List.of();
        };
        return new TurnContext(
                student,
                conversation,
                message,
                diagnosis,
                item,
                courseId,
                skills,
                lastAttempt,
                mastery.isPresent() ? OptionalDouble.of(mastery.getAsDouble()) : OptionalDouble.empty(),
                sources,
                memory.notes(student, skillIds),
                memory.profile(student),
                conversations.turns(conversation.id(), RECENT_TURNS));
    }

    /** The item's course: its own, or its template's for a template instance. */
    public Optional<CourseId> courseOf(ItemSnapshot item) {
        var id = item.templateId() != null ? item.templateId() : item.itemId();
        return catalog.publishedItem(id)
                .map(PublishedItem::courseId)
                .or(() -> catalog.courses().stream()
                        .filter(c -> catalog.course(c)
                                .map(o -> o.skills().stream()
                                        .anyMatch(s -> item.skillIds().contains(s.skillId())))
                                .orElse(false))
                        .findFirst());
    }

    private List<CourseOutline.Skill> skillsOf(ItemSnapshot item, Optional<CourseOutline> course) {
        return course.map(c -> c.skills().stream()
                        .filter(s -> item.skillIds().contains(s.skillId()))
                        .toList())
                .orElse(List.of());
    }

    private List<Source> lessons(String query, Optional<CourseId> courseId, List<CourseOutline.Skill> skills) {
        var found = new LinkedHashMap<java.util.UUID, Source>();
        for (var passage : passages(query, courseId)) {
            found.putIfAbsent(passage.id(), passage);
        }
        var skillIds = skills.stream().map(CourseOutline.Skill::skillId).toList();
        if (courseId.isPresent()) {
            catalog.lessons(courseId.get()).stream()
                    .filter(l -> skillIds.contains(l.skillId()) || found.isEmpty())
                    .forEach(l ->
                            found.putIfAbsent(l.lessonId(), new Source("LESSON", l.lessonId(), l.title(), l.body())));
        } else if (found.isEmpty()) {
            for (var course : catalog.courses()) {
                catalog.lessons(course)
                        .forEach(l -> found.putIfAbsent(
                                l.lessonId(), new Source("LESSON", l.lessonId(), l.title(), l.body())));
            }
        }
        return ranked(query, new ArrayList<>(found.values()));
    }

    private List<Source> writingLessons(String query) {
        var writing = catalog.courses().stream()
                .filter(c -> catalog.course(c)
                        .map(o -> o.key().equals(WRITING_COURSE))
                        .orElse(false))
                .findFirst();
        if (writing.isEmpty()) {
            return List.of();
        }
        var lessons = catalog.lessons(writing.get()).stream()
                .map(l -> new Source("LESSON", l.lessonId(), l.title(), l.body()))
                .toList();
        return ranked(query + " task response coherence cohesion lexical resource grammatical range", lessons);
    }

    private List<Source> passages(String query, Optional<CourseId> courseId) {
        try {
            return search
                    .passages(new PassageQuery(
                            query,
                            courseId,
                            Set.of(PassageKind.LESSON),
                            Optional.empty(),
                            Optional.empty(),
                            Set.of(),
                            false,
                            SOURCES + 1,
                            PassageQuery.Retriever.HYBRID))
                    .stream()
                    .map(p -> new Source(p.kind().name(), p.sourceId(), p.title(), p.text()))
                    .toList();
        } catch (RuntimeException e) {
            // Search is an aid, not a requirement: the catalog's lessons still ground the reply.
            log.warn("tutor: search failed, grounding on the catalog's lessons only", e);
            return List.of();
        }
    }

    private static List<Source> ranked(String query, List<Source> sources) {
        var words = Extracts.words(query);
        return sources.stream()
                .sorted(Comparator.comparingInt((Source s) -> -Extracts.overlap(words, s.title() + " " + s.text())))
                .filter(s -> Extracts.overlap(words, s.title() + " " + s.text()) > 0)
                .limit(SOURCES)
                .toList();
    }
}
