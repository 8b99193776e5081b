package org.studyloop.mastery.bank;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.studyloop.catalog.CourseId;
import org.studyloop.catalog.SkillId;
import org.studyloop.classroom.Classroom;
import org.studyloop.identity.UserId;

/**
 * The courses that count for a student: those of their classes, then those they practised (a skill
 * with evidence belongs to them), each once, as skill graphs.
 */
@Component
public class StudentCourses {

    private final CourseGraphs graphs;
    private final Classroom classroom;

    StudentCourses(CourseGraphs graphs, Classroom classroom) {
        this.graphs = graphs;
        this.classroom = classroom;
    }

    /** The student's courses, given the skills they have evidence on. */
    public List<CourseGraphs.Graph> of(UserId student, Set<SkillId> practised) {
        var ids = new LinkedHashSet<CourseId>();
        for (var classId : classroom.classesOf(student)) {
            classroom.courseOf(classId).map(CourseId::new).ifPresent(ids::add);
        }
        var directory = graphs.skills();
        practised.stream()
                .map(directory::get)
                .filter(java.util.Objects::nonNull)
                .map(CourseGraphs.SkillEntry::courseId)
                .sorted(java.util.Comparator.comparing(CourseId::toString))
                .forEach(ids::add);
        return ids.stream().map(graphs::course).flatMap(Optional::stream).toList();
    }
}
