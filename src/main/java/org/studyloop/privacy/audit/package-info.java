@NullMarked
package org.studyloop.privacy.audit;

import org.jspecify.annotations.NullMarked;
