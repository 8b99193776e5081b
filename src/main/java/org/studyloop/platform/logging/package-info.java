@NullMarked
package org.studyloop.platform.logging;

import org.jspecify.annotations.NullMarked;
