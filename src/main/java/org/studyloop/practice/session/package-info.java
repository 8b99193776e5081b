/** Sessions, answers, hints and reports: the answer loop. */
@NullMarked
package org.studyloop.practice.session;

import org.jspecify.annotations.NullMarked;
