/** The in-process embedding model. */
@NullMarked
package org.studyloop.search.embedding;

import org.jspecify.annotations.NullMarked;
