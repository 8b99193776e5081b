/**
 * A tutor turn: retrieve, diagnose, respond, with the hint ladder, the answer-leak guard and the
 * two engines (the deterministic fallback and the language model).
 */
@NullMarked
package org.studyloop.tutor.turn;

import org.jspecify.annotations.NullMarked;
