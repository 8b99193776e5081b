/** The privacy module's pages: the administrator's audit log. */
@NullMarked
package org.studyloop.privacy.web;

import org.jspecify.annotations.NullMarked;
