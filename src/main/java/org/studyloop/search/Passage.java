package org.studyloop.search;

import java.util.List;
import java.util.UUID;
import org.studyloop.catalog.CourseId;
import org.studyloop.catalog.SkillId;

/**
 * A retrieved passage: the best chunk of one source (a lesson, or an item's stem, solution or
 * hints).
 *
 * @param sourceId the lesson's or the item's id
 * @param sourceKey the source's key in its course's pack, for evaluation and citations
 * @param text the passage as written, LaTeX included
 * @param snippet its best sentences for the query, HTML-escaped, matches in {@code <mark>}
 * @param score the fused score; higher is better, comparable only within one result list
 */
public record Passage(
        PassageKind kind,
        UUID sourceId,
        String sourceKey,
        String title,
        String text,
        String snippet,
        CourseId courseId,
        String courseKey,
        List<SkillId> skillIds,
        double score) {

    public Passage {
        skillIds = List.copyOf(skillIds);
    }
}
