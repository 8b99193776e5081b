package org.studyloop.insight.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.studyloop.classroom.ClassId;
import org.studyloop.classroom.Classroom;
import org.studyloop.identity.Actor;

/**
 * API.md's class dashboard, for the class's teacher and administrators (anyone else gets 404): the
 * mastery heat-map of the class's students over its course's skills and the students at risk with
 * their reasons and suggested interventions.
 */
@RestController
@Tag(name = "Learner model")
class ClassDashboardController {

    /**
     * @param courseIds the courses whose skills are the columns: the class's course, else those its
     *     students practised
     * @param cells one row per student, one column per skill: the mastery in [0, 1], null without evidence
     * @param atRisk the students at MEDIUM or HIGH risk, HIGH first
     */
    record ClassDashboard(
            UUID classId,
            List<UUID> courseIds,
            List<Person> students,
            List<SkillColumn> skills,
            List<List<@Nullable Double>> cells,
            List<AtRisk> atRisk) {}

    record Person(UUID userId, String displayName) {}

    record SkillColumn(UUID skillId, String name) {}

    record AtRisk(UUID userId, String displayName, String level, List<String> reasons, List<String> interventions) {}

    private final ClassDashboards dashboards;
    private final Classroom classroom;

    ClassDashboardController(ClassDashboards dashboards, Classroom classroom) {
        this.dashboards = dashboards;
        this.classroom = classroom;
    }

    @GetMapping("/api/v1/classes/{classId}/dashboard")
    ClassDashboard dashboard(Actor actor, @PathVariable UUID classId) {
        var id = new ClassId(classId);
        classroom.requireClassManagement(actor, id);
        return dashboards.of(id);
    }
}
