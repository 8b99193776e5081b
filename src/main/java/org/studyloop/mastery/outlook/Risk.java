package org.studyloop.mastery.outlook;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.studyloop.mastery.RiskLevel;
import org.studyloop.mastery.RiskReason;
import org.studyloop.mastery.online.MasteryProperties;

/**
 * The risk level of a student and its reasons, by rules a teacher can check (early-warning systems
 * in education flag attendance, course performance and its trend; Balfanz, Herzog and Mac Iver 2007
 * on the "ABC" indicators): inactivity, falling course mastery over about two weeks, and a forecast
 * below the target. A rule at its HIGH threshold, or two rules at MEDIUM, make the risk HIGH.
 */
public record Risk(RiskLevel level, List<RiskReason> reasons) {

    /** What the rules look at. */
    public record Facts(
            int answers,
            Optional<Instant> lastAnswerAt,
            double mastery,
            Optional<Double> masteryTwoWeeksAgo,
            Forecast.Point atTarget) {}

    public Risk {
        reasons = List.copyOf(reasons);
    }

    public List<String> texts() {
        return reasons.stream().map(RiskReason::text).toList();
    }

    public static Risk assess(Facts facts, Instant now, MasteryProperties.Outlook rules) {
        if (facts.answers() == 0 || facts.lastAnswerAt().isEmpty()) {
            return new Risk(
                    RiskLevel.LOW,
                    List.of(new RiskReason(
                            RiskReason.Signal.NO_ANSWERS,
                            RiskLevel.LOW,
                            "No answers yet: nothing to judge the risk on.",
                            0)));
        }
        var reasons = new ArrayList<RiskReason>();
        long idle = Duration.between(facts.lastAnswerAt().get(), now).toDays();
        if (idle >= rules.inactiveDays()) {
            reasons.add(new RiskReason(
                    RiskReason.Signal.INACTIVE,
                    idle >= rules.inactiveDaysHigh() ? RiskLevel.HIGH : RiskLevel.MEDIUM,
                    String.format(Locale.ROOT, "No practice for %d days.", idle),
                    idle));
        }
        facts.masteryTwoWeeksAgo().ifPresent(before -> {
            double fall = before - facts.mastery();
            if (fall >= rules.fallingMastery()) {
                reasons.add(new RiskReason(
                        RiskReason.Signal.FALLING,
                        fall >= rules.fallingMasteryHigh() ? RiskLevel.HIGH : RiskLevel.MEDIUM,
                        String.format(
                                Locale.ROOT,
                                "Course mastery fell from %d%% to %d%% over the last two weeks.",
                                percent(before),
                                percent(facts.mastery())),
                        fall));
            }
        });
        var target = facts.atTarget();
        if (target.expected() < rules.targetMastery()) {
            boolean hopeless = target.high() < rules.targetMastery();
            reasons.add(new RiskReason(
                    RiskReason.Signal.BELOW_TARGET,
                    hopeless ? RiskLevel.HIGH : RiskLevel.MEDIUM,
                    String.format(
                            Locale.ROOT,
                            "Forecast course mastery in %d days is %d%% (%d–%d%%), below the %d%% target%s.",
                            target.days(),
                            percent(target.expected()),
                            percent(target.low()),
                            percent(target.high()),
                            percent(rules.targetMastery()),
                            hopeless ? " even at the top of its range" : ""),
                    target.expected()));
        }
        if (reasons.isEmpty()) {
            return new Risk(
                    RiskLevel.LOW,
                    List.of(new RiskReason(
                            RiskReason.Signal.ON_TRACK,
                            RiskLevel.LOW,
                            String.format(
                                    Locale.ROOT,
                                    "On track: practised %s, forecast course mastery in %d days %d%%"
                                            + " against a %d%% target.",
                                    idle == 0 ? "today" : idle == 1 ? "yesterday" : idle + " days ago",
                                    target.days(),
                                    percent(target.expected()),
                                    percent(rules.targetMastery())),
                            target.expected())));
        }
        long high = reasons.stream().filter(r -> r.level() == RiskLevel.HIGH).count();
        var level = high > 0 || reasons.size() >= 2 ? RiskLevel.HIGH : RiskLevel.MEDIUM;
        return new Risk(level, reasons);
    }

    /** Whole percent, rounded down, so that a figure below a threshold never reads as the threshold. */
    static long percent(double share) {
        return (long) Math.floor(100 * share + 1e-9);
    }
}
