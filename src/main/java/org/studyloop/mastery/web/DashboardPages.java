package org.studyloop.mastery.web;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.studyloop.classroom.Classroom;
import org.studyloop.identity.Actor;
import org.studyloop.identity.Identity;
import org.studyloop.identity.UserId;
import org.studyloop.mastery.online.MasteryProperties;
import org.studyloop.practice.Practice;

/**
 * The student dashboard page: practice counters and streak (practice's API), mastery per skill
 * with its confidence as a chart and a table, focus areas and due reviews (the learner model's
 * views the API serves too), and the outlook: the forecast with its interval band, the risk with its
 * reasons, the recommendations. {@code /dashboard} is one's own; {@code /students/{id}} the same page,
 * read-only, for whoever the access policy lets read that student (a parent, a teacher, an admin).
 */
@Controller
class DashboardPages {

    private static final int FOCUS_SHOWN = 5;
    private static final int DUE_SHOWN = 10;
    private static final int ACTIVITY_DAYS = 14;

    private final LearnerViews views;
    private final Practice practice;
    private final Classroom classroom;
    private final Identity identity;
    private final MasteryProperties properties;
    private final MessageSource messages;
    private final OutlookViews outlook;

    DashboardPages(
            LearnerViews views,
            Practice practice,
            Classroom classroom,
            Identity identity,
            MasteryProperties properties,
            MessageSource messages,
            OutlookViews outlook) {
        this.views = views;
        this.practice = practice;
        this.classroom = classroom;
        this.identity = identity;
        this.properties = properties;
        this.messages = messages;
        this.outlook = outlook;
    }

    /** A skill line of the page, percentages whole. */
    record SkillLine(String name, long mastery, long confidence, int attempts) {}

    /** A focus area with the numbers its sentence is made of, in the page's language. */
    record FocusLine(String name, long mastery, int attempts, long goal, int dependents) {}

    @GetMapping("/dashboard")
    String own(Actor actor, Model model, Locale locale) {
        return page(actor.userId(), true, model, locale);
    }

    @GetMapping("/students/{studentId}")
    String ofStudent(Actor actor, @PathVariable UUID studentId, Model model, Locale locale) {
        var student = new UserId(studentId);
        classroom.requireLearnerAccess(actor, student);
        return page(student, actor.is(student), model, locale);
    }

    private String page(UserId student, boolean own, Model model, Locale locale) {
        var skills = views.skills(student).stream()
                .map(s -> new SkillLine(
                        s.name(), ChartData.percent(s.mastery()), ChartData.percent(s.confidence()), s.attempts()))
                .toList();
        var goal = ChartData.percent(properties.masteryThreshold());
        var focus = views.focusAreas(student).stream()
                .limit(FOCUS_SHOWN)
                .map(f -> new FocusLine(
                        f.skill().name(),
                        ChartData.percent(f.skill().mastery()),
                        f.skill().attempts(),
                        goal,
                        f.skill().dependents()))
                .toList();
        var average = skills.stream().mapToLong(SkillLine::mastery).average();
        model.addAttribute("own", own);
        model.addAttribute("studentId", student.value());
        model.addAttribute(
                "studentName", identity.displayNames(List.of(student)).getOrDefault(student, ""));
        model.addAttribute("totals", practice.totals(student));
        model.addAttribute("average", average.isPresent() ? Math.round(average.getAsDouble()) : null);
        model.addAttribute("skills", skills);
        model.addAttribute("focus", focus);
        model.addAttribute("due", views.dueReviews(student, DUE_SHOWN));
        model.addAttribute("chart", masteryChart(skills, locale).json());
        model.addAttribute("activity", activityChart(student, locale).json());
        outlook(student, model, locale);
        return "mastery/dashboard";
    }

    /** The forecast with its band, the risk with its reasons and the recommendations (issue #9). */
    private void outlook(UserId student, Model model, Locale locale) {
        var o = outlook.of(student);
        var rows = outlook.forecast(o, locale);
        model.addAttribute("forecastShown", o.answers() > 0);
        model.addAttribute("forecast", rows);
        model.addAttribute("forecastChart", outlook.forecastChart(rows, locale).json());
        model.addAttribute("forecastSummary", outlook.forecastSummary(rows, o, locale));
        model.addAttribute("interval", outlook.intervalPercent());
        model.addAttribute("risk", outlook.risk(o, locale));
        model.addAttribute("advice", outlook.advice(student, locale));
    }

    /** Answers and correct answers per day: real counts, zeros too, so even a new student has a chart. */
    private ChartData activityChart(UserId student, Locale locale) {
        var days = practice.activity(student, ACTIVITY_DAYS);
        var format = DateTimeFormatter.ofPattern("d MMM", locale);
        return new ChartData(
                "bar",
                false,
                days.stream().map(d -> format.format(d.day())).toList(),
                List.of(
                        new ChartData.Series(
                                messages.getMessage("dashboard.activityAnswers", null, locale),
                                days.stream().map(d -> (long) d.answers()).toList()),
                        new ChartData.Series(
                                messages.getMessage("dashboard.activityCorrect", null, locale),
                                days.stream().map(d -> (long) d.correct()).toList())));
    }

    private ChartData masteryChart(List<SkillLine> skills, Locale locale) {
        return new ChartData(
                "bar",
                true,
                skills.stream().map(SkillLine::name).toList(),
                List.of(
                        new ChartData.Series(
                                messages.getMessage("dashboard.mastery", null, locale),
                                skills.stream().map(SkillLine::mastery).toList()),
                        new ChartData.Series(
                                messages.getMessage("dashboard.confidence", null, locale),
                                skills.stream().map(SkillLine::confidence).toList())));
    }
}
