/** Upkeep of Spring Modulith's event publication registry. */
@NullMarked
package org.studyloop.platform.events;

import org.jspecify.annotations.NullMarked;
