@NullMarked
package org.studyloop.identity.web;

import org.jspecify.annotations.NullMarked;
