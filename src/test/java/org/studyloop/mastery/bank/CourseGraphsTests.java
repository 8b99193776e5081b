package org.studyloop.mastery.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.studyloop.catalog.CourseId;
import org.studyloop.catalog.CourseOutline;
import org.studyloop.catalog.SkillId;

/** A course's skills graph as the learner model reads it. */
class CourseGraphsTests {

    private static final SkillId A = new SkillId(UUID.randomUUID());
    private static final SkillId B = new SkillId(UUID.randomUUID());
    private static final SkillId C = new SkillId(UUID.randomUUID());
    private static final SkillId D = new SkillId(UUID.randomUUID());
    private static final SkillId ELSEWHERE = new SkillId(UUID.randomUUID());

    private static CourseOutline.Skill skill(SkillId id, String name, SkillId... prerequisites) {
        return new CourseOutline.Skill(id, name.toLowerCase(), name, "", List.of(prerequisites));
    }

    @Test
    void dependentsCountEverySkillBuiltOnASkillDirectlyOrNot() {
        // Listed out of order: C before B, and D depends on a skill of another course.
        var outline = new CourseOutline(
                new CourseId(UUID.randomUUID()),
                "c",
                "Course",
                "Maths",
                "en",
                List.of(new CourseOutline.Unit(
                        "u",
                        "u",
                        "Unit",
                        List.of(skill(C, "C", B), skill(A, "A"), skill(B, "B", A), skill(D, "D", A, ELSEWHERE)))));
        var graph = CourseGraphs.graph(outline);
        assertThat(graph.order()).containsExactly(A, B, C, D);
        assertThat(graph.dependentsOf(A)).isEqualTo(3);
        assertThat(graph.dependentsOf(B)).isEqualTo(1);
        assertThat(graph.dependentsOf(C)).isZero();
        assertThat(graph.prerequisitesOf(D)).containsExactly(A);
        assertThat(graph.names()).containsEntry(B, "B");
    }
}
