/** Spaced repetition: the FSRS-6 scheduler and how an answer becomes a rating. Internal to the module. */
@NullMarked
package org.studyloop.mastery.fsrs;

import org.jspecify.annotations.NullMarked;
