@NullMarked
package org.studyloop.platform.web;

import org.jspecify.annotations.NullMarked;
