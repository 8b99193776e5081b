@NullMarked
package org.studyloop.classroom.classes;

import org.jspecify.annotations.NullMarked;
