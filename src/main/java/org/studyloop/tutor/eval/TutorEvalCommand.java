package org.studyloop.tutor.eval;

import com.fasterxml.uuid.Generators;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.studyloop.catalog.Catalog;
import org.studyloop.catalog.CourseId;
import org.studyloop.catalog.ItemSnapshot;
import org.studyloop.catalog.ItemType;
import org.studyloop.identity.Actor;
import org.studyloop.identity.Role;
import org.studyloop.identity.UserId;
import org.studyloop.shared.command.Command;
import org.studyloop.shared.command.MaintenanceCommand;
import org.studyloop.tutor.Tutor;
import org.studyloop.tutor.memory.Memory;
import org.studyloop.tutor.turn.HintLadder;
import org.studyloop.tutor.turn.Intent;
import org.studyloop.tutor.turn.LeakGuard;
import org.studyloop.tutor.turn.Reply;

/**
 * Runs the scripted student of {@link Script} against the tutor's fallback engine on bundled items,
 * as a throw-away student whose conversations and memory are deleted afterwards, and prints the
 * answer-leak rate of the replies below the last hint level (the target is 0), the citation rate of
 * the grounded replies, and the latency per turn. Exit code 1 when any reply leaked.
 */
@Command(
        name = "tutor-eval",
        summary = "Scripted student turns against the tutor's fallback engine: leak rate, citation rate, latency",
        usage = "[--items-per-course N]  (default 4)")
class TutorEvalCommand implements MaintenanceCommand {

    static final List<String> COURSES =
            List.of("sat-math-algebra", "alevel-differentiation", "ielts-grammar-vocabulary");

    private final Tutor tutor;
    private final Catalog catalog;
    private final Memory memory;

    TutorEvalCommand(Tutor tutor, Catalog catalog, Memory memory) {
        this.tutor = tutor;
        this.catalog = catalog;
        this.memory = memory;
    }

    @Override
    public int run(List<String> args, PrintStream out) {
        var perCourse = 4;
        if (args.size() == 2 && args.getFirst().equals("--items-per-course")) {
            perCourse = Integer.parseInt(args.get(1));
        } else if (!args.isEmpty()) {
            out.println("usage: tutor-eval [--items-per-course N]");
            return 2;
        }
        var items = items(perCourse);
        if (items.isEmpty()) {
            out.println("tutor-eval: no bundled items; start StudyLoop once on this data folder first"
                    + " (it imports the bundled courses)");
            return 1;
        }
        var student = new Actor(new UserId(Generators.timeBasedEpochGenerator().generate()), Set.of(Role.STUDENT));
        var tally = new Tally();
        try {
            // One unmeasured pass over the questions first: the JIT and the connection pool warm up,
            // so the figures are the steady state a running server sees.
            var warmUp = tutor.start(student, Optional.empty(), Optional.empty(), Optional.empty());
            for (var line : Script.CONCEPTS) {
                tutor.askFallback(student, warmUp, line.text());
            }
            for (var item : items) {
                for (var conversation : Script.forItem(item)) {
                    var id = tutor.start(student, Optional.empty(), Optional.of(item.itemId()), Optional.empty());
                    for (var line : conversation) {
                        var started = System.nanoTime();
                        var reply = tutor.askFallback(student, id, line.text());
                        tally.turn(System.nanoTime() - started, line.kind(), reply, leaked(item, reply));
                    }
                }
            }
            var id = tutor.start(student, Optional.empty(), Optional.empty(), Optional.empty());
            for (var line : Script.CONCEPTS) {
                var started = System.nanoTime();
                var reply = tutor.askFallback(student, id, line.text());
                tally.turn(System.nanoTime() - started, line.kind(), reply, false);
            }
        } finally {
            tutor.conversations(student).forEach(c -> tutor.delete(student, c.id()));
            memory.forget(student.userId());
        }
        tally.print(out, items.size());
        return tally.leaks == 0 && tally.leaksBeforeSolution == 0 ? 0 : 1;
    }

    /** Whether a reply about an unanswered item, below the ladder's last rung, states the answer. */
    private static boolean leaked(ItemSnapshot item, Reply reply) {
        var shown = HintLadder.shownUpTo(item, reply.hintLevel());
        return LeakGuard.leaks(reply.text(), item, shown) || reply.text().contains(item.solution());
    }

