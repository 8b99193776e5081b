/**
 * Computerized adaptive testing (CAT) for mock exams and placement: items by maximum Fisher
 * information under randomesque exposure control and blueprint content balancing, ability by EAP
 * with its standard error, stop at a target SE or a maximum length; the {@code cat-sim} command.
 */
@NullMarked
package org.studyloop.mastery.cat;

import org.jspecify.annotations.NullMarked;
