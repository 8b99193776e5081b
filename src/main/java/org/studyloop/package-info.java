@NullMarked
package org.studyloop;

import org.jspecify.annotations.NullMarked;