    private List<ItemSnapshot> items(int perCourse) {
        var chosen = new ArrayList<ItemSnapshot>();
        for (var course : catalog.courses()) {
            var key = catalog.course(course).map(c -> c.key()).orElse("");
            if (COURSES.contains(key)) {
                chosen.addAll(itemsOf(course, perCourse));
            }
        }
        return chosen;
    }

    /** Items of varied types with a ladder of at least two hints, in the pack's order. */
    private List<ItemSnapshot> itemsOf(CourseId course, int count) {
        var byType = new java.util.LinkedHashMap<ItemType, List<ItemSnapshot>>();
        catalog.publishedItems(course).stream()
                .map(p -> p.item())
                .filter(i -> i.type() != ItemType.ESSAY
                        && i.type() != ItemType.ORDERING
                        && i.hints().size() >= 2)
                .forEach(i ->
                        byType.computeIfAbsent(i.type(), t -> new ArrayList<>()).add(i));
        var chosen = new ArrayList<ItemSnapshot>();
        while (chosen.size() < count && byType.values().stream().anyMatch(l -> !l.isEmpty())) {
            for (var list : byType.values()) {
                if (!list.isEmpty() && chosen.size() < count) {
                    chosen.add(list.removeFirst());
                }
            }
        }
        return chosen;
    }

    /** The figures as turns come in. */
    private static final class Tally {
        final List<Long> nanos = new ArrayList<>();
        int belowLast;
        int leaks;
        int beforeSolution;
        int leaksBeforeSolution;
        int grounded;
        int cited;
        int guarded;
        final java.util.TreeMap<String, Integer> kinds = new java.util.TreeMap<>();
        final java.util.TreeMap<String, List<Long>> byIntent = new java.util.TreeMap<>();

        void turn(long elapsed, String kind, Reply reply, boolean leaked) {
            nanos.add(elapsed);
            kinds.merge(kind, 1, Integer::sum);
            byIntent.computeIfAbsent(reply.intent().name(), k -> new ArrayList<>())
                    .add(elapsed);
            if (reply.hintsAvailable() > 0 && !reply.solutionShown()) {
                beforeSolution++;
                if (leaked) {
                    leaksBeforeSolution++;
                }
            }
            if (reply.hintsAvailable() > 0 && !reply.solutionShown() && reply.hintLevel() < reply.hintsAvailable()) {
                belowLast++;
                if (leaked) {
                    leaks++;
                }
            }
            if (reply.intent() == Intent.EXPLAIN || reply.intent() == Intent.ESSAY) {
                grounded++;
                if (!reply.citations().isEmpty()) {
                    cited++;
                }
            }
            if (reply.guarded()) {
                guarded++;
            }
        }

        void print(PrintStream out, int items) {
            Collections.sort(nanos);
            out.printf(Locale.ROOT, "items=%d turns=%d by kind %s%n", items, nanos.size(), kinds);
            out.printf(
                    Locale.ROOT,
                    "answer-leak rate below the last hint level: %d/%d = %.4f (replaced by the guard: %d)%n",
                    leaks,
                    belowLast,
                    belowLast == 0 ? 0.0 : (double) leaks / belowLast,
                    guarded);
            out.printf(
                    Locale.ROOT,
                    "answer-leak rate of every reply before the worked solution (last hint included): %d/%d = %.4f%n",
                    leaksBeforeSolution,
                    beforeSolution,
                    beforeSolution == 0 ? 0.0 : (double) leaksBeforeSolution / beforeSolution);
            out.printf(
                    Locale.ROOT,
                    "citation rate of grounded replies: %d/%d = %.4f%n",
                    cited,
                    grounded,
                    grounded == 0 ? 0.0 : (double) cited / grounded);
            out.printf(
                    Locale.ROOT,
                    "latency per turn: p50=%.1f ms p95=%.1f ms max=%.1f ms%n",
                    percentile(0.50),
                    percentile(0.95),
                    nanos.getLast() / 1e6);
            byIntent.forEach((intent, times) -> {
                Collections.sort(times);
                out.printf(
                        Locale.ROOT,
                        "  %-12s turns=%3d p50=%.1f ms max=%.1f ms%n",
                        intent,
                        times.size(),
                        times.get(times.size() / 2) / 1e6,
                        times.getLast() / 1e6);
            });
        }

        private double percentile(double p) {
            var index = (int) Math.ceil(p * nanos.size()) - 1;
            return nanos.get(Math.max(0, index)) / 1e6;
        }
    }
}
