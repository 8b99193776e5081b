/**
 * Engagement (DESIGN.md, "Modules"): what reaches people between sessions. For now the teacher's
 * alert — a mail to the teacher of each class a student is in when the learner model's risk for
 * the student rises to HIGH ({@code StudentAtRisk}). It owns no tables: the alert rides on the
 * event publication registry (retried until delivered to the outbox) and the mail module's outbox.
 */
@ApplicationModule(displayName = "Engagement")
@NullMarked
package org.studyloop.engagement;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
