package org.studyloop.mastery.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.studyloop.HttpTest;
import org.studyloop.catalog.Catalog;
import org.studyloop.catalog.CatalogTestSupport;
import org.studyloop.catalog.ItemId;
import org.studyloop.catalog.SkillId;
import org.studyloop.catalog.pack.PackFiles;
import org.studyloop.catalog.pack.PackWriter;
import org.studyloop.catalog.store.Ids;
import org.studyloop.identity.IdentityClient;
import org.studyloop.identity.UserId;
import org.studyloop.mastery.fsrs.Fsrs;
import org.studyloop.mastery.online.ItemCalibration;
import org.studyloop.mastery.online.LearnerStates;
import org.studyloop.mastery.online.ModelParameters;
import org.studyloop.practice.LearnerModel;
import org.studyloop.practice.SessionMode;

/**
 * Measures the learner model's answer-path costs on a generated course of 2,000 items (40 skills in
 * prerequisite chains, 50 items each): the in-memory update of one answer, the whole {@code record}
 * with its database statement, and the next-item choice over the course with 300 items seen. Not
 * part of the build (the name does not end in Tests); run by
 * {@code ./mvnw -B verify -Dtest=LearnerModelBench -Dsurefire.failIfNoSpecifiedTests=false}.
 * Prints the figures of {@code bench/README.md}; asserts nothing about time.
 */
@HttpTest
class LearnerModelBench {

    private static final int SKILLS = 40;
    private static final int ITEMS_PER_SKILL = 50;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Catalog catalog;

    @Autowired
    LearnerModel model;

    @Autowired
    LearnerStates states;

    @Autowired
    ItemCalibration calibration;

    @Autowired
    ModelParameters parameters;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void measure(CapturedOutput output) {
        var key = CatalogTestSupport.uniqueKey("bench2000");
        var token = CatalogTestSupport.authorToken(new IdentityClient(port, output::getAll), jdbc);
        var uploaded = CatalogTestSupport.upload(port, token, pack(key), false);
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
        var courseId = Ids.course(key);
        var outline = catalog.course(courseId).orElseThrow();
        var skills = outline.skills().stream().map(s -> s.skillId()).toList();
        var items = catalog.itemsForSkills(skills);
        assertThat(items).hasSize(SKILLS * ITEMS_PER_SKILL);
        var random = new Random(7);
        var student = new UserId(UUID.randomUUID());
        var start = Instant.parse("2026-05-01T08:00:00Z");

        // The whole record(), in its own transaction each (as in the answer loop), 600 answers.
        var recordNanos = new long[600];
        for (int n = 0; n < recordNanos.length; n++) {
            var item = items.get(random.nextInt(300));
            var evidence = evidence(student, item, random.nextDouble() < 0.7, start.plusSeconds(30L * n));
            long t0 = System.nanoTime();
            transactions.executeWithoutResult(status -> model.record(evidence));
            recordNanos[n] = System.nanoTime() - t0;
        }

        // The update alone, in memory: the state and the item as they are now.
        var snapshot = states.get(student);
        var fsrs = Fsrs.withDefaults(0.9);
        var version = parameters.current();
        var updateNanos = new long[200_000];
        double sink = 0;
        for (int n = 0; n < updateNanos.length; n++) {
            var item = items.get(n % 300);
            var evidence = evidence(student, item, (n & 3) != 0, start.plusSeconds(30L * (600 + n)));
            long t0 = System.nanoTime();
            var update = AnswerUpdate.of(
                    snapshot, evidence, calibration.get(item, 0), version, fsrs, Duration.ofSeconds(10));
            updateNanos[n] = System.nanoTime() - t0;
            sink += update.predicted();
        }

        // The next-item choice over the whole course, 300 items seen, the last 20 of them in the session.
        var seen = new HashSet<ItemId>(items.subList(0, 300));
        var recent = new ArrayList<>(items.subList(280, 300));
        var scope = new LearnerModel.Scope(
                student, SessionMode.ADAPTIVE, Optional.of(courseId), skills, seen, recent, start.plusSeconds(86_400));
        var nextNanos = new long[20_000];
        var chosen = new HashMap<ItemId, Integer>();
        for (int n = 0; n < nextNanos.length; n++) {
            long t0 = System.nanoTime();
            var next = model.next(scope).orElseThrow();
            nextNanos[n] = System.nanoTime() - t0;
            chosen.merge(next, 1, Integer::sum);
        }
        assertThat(chosen.keySet()).doesNotContainAnyElementsOf(seen);

        System.out.println("learner-model-bench items=" + items.size() + " skills=" + skills.size() + " sink=" + sink);
        System.out.println(line("record (one statement, own transaction, 600 answers)", recordNanos, 100));
        System.out.println(line("update in memory (200,000 answers)", updateNanos, 50_000));
        System.out.println(line("next item, 2,000-item course (20,000 choices)", nextNanos, 5_000));
        System.out.println("distinct items chosen: " + chosen.size());
    }

