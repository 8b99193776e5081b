@NullMarked
package org.studyloop.identity.token;

import org.jspecify.annotations.NullMarked;
