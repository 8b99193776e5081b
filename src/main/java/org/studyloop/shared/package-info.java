/**
 * What every module may use: problem types and the maintenance-command contract. Kept tiny on
 * purpose; an open module, so its sub-packages are visible to all.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
@NullMarked
package org.studyloop.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
