package org.studyloop.insight.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.studyloop.catalog.Catalog;
import org.studyloop.catalog.CourseId;
import org.studyloop.catalog.CourseOutline;
import org.studyloop.catalog.SkillId;
import org.studyloop.classroom.ClassId;
import org.studyloop.classroom.Classroom;
import org.studyloop.identity.Identity;
import org.studyloop.identity.UserId;
import org.studyloop.insight.web.ClassDashboardController.AtRisk;
import org.studyloop.insight.web.ClassDashboardController.ClassDashboard;
import org.studyloop.insight.web.ClassDashboardController.Person;
import org.studyloop.insight.web.ClassDashboardController.SkillColumn;
import org.studyloop.mastery.LearnerOutlook;
import org.studyloop.mastery.RiskAssessment;
import org.studyloop.mastery.RiskLevel;
import org.studyloop.mastery.RiskReason;
import org.studyloop.practice.LearnerModel;

/**
 * Assembles a class dashboard: the columns are the skills of the class's course (else of every
 * course a student of the class has evidence in), in the course's order; the cells are the learner
 * model's mastery as the mastery endpoint shows it; the at-risk list is mastery's risk assessment,
 * with interventions that follow from each reason.
 */
@Component
class ClassDashboards {

    private final Classroom classroom;
    private final Identity identity;
    private final Catalog catalog;
    private final LearnerModel model;
    private final LearnerOutlook outlook;

    ClassDashboards(
            Classroom classroom, Identity identity, Catalog catalog, LearnerModel model, LearnerOutlook outlook) {
        this.classroom = classroom;
        this.identity = identity;
        this.catalog = catalog;
        this.model = model;
        this.outlook = outlook;
    }

    ClassDashboard of(ClassId classId) {
        var students = classroom.studentsOf(classId);
        var names = identity.displayNames(students);
        var levels = new LinkedHashMap<UserId, List<LearnerModel.SkillLevel>>();
        students.forEach(s -> levels.put(s, model.mastery(s, List.of())));
        var courses = courses(classId, levels);
        var skills = courses.stream().flatMap(c -> c.skills().stream()).toList();
        var cells = new ArrayList<List<@Nullable Double>>();
        var atRisk = new ArrayList<AtRisk>();
        for (var student : students) {
            var bySkill = new HashMap<SkillId, Double>();
            levels.get(student).stream()
                    .filter(l -> l.answers() > 0)
                    .forEach(l -> bySkill.put(l.skillId(), l.mastery()));
            var row = new ArrayList<@Nullable Double>();
            skills.forEach(s -> row.add(bySkill.get(s.skillId())));
            cells.add(row);
            var risk = outlook.risk(student);
            if (risk.level() != RiskLevel.LOW) {
                var name = names.getOrDefault(student, "A student");
                atRisk.add(new AtRisk(
                        student.value(),
                        name,
                        risk.level().name(),
                        risk.reasons().stream().map(RiskReason::text).toList(),
                        interventions(name, risk)));
            }
        }
        atRisk.sort(
                Comparator.comparing((AtRisk r) -> RiskLevel.valueOf(r.level())).reversed());
        return new ClassDashboard(
                classId.value(),
                courses.stream().map(c -> c.courseId().value()).toList(),
                students.stream()
                        .map(s -> new Person(s.value(), names.getOrDefault(s, "A student")))
                        .toList(),
                skills.stream()
                        .map(s -> new SkillColumn(s.skillId().value(), s.name()))
                        .toList(),
                cells,
                atRisk);
    }

    private List<CourseOutline> courses(ClassId classId, LinkedHashMap<UserId, List<LearnerModel.SkillLevel>> levels) {
        var own = classroom.courseOf(classId).map(CourseId::new).flatMap(catalog::course);
        if (own.isPresent()) {
            return List.of(own.get());
        }
        var practised = new LinkedHashSet<SkillId>();
        levels.values().forEach(l -> l.forEach(s -> practised.add(s.skillId())));
        return catalog.courses().stream()
                .map(catalog::course)
                .flatMap(Optional::stream)
                .filter(c -> c.skills().stream().anyMatch(s -> practised.contains(s.skillId())))
                .toList();
    }

    /** Concrete next steps for the teacher, one per reason. */
    static List<String> interventions(String name, RiskAssessment risk) {
        var skill = risk.weakestSkillName().orElse("the course's first skills");
        return risk.reasons().stream()
                .map(r -> switch (r.signal()) {
                    case INACTIVE ->
                        String.format(
                                Locale.ROOT,
                                "Check in with %s: no practice for %d days; agree on a short session this week.",
                                name,
                                Math.round(r.value()));
                    case FALLING -> "Assign a review quiz on " + skill + ": course mastery is falling.";
                    case BELOW_TARGET ->
                        String.format(
                                Locale.ROOT,
                                "Set %s a weekly practice goal and assign adaptive practice on %s; the forecast is %d%%.",
                                name,
                                skill,
                                (long) Math.floor(100 * r.value() + 1e-9));
                    case NO_ANSWERS -> "Start " + name + " on an adaptive session of the course.";
                    case ON_TRACK -> "No action needed.";
                })
                .toList();
    }
}
