/**
 * The AI tutor: conversations grounded in the course's lessons, a mastery-driven hint ladder that
 * never gives an unanswered item's answer away early, memory of each student, and streaming —
 * with no language model (the default) and with any OpenAI-compatible one. The top-level package
 * is the module's API: {@link org.studyloop.tutor.Tutor}, {@link org.studyloop.tutor.ConversationId}
 * and the event {@link org.studyloop.tutor.TutorTurnTaken}. docs/tutor.md describes the rules.
 */
@ApplicationModule(displayName = "Tutor")
@NullMarked
package org.studyloop.tutor;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
