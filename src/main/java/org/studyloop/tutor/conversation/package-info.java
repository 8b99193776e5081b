/** The tutor's conversations and their turns, stored in the {@code tutor} schema. */
@NullMarked
package org.studyloop.tutor.conversation;

import org.jspecify.annotations.NullMarked;
