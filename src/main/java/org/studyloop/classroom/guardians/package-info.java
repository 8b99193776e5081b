@NullMarked
package org.studyloop.classroom.guardians;

import org.jspecify.annotations.NullMarked;
