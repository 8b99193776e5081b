package org.studyloop.practice;

import java.time.LocalDate;

/** A student's answers on one UTC day, and how many of them were correct. */
public record DayActivity(LocalDate day, int answers, int correct) {}
