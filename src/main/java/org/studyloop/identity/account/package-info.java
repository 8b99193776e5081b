@NullMarked
package org.studyloop.identity.account;

import org.jspecify.annotations.NullMarked;
