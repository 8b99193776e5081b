/**
 * The runtime every module stands on: the embedded PostgreSQL, error answers, request ids, log
 * masking, security headers and API docs. No module depends on it; it depends on none.
 */
@NullMarked
package org.studyloop.platform;

import org.jspecify.annotations.NullMarked;
