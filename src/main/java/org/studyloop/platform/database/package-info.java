@NullMarked
package org.studyloop.platform.database;

import org.jspecify.annotations.NullMarked;
