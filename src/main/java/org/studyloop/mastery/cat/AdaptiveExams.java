package org.studyloop.mastery.cat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.stereotype.Component;
import org.studyloop.catalog.ItemId;
import org.studyloop.mastery.bank.ItemIndex;
import org.studyloop.mastery.irt.IrtItem;
import org.studyloop.practice.LearnerModel;

/**
 * Practice's adaptive exams ({@link LearnerModel#adaptiveTest}) on the mastery module's bank: the
 * published, non-template items of each section's skills with their IRT calibration ({@link
 * CalibratedBank}; authors' priors until calibrated), the test rebuilt from the exam's answers on
 * each call ({@link AdaptiveTest}: O(answers × grid + bank)), so nothing but the session holds its
 * state. Templates are left out: an instance has no calibration of its own.
 */
@Component
public class AdaptiveExams {

    private final ItemIndex index;
    private final CalibratedBank calibration;
    private final CatProperties properties;

    AdaptiveExams(ItemIndex index, CalibratedBank calibration, CatProperties properties) {
        this.index = index;
        this.calibration = calibration;
        this.properties = properties;
    }

    public LearnerModel.AdaptiveStep step(LearnerModel.AdaptiveExam exam) {
        var ids = new ArrayList<ItemId>();
        var items = new ArrayList<IrtItem>();
        var areas = new ArrayList<Integer>();
        var position = new HashMap<ItemId, Integer>();
        var shares = new double[exam.areas().size()];
        for (int a = 0; a < shares.length; a++) {
            var area = exam.areas().get(a);
            shares[a] = area.share();
            for (var skill : area.skills()) {
                for (var item : index.itemsOf(skill)) {
                    if (!item.template() && position.putIfAbsent(item.itemId(), ids.size()) == null) {
                        ids.add(item.itemId());
                        items.add(calibration.item(item.itemId(), item.prior()));
                        areas.add(a);
                    }
                }
            }
        }
        var test = new AdaptiveTest(
                items.toArray(IrtItem[]::new),
                areas.stream().mapToInt(Integer::intValue).toArray(),
                shares,
                new AdaptiveTest.Rules(exam.targetStandardError(), exam.maxItems(), properties.randomesque()));
        for (var response : exam.responses()) {
            var at = position.get(response.itemId());
            if (at != null) {
                test.record(at, response.correct());
            } else {
                double prior = index.item(response.itemId())
                        .map(ItemIndex.ItemMeta::prior)
                        .orElse(0.0);
                test.record(calibration.item(response.itemId(), prior), response.correct());
            }
        }
        for (var seen : exam.seen()) {
            var at = position.get(seen);
            if (at != null) {
                test.exclude(at);
            }
        }
        var next = test.next(ThreadLocalRandom.current());
        return new LearnerModel.AdaptiveStep(
                next.isPresent() ? java.util.Optional.of(ids.get(next.getAsInt())) : java.util.Optional.empty(),
                test.ability(),
                test.standardError());
    }
}
