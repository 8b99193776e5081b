@NullMarked
package org.studyloop.identity.mfa;

import org.jspecify.annotations.NullMarked;
