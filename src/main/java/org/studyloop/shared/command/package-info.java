@NullMarked
package org.studyloop.shared.command;

import org.jspecify.annotations.NullMarked;
