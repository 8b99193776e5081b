@NullMarked
package org.studyloop.classroom.demo;

import org.jspecify.annotations.NullMarked;
