package org.studyloop.mastery.bench;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.studyloop.catalog.ItemId;
import org.studyloop.mastery.loop.BenchCourse;

/**
 * The learner model's answer path on a generated course of 2,000 items (40 skills in five
 * prerequisite chains of eight, 50 items each), for a student with 300 answers: the in-memory
 * update of the state by one answer ({@code AnswerUpdate}: prediction, Elo steps, each skill's
 * trace, mastery and FSRS memory) and the ADAPTIVE next-item choice over the whole course ({@code
 * NextItems}: ready skills through the prerequisites, interleaving, predicted success of each
 * candidate, randomesque pick). Targets of issue #6: ≤ 50 µs per update, ≤ 2 ms per choice.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx1g"})
public class AnswerPathBenchmarks {

    private BenchCourse course;
    private int answer;

    @Setup
    public void setUp() throws ReflectiveOperationException {
        course = new BenchCourse(5, 8, 50);
        if (course.items() != 2_000 || course.next().isEmpty()) {
            throw new IllegalStateException("the bench course is not as described");
        }
    }

    @Benchmark
    public double onlineUpdate() {
        int n = answer++;
        return course.answer(n, (n & 3) != 0);
    }

    @Benchmark
    public Optional<ItemId> adaptiveNextItem() {
        return course.next();
    }
}
