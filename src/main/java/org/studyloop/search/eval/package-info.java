/** The retrieval evaluation: a gold set of questions and the ranking metrics of search-eval. */
@NullMarked
package org.studyloop.search.eval;

import org.jspecify.annotations.NullMarked;
