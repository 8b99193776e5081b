package org.studyloop.mastery.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.studyloop.identity.UserId;
import org.studyloop.mastery.RiskLevel;
import org.studyloop.mastery.RiskReason;
import org.studyloop.mastery.advice.Recommendations;
import org.studyloop.mastery.online.MasteryProperties;
import org.studyloop.mastery.outlook.Outlooks;
import org.studyloop.mastery.outlook.Outlooks.Outlook;

/**
 * The learner model's outlook as the pages show it, in the reader's language: the forecast of
 * course mastery with its interval band (a chart and the same figures as a table), the risk level
 * with its reasons, the recommendations and, for a teacher, a next step per reason. The figures
 * are those of {@code users/{id}/predictions} and {@code users/{id}/recommendations}; the sentences
 * are rebuilt from each reason's signal and figure, since the model words its reasons in English.
 */
@Component
class OutlookViews {

    /** A horizon of the forecast, percentages whole; the first is now, where the range is a point. */
    record ForecastRow(String when, long expected, long low, long high) {}

    record RiskView(String level, String levelLabel, List<String> reasons) {}

    /**
     * A recommendation; {@code practice} where adaptive practice is where to act on it, {@code lesson}
     * the lesson to read (catalog's page {@code /lessons/{id}}) for a LESSON one.
     */
    record Advice(
            String kind,
            String title,
            String reason,
            boolean practice,
            @Nullable UUID lesson) {}

    record AtRiskLine(
            UUID studentId,
            String name,
            RiskLevel level,
            String levelLabel,
            List<String> reasons,
            List<String> nextSteps) {}

    private final Outlooks outlooks;
    private final Recommendations recommendations;
    private final MasteryProperties.Outlook rules;
    private final MessageSource messages;

    OutlookViews(
            Outlooks outlooks, Recommendations recommendations, MasteryProperties properties, MessageSource messages) {
        this.outlooks = outlooks;
        this.recommendations = recommendations;
        this.rules = properties.outlook();
        this.messages = messages;
    }

    Outlook of(UserId student) {
        return outlooks.of(student);
    }

    List<ForecastRow> forecast(Outlook outlook, Locale locale) {
        var rows = new ArrayList<ForecastRow>();
        long now = ChartData.percent(outlook.mastery());
        rows.add(new ForecastRow(text("outlook.now", locale), now, now, now));
        outlook.forecast()
                .forEach(p -> rows.add(new ForecastRow(
                        text("outlook.inDays", locale, p.days()),
                        ChartData.percent(p.expected()),
                        ChartData.percent(p.low()),
                        ChartData.percent(p.high()))));
        return rows;
    }

    /** The band is the low line filled up to the high line ({@code fill: "-1"}), the expected line over it. */
    ChartData forecastChart(List<ForecastRow> rows, Locale locale) {
        return new ChartData(
                "line",
                false,
                rows.stream().map(ForecastRow::when).toList(),
                List.of(
                        new ChartData.Series(
                                text("outlook.low", locale),
                                rows.stream().map(ForecastRow::low).toList()),
                        new ChartData.Series(
                                text("outlook.high", locale),
                                rows.stream().map(ForecastRow::high).toList(),
                                "-1"),
                        new ChartData.Series(
                                text("outlook.expected", locale),
                                rows.stream().map(ForecastRow::expected).toList())));
    }

    /** The chart's text alternative: now and the last horizon with its range. */
    String forecastSummary(List<ForecastRow> rows, Outlook outlook, Locale locale) {
        var last = rows.getLast();
        int days =
                outlook.forecast().isEmpty() ? 0 : outlook.forecast().getLast().days();
        return text(
                "outlook.chartLabel",
                locale,
                rows.getFirst().expected(),
                last.expected(),
                days,
                last.low(),
                last.high());
    }

    long intervalPercent() {
        return Math.round(100 * rules.interval());
    }

    RiskView risk(Outlook outlook, Locale locale) {
        var level = outlook.risk().level().name();
        return new RiskView(
                level,
                text("risk.level." + level, locale),
                outlook.risk().reasons().stream().map(r -> reason(r, locale)).toList());
    }

    String reason(RiskReason reason, Locale locale) {
        long target = Math.round(100 * rules.targetMastery());
        return switch (reason.signal()) {
            case NO_ANSWERS -> text("risk.reason.noAnswers", locale);
            case INACTIVE -> text("risk.reason.inactive", locale, Math.round(reason.value()));
            case FALLING -> text("risk.reason.falling", locale, floorPercent(reason.value()));
            case BELOW_TARGET ->
                text("risk.reason.belowTarget", locale, rules.targetDays(), floorPercent(reason.value()), target);
            case ON_TRACK ->
                text("risk.reason.onTrack", locale, rules.targetDays(), floorPercent(reason.value()), target);
        };
    }

    List<Advice> advice(UserId student, Locale locale) {
        return recommendations.of(student).stream()
                .map(r -> new Advice(
                        text("recommendation.kind." + r.kind().name(), locale),
                        phrase(r.pageTitle(), locale),
                        phrase(r.pageReason(), locale),
                        r.kind() != Recommendations.Kind.LESSON,
                        r.kind() == Recommendations.Kind.LESSON ? r.id() : null))
                .toList();
    }

    /** What a teacher could do about each reason, naming the student and their weakest practised skill. */
    List<String> nextSteps(String name, Outlook outlook, Locale locale) {
        var skill = outlook.weakestSkillName().orElseGet(() -> text("intervention.firstSkills", locale));
        return outlook.risk().reasons().stream()
                .map(r -> switch (r.signal()) {
                    case INACTIVE -> text("intervention.inactive", locale, name, Math.round(r.value()));
                    case FALLING -> text("intervention.falling", locale, skill);
                    case BELOW_TARGET -> text("intervention.belowTarget", locale, name, skill, floorPercent(r.value()));
                    case NO_ANSWERS -> text("intervention.noAnswers", locale, name);
                    case ON_TRACK -> text("intervention.onTrack", locale);
                })
                .toList();
    }

    /** Rounded down as the model's reasons are, so a figure below a threshold never reads as it. */
    private static long floorPercent(double share) {
        return (long) Math.floor(100 * share + 1e-9);
    }

    /** A recommendation's words in the page's language; a list argument reads as its phrases joined by commas. */
    private String phrase(Recommendations.Phrase phrase, Locale locale) {
        var arguments = phrase.args().stream()
                .map(a -> switch (a) {
                    case Recommendations.Phrase inner -> phrase(inner, locale);
                    case List<?> list ->
                        list.stream()
                                .map(e -> e instanceof Recommendations.Phrase p ? phrase(p, locale) : String.valueOf(e))
                                .collect(java.util.stream.Collectors.joining(", "));
                    default -> a;
                })
                .toArray();
        return text(phrase.key(), locale, arguments);
    }

    private String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
