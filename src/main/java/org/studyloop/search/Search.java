package org.studyloop.search;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.studyloop.catalog.CourseId;
import org.studyloop.classroom.Classroom;
import org.studyloop.identity.Actor;
import org.studyloop.identity.Role;
import org.studyloop.practice.Practice;
import org.studyloop.practice.PracticeProblems;
import org.studyloop.search.retrieval.HybridRetrieval;
import org.studyloop.shared.ProblemException;
import org.studyloop.shared.ProblemType;

/**
 * The search module's API: passages for the tutor ({@link #passages}), and a person's search with
 * what they may see applied ({@link #search}).
 */
@Service
public class Search {

    private final HybridRetrieval retrieval;
    private final Classroom classroom;
    private final Practice practice;

    Search(HybridRetrieval retrieval, Classroom classroom, Practice practice) {
        this.retrieval = retrieval;
        this.classroom = classroom;
        this.practice = practice;
    }

    /** The top passages for a query, with their sources, for a caller that applies its own policy. */
    public List<Passage> passages(PassageQuery query) {
        return retrieval.retrieve(query);
    }

    /**
     * A search as the person may see it: items private to a class only for its members (every
     * class for authors and administrators); worked solutions and hints only for teachers,
     * authors and administrators, since for a student they would give answers away — students
     * reach them through practice and the tutor, which decide when. Nothing while the person has
     * a mock exam running: the lessons would make it open-book (the tutor refuses too).
     */
    public List<Passage> search(
            Actor actor, String text, Optional<CourseId> course, Optional<PassageKind> kind, int limit) {
        if (practice.examInProgress(actor.userId()).isPresent()) {
            throw new ProblemException(
                    PracticeProblems.NOT_DURING_EXAM,
                    "Search is not available during an exam. Finish the exam first; then every lesson is"
                            + " here again.");
        }
        var staff = actor.has(Role.TEACHER) || actor.has(Role.AUTHOR) || actor.isAdmin();
        Set<PassageKind> kinds = kind.map(EnumSet::of).orElseGet(() -> EnumSet.allOf(PassageKind.class));
        if (!staff) {
            if (kind.filter(PassageKind::revealsAnswers).isPresent()) {
                throw new ProblemException(
                        ProblemType.FORBIDDEN,
                        "Worked solutions and hints are shown in practice and by the tutor, not by search.");
            }
            kinds.removeIf(PassageKind::revealsAnswers);
        }
        var everything = actor.has(Role.AUTHOR) || actor.isAdmin();
        var classes = everything
                ? Set.<org.studyloop.classroom.ClassId>of()
                : new HashSet<>(classroom.classesOfMember(actor.userId()));
        return retrieval.retrieve(new PassageQuery(
                text,
                course,
                kinds,
                Optional.empty(),
                Optional.empty(),
                classes,
                everything,
                limit,
                PassageQuery.Retriever.HYBRID));
    }
}
