package org.studyloop.mastery;

/** How likely a student is to fall behind, by the risk rules of the learner model. */
public enum RiskLevel {
    LOW,
    MEDIUM,
    HIGH
}
