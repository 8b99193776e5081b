package org.studyloop.mastery.cat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.studyloop.mastery.irt.IrtItem;

/**
 * What must hold of a CAT against fixed forms on the same 2PL bank and examinees: it stops at the
 * target SE well before its maximum length, is shorter than the best fixed form at equal mean SE,
 * its RMSE is near the target SE (the EAP's SE is honest) with little bias, and randomesque
 * choice keeps any item from being given to everyone.
 */
class CatSimulationTests {

    @Test
    void catIsShorterThanFixedFormsAtEqualStandardError() {
        var random = new Random(2);
        var bank = new IrtItem[300];
        var areas = new int[bank.length];
        for (int j = 0; j < bank.length; j++) {
            bank[j] = new IrtItem(1.2 * Math.exp(0.3 * random.nextGaussian()), 1.2 * random.nextGaussian());
            areas[j] = j % 3;
        }
        var report =
                new CatSimulation(bank, areas, new double[] {1, 1, 1}, new AdaptiveTest.Rules(0.30, 60, 5)).run(400, 7);

        var cat = report.cat();
        assertThat(cat.reachedShare()).isGreaterThan(0.95);
        assertThat(cat.meanLength()).isLessThan(40);
        assertThat(cat.meanLength()).isLessThan(report.bestForm().meanLength());
        assertThat(report.bestForm().meanLength())
                .isLessThan(report.randomForm().meanLength());
        assertThat(report.bestForm().meanStandardError()).isLessThanOrEqualTo(cat.meanStandardError());
        assertThat(cat.rmse()).isBetween(0.22, 0.38);
        assertThat(Math.abs(cat.bias())).isLessThan(0.06);
        assertThat(cat.maxExposure()).isLessThan(1.0);
    }

    @Test
    void contentBalancingGivesEachAreaItsShare() {
        var random = new Random(4);
        var bank = new IrtItem[200];
        var areas = new int[bank.length];
        for (int j = 0; j < bank.length; j++) {
            // Area 1 is far more informative: without balancing it would take nearly every item.
            areas[j] = j % 2;
            bank[j] = new IrtItem(areas[j] == 1 ? 2.5 : 0.6, random.nextGaussian());
        }
        var test = new AdaptiveTest(bank, areas, new double[] {1, 1}, new AdaptiveTest.Rules(0.01, 20, 1));
        var answers = new SplittableRandom(1);
        var given = new int[2];
        for (var next = test.next(answers); next.isPresent(); next = test.next(answers)) {
            given[areas[next.getAsInt()]]++;
            test.record(next.getAsInt(), answers.nextBoolean());
        }
        assertThat(test.length()).isEqualTo(20);
        assertThat(given).containsExactly(10, 10);
    }

    @Test
    void commandPrintsTheThreeDesigns() throws Exception {
        var bytes = new ByteArrayOutputStream();
        int code = new CatSimCommand()
                .run(
                        List.of("--examinees", "60", "--items", "120", "--max-length", "40", "--seed", "3"),
                        new PrintStream(bytes, true, StandardCharsets.UTF_8));
        var text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(code).as(text).isZero();
        assertThat(text).contains("bank=120", "examinees=60", "cat ", "best fixed form", "random form");
        assertThat(new CatSimCommand().run(List.of("--se", "x"), new PrintStream(new ByteArrayOutputStream())))
                .isEqualTo(2);
    }

    @Test
    void commandCalibratesABankFromAnswersOrReadsOne(@TempDir Path folder) throws Exception {
        var random = new Random(8);
        var answers = new StringBuilder("user_id\titem_id\tcorrect\n");
        var bankFile = new StringBuilder("discrimination\tdifficulty\tarea\n");
        for (int j = 0; j < 40; j++) {
            bankFile.append(1.5)
                    .append('\t')
                    .append(j / 10.0 - 2)
                    .append('\t')
                    .append(j % 2)
                    .append('\n');
        }
        for (int s = 0; s < 300; s++) {
            double theta = random.nextGaussian();
            for (int j = 0; j < 40; j++) {
                var item = new IrtItem(1.5, j / 10.0 - 2);
                answers.append(s)
                        .append("\ti")
                        .append(j)
                        .append('\t')
                        .append(random.nextDouble() < item.probability(theta) ? 1 : 0)
                        .append('\n');
            }
        }
        Files.writeString(folder.resolve("answers.tsv"), answers);
        Files.writeString(folder.resolve("bank.tsv"), bankFile);
        for (var source : List.of(List.of("--calibrate", "answers.tsv"), List.of("--bank", "bank.tsv"))) {
            var bytes = new ByteArrayOutputStream();
            var args = new java.util.ArrayList<>(List.of("--examinees", "40", "--max-length", "30", "--se", "0.4"));
            args.add(source.get(0));
            args.add(folder.resolve(source.get(1)).toString());
            int code = new CatSimCommand().run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
            var text = bytes.toString(StandardCharsets.UTF_8);
            assertThat(code).as(text).isZero();
            assertThat(text).contains("bank=40", "best fixed form");
        }
    }
}
