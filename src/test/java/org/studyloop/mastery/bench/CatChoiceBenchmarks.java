package org.studyloop.mastery.bench;

import java.util.OptionalInt;
import java.util.Random;
import java.util.SplittableRandom;
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
import org.studyloop.mastery.cat.AdaptiveTest;
import org.studyloop.mastery.irt.IrtItem;

/**
 * The CAT's next-item choice on a 2,000-item 2PL bank in 8 content areas: with the test's state
 * kept (posterior, used items) and, as the exam path does per answer, rebuilt from the 20 answers
 * given so far before choosing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx1g"})
public class CatChoiceBenchmarks {

    private static final AdaptiveTest.Rules RULES = new AdaptiveTest.Rules(0.2, 60, 5);

    private final IrtItem[] bank = new IrtItem[2_000];
    private final int[] areas = new int[bank.length];
    private final double[] shares = {1, 1, 1, 1, 1, 1, 1, 1};
    private final int[] given = new int[20];
    private final boolean[] right = new boolean[20];
    private AdaptiveTest test;
    private final SplittableRandom random = new SplittableRandom(5);

    @Setup
    public void setUp() {
        var generator = new Random(3);
        for (int j = 0; j < bank.length; j++) {
            bank[j] = new IrtItem(1.2 * Math.exp(0.3 * generator.nextGaussian()), 1.2 * generator.nextGaussian());
            areas[j] = j % shares.length;
        }
        test = new AdaptiveTest(bank, areas, shares, RULES);
        for (int n = 0; n < given.length; n++) {
            given[n] = test.next(random).orElseThrow();
            right[n] = generator.nextBoolean();
            test.record(given[n], right[n]);
        }
    }

    @Benchmark
    public OptionalInt catNextItem() {
        return test.next(random);
    }

    @Benchmark
    public OptionalInt catNextItemFromAnswers() {
        var rebuilt = new AdaptiveTest(bank, areas, shares, RULES);
        for (int n = 0; n < given.length; n++) {
            rebuilt.record(given[n], right[n]);
        }
        return rebuilt.next(random);
    }
}
