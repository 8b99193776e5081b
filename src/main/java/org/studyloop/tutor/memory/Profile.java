package org.studyloop.tutor.memory;

/** A student's long-term tutor profile: counters and the summary written from them. */
public record Profile(
        int turns, int hints, int solutions, int checksRight, int checksWrong, int questionSets, String summary) {

    public static final Profile NONE = new Profile(0, 0, 0, 0, 0, 0, "");
}
