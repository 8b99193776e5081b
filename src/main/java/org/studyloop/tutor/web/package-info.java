/** The tutor's HTTP calls. */
@NullMarked
package org.studyloop.tutor.web;

import org.jspecify.annotations.NullMarked;
