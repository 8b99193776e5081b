@NullMarked
package org.studyloop.engagement.alerts;

import org.jspecify.annotations.NullMarked;