    private final java.util.Map<ItemId, List<SkillId>> skillsOf = new HashMap<>();

    private LearnerModel.Evidence evidence(UserId student, ItemId item, boolean correct, Instant at) {
        return new LearnerModel.Evidence(
                student,
                item,
                item,
                skillsOf.computeIfAbsent(
                        item, id -> catalog.item(id).orElseThrow().skillIds()),
                Optional.empty(),
                correct,
                correct ? 1 : 0,
                0,
                2,
                Duration.ofSeconds(25),
                at,
                SessionMode.ADAPTIVE);
    }

    /** Mean, median and 99th percentile after dropping the first {@code warmup} runs. */
    private static String line(String what, long[] nanos, int warmup) {
        var measured = Arrays.copyOfRange(nanos, warmup, nanos.length);
        Arrays.sort(measured);
        double mean = Arrays.stream(measured).average().orElse(0) / 1000;
        return String.format(
                Locale.ROOT,
                "%-55s mean=%.1f us p50=%.1f us p99=%.1f us",
                what,
                mean,
                measured[measured.length / 2] / 1000.0,
                measured[(int) (measured.length * 0.99)] / 1000.0);
    }

    /** A course of 40 skills in five chains of eight, 50 numeric items each with priors in [-2, 2]. */
    private static byte[] pack(String key) {
        var files = new HashMap<String, byte[]>();
        files.put(
                "course.yaml",
                ("key: " + key + "\ntitle: Bench course\nsubject: Mathematics\nlanguage: en\n"
                                + "source: StudyLoop bench\nlicence: CC-BY-4.0\nversion: 1\nunits:\n"
                                + "  - key: u0\n    title: U0\n  - key: u1\n    title: U1\n  - key: u2\n    title: U2\n"
                                + "  - key: u3\n    title: U3\n  - key: u4\n    title: U4\n")
                        .getBytes(StandardCharsets.UTF_8));
        var skillsYaml = new StringBuilder();
        for (int s = 0; s < SKILLS; s++) {
            skillsYaml
                    .append("- key: s")
                    .append(s)
                    .append("\n  unit: u")
                    .append(s / 8)
                    .append("\n  name: Skill ")
                    .append(s)
                    .append("\n  prerequisites: [")
                    .append(s % 8 == 0 ? "" : "s" + (s - 1))
                    .append("]\n");
        }
        files.put("skills.yaml", skillsYaml.toString().getBytes(StandardCharsets.UTF_8));
        var random = new Random(11);
        for (int s = 0; s < SKILLS; s++) {
            var itemsYaml = new StringBuilder();
            for (int i = 0; i < ITEMS_PER_SKILL; i++) {
                int a = random.nextInt(90) + 10;
                int b = random.nextInt(90) + 10;
                itemsYaml
                        .append("- key: i")
                        .append(s)
                        .append('-')
                        .append(i)
                        .append("\n  type: NUMERIC\n  skills: [s")
                        .append(s)
                        .append("]\n  difficulty: ")
                        .append(String.format(Locale.ROOT, "%.2f", random.nextDouble() * 4 - 2))
                        .append("\n  stem: What is ")
                        .append(a)
                        .append(" + ")
                        .append(b)
                        .append("?\n  answer: ")
                        .append(a + b)
                        .append("\n  hints: [Add the tens, then the units.]\n  solution: ")
                        .append(a + b)
                        .append("\n");
            }
            files.put("items/s" + s + ".yaml", itemsYaml.toString().getBytes(StandardCharsets.UTF_8));
        }
        return PackWriter.zip(new PackFiles(files));
    }
}
