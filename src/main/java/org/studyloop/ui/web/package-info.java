/** The shell's Spring MVC parts: the locale of a page, the shell model, the home page. */
@NullMarked
package org.studyloop.ui.web;

import org.jspecify.annotations.NullMarked;
