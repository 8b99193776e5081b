@NullMarked
package org.studyloop.classroom.web;

import org.jspecify.annotations.NullMarked;
