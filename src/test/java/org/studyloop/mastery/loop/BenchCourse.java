package org.studyloop.mastery.loop;

import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.lang.reflect.Constructor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.studyloop.catalog.AnswerKey;
import org.studyloop.catalog.Catalog;
import org.studyloop.catalog.CourseId;
import org.studyloop.catalog.CourseOutline;
import org.studyloop.catalog.ItemId;
import org.studyloop.catalog.ItemSnapshot;
import org.studyloop.catalog.ItemType;
import org.studyloop.catalog.SkillId;
import org.studyloop.identity.UserId;
import org.studyloop.mastery.bank.CourseGraphs;
import org.studyloop.mastery.bank.ItemIndex;
import org.studyloop.mastery.fsrs.Fsrs;
import org.studyloop.mastery.online.ItemCalibration;
import org.studyloop.mastery.online.LearnerStates;
import org.studyloop.mastery.online.LearnerStore;
import org.studyloop.mastery.online.MasteryProperties;
import org.studyloop.mastery.online.ModelParameters;
import org.studyloop.practice.LearnerModel;
import org.studyloop.practice.SessionMode;

/**
 * The learner model's answer-path objects — {@link NextItems} with its item index, course graph,
 * calibration and student states, and {@link AnswerUpdate} — wired by hand around a generated
 * course, for the JMH benchmarks of {@code org.studyloop.mastery.bench}. The catalog is a stub and
 * the database a mock that returns no rows: once warm (every skill's items and calibration loaded,
 * the student's state cached), neither is touched by a choice or an update, which is also the
 * case in the running application.
 */
public final class BenchCourse {

    private final List<ItemId> items = new ArrayList<>();
    private final List<List<SkillId>> skillsOfItem = new ArrayList<>();
    private final LearnerStates states;
    private final ItemCalibration calibration;
    private final ModelParameters parameters;
    private final NextItems nextItems;
    private final Fsrs fsrs = Fsrs.withDefaults(0.9);
    private final LearnerModel.Scope scope;
    private final UserId student = new UserId(UUID.randomUUID());
    private final Instant start = Instant.parse("2026-05-01T08:00:00Z");

    /**
     * A course of {@code chains × chainLength} skills, each building on the one before it in its
     * chain, with {@code itemsPerSkill} items each (priors in [−2, 2]); a student who answered the
     * first 300 items (70% right), the last 20 of them in the current session.
     */
    public BenchCourse(int chains, int chainLength, int itemsPerSkill) throws ReflectiveOperationException {
        var random = new Random(11);
        var catalog = mock(Catalog.class);
        var courseId = new CourseId(UUID.randomUUID());
        var units = new ArrayList<CourseOutline.Unit>();
        var skills = new ArrayList<SkillId>();
        for (int c = 0; c < chains; c++) {
            var unitSkills = new ArrayList<CourseOutline.Skill>();
            for (int k = 0; k < chainLength; k++) {
                var skill = new SkillId(UUID.randomUUID());
                var prerequisites = k == 0 ? List.<SkillId>of() : List.of(skills.getLast());
                unitSkills.add(new CourseOutline.Skill(skill, "s" + skills.size(), "Skill", "", prerequisites));
                skills.add(skill);
                var ofSkill = new ArrayList<ItemId>();
                for (int i = 0; i < itemsPerSkill; i++) {
                    var item = new ItemId(UUID.randomUUID());
                    var snapshot = new ItemSnapshot(
                            item,
                            1,
                            ItemType.NUMERIC,
                            "1 + 1?",
                            List.of(),
                            new AnswerKey.None(),
                            List.of(),
                            List.of(),
                            "",
                            List.of(skill),
                            random.nextDouble() * 4 - 2,
                            "en",
                            "",
                            "",
                            null,
                            null);
                    when(catalog.item(item)).thenReturn(Optional.of(snapshot));
                    ofSkill.add(item);
                    items.add(item);
                    skillsOfItem.add(List.of(skill));
                }
                when(catalog.itemsForSkills(List.of(skill))).thenReturn(ofSkill);
            }
            units.add(new CourseOutline.Unit("u" + c, "u" + c, "Unit", unitSkills));
        }
        when(catalog.course(courseId))
                .thenReturn(Optional.of(new CourseOutline(courseId, "bench", "Bench", "Maths", "en", units)));
        var jdbc = mock(JdbcClient.class, RETURNS_DEEP_STUBS);
        var properties = new MasteryProperties(
                0.8,
                0.75,
                3,
                3,
                0.9,
                Duration.ofSeconds(10),
                Duration.ofSeconds(5),
                1000,
                MasteryProperties.Outlook.defaults());
        calibration = create(ItemCalibration.class, jdbc, mock(JdbcTemplate.class), Clock.systemUTC());
        parameters = create(
                ModelParameters.class,
                jdbc,
                tools.jackson.databind.json.JsonMapper.builder().build());
        states = create(LearnerStates.class, create(LearnerStore.class, jdbc), properties);
        var index = create(ItemIndex.class, catalog, calibration);
        nextItems =
                new NextItems(states, index, create(CourseGraphs.class, catalog), calibration, parameters, properties);
        states.wrote(org.studyloop.mastery.online.LearnerSnapshot.empty(student));
        for (int n = 0; n < 300; n++) {
            var update = update(n, random.nextDouble() < 0.7);
            states.wrote(update.after());
        }
        scope = new LearnerModel.Scope(
                student,
                SessionMode.ADAPTIVE,
                Optional.of(courseId),
                skills,
                new HashSet<>(items.subList(0, 300)),
                items.subList(280, 300),
                start.plusSeconds(86_400));
        skills.forEach(index::itemsOf);
    }

    public int items() {
        return items.size();
    }

    /** The ADAPTIVE next-item choice over the whole course for the student. */
    public Optional<ItemId> next() {
        return nextItems.next(scope);
    }

    /** The in-memory update of the student's state by an answer to the n-th item; gives P(correct) before it. */
    public double answer(int n, boolean correct) {
        return update(n, correct).predicted();
    }

    private AnswerUpdate update(int n, boolean correct) {
        int i = n % 300;
        var evidence = new LearnerModel.Evidence(
                student,
                items.get(i),
                items.get(i),
                skillsOfItem.get(i),
                Optional.empty(),
                correct,
                correct ? 1 : 0,
                0,
                2,
                Duration.ofSeconds(25),
                start.plusSeconds(30L * n),
                SessionMode.ADAPTIVE);
        return AnswerUpdate.of(
                states.get(student),
                evidence,
                calibration.get(items.get(i), 0),
                parameters.current(),
                fsrs,
                Duration.ofSeconds(10));
    }

    /** Calls the package-private constructor of a Spring component, as Spring would. */
    private static <T> T create(Class<T> type, Object... arguments) throws ReflectiveOperationException {
        @SuppressWarnings("unchecked")
        var constructor = (Constructor<T>) type.getDeclaredConstructors()[0];
        constructor.setAccessible(true);
        return constructor.newInstance(arguments);
    }
}
